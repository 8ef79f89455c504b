"""One programme accreditation end to end in the browser, across the roles: the organization
applies, the project manager checks and contracts, the coordinator forms the commission, the
experts declare and score, the chair reports, the council votes, the secretary records and
publishes, the Director General signs, and the certificate PDF opens with its QR address."""

import datetime
import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accreditation import services
from accreditation.models import AccreditationProject, Certificate, Vote
from core.roles import Role

pytestmark = pytest.mark.browser
S = AccreditationProject.Status


def _from_dashboard(page, step: str) -> None:
    """The dashboard lists the step as a task that leads straight to where it is done."""
    expect(page.get_by_text(step).first).to_be_visible()
    # The task is named by the project's number and the organization: "PR-2026-0001 · …".
    page.get_by_role("link", name=re.compile(r"^PR-\d{4}-\d{4} · Eurasian Tech University$")).first.click()


def _as(page, sign_in, username):
    page.context.clear_cookies()
    sign_in(page, username)


def test_a_programme_accreditation_from_application_to_certificate(
    page, live_server, sign_in, make_person, password, tmp_path, shot
):
    from demo.documents import simple_pdf

    url = live_server.url
    pm = make_person(Role.PROJECT_MANAGER, username="saule", first_name="Saule", last_name="Akhmetova")
    make_person(Role.COORDINATOR, username="timur", first_name="Timur", last_name="Bekov")
    rep = make_person(username="kairat", first_name="Kairat", last_name="Serikbayev")
    make_person(Role.DIRECTOR, username="dg", first_name="Alexander", last_name="Nikolaev")
    make_person(Role.COUNCIL_SECRETARY, username="zhanna", first_name="Zhanna", last_name="Secretary")
    for n, name in enumerate(("Erlan", "Roza", "Askar"), start=1):
        make_person(Role.COUNCIL_MEMBER, username=f"council{n}", first_name=name, last_name=f"Member{n}")
    for username, first, category, city in (
        ("nurlan", "Nurlan", "academic", "Astana"),
        ("gulnara", "Gulnara", "employer", "Pavlodar"),
    ):
        user = make_person(username=username, first_name=first, last_name="Expert")
        services.expert_save(
            actor=pm,
            user=user,
            category=category,
            field="Information technology",
            languages=["ru"],
            country="KZ",
            city=city,
            employer="Industry LLP",
            ethics_accepted_on=datetime.date(2025, 1, 1),
        )
    org = services.organization_register(
        actor=pm, name="Eurasian Tech University", org_type="university", levels=["higher"], city="Almaty"
    )
    services.programme_save(
        organization=org,
        actor=pm,
        code="6B06101",
        name="Information systems",
        level="bachelor",
        languages=["ru"],
    )
    services.representative_add(organization=org, actor=pm, user=rep)
    report = tmp_path / "self-assessment.pdf"
    report.write_bytes(simple_pdf(["Self-assessment report of Eurasian Tech University"]))

    # The organization applies for the programme's accreditation.
    _as(page, sign_in, "kairat")
    page.goto(f"{url}/accreditation/projects/apply/")
    page.get_by_label("Kind of accreditation").select_option("specialized")
    page.get_by_label("6B06101 Information systems").check()
    page.get_by_role("button", name="Submit the application").click()
    expect(page.get_by_text("Your application is submitted.")).to_be_visible()
    project = AccreditationProject.objects.get()
    project_url = f"{url}/accreditation/projects/{project.pk}/"

    # The project manager runs the threshold check, registers the contract, names the coordinator.
    _as(page, sign_in, "saule")
    page.goto(project_url)
    page.get_by_role("button", name="New application: start the threshold check").click()
    page.get_by_role("link", name="Record the threshold check").click()
    for box in page.locator("input[type=checkbox]").all():
        box.check()
    page.get_by_role("button", name="Record the check").click()
    page.get_by_role("link", name="Register the contract").click()
    page.get_by_label("Contract number").fill("IAAR-2026/117")
    page.get_by_label("Cost").fill("2500000")
    today = datetime.date.today()
    page.get_by_label("Signed on").fill((today - datetime.timedelta(days=60)).isoformat())
    page.get_by_label("Valid until").fill((today + datetime.timedelta(days=300)).isoformat())
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("The contract is registered")).to_be_visible()
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Assign the coordinator").click()
    page.get_by_label("Coordinator").select_option(label="Bekov Timur")
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("The coordinator is assigned.")).to_be_visible()

    # The organization uploads its self-assessment; the project manager finds it conforming.
    _as(page, sign_in, "kairat")
    page.goto(project_url)
    page.get_by_role("link", name="Upload the self-assessment report").click()
    page.get_by_label("Self-assessment report").set_input_files(str(report))
    page.get_by_role("button", name="Upload").click()
    _as(page, sign_in, "saule")
    page.goto(project_url)
    page.get_by_role("link", name="Review", exact=True).click()
    page.get_by_label("Conforms to the standards").check()
    page.get_by_role("button", name="Record the review").click()

    # The coordinator forms the commission and sends it to the organization.
    _as(page, sign_in, "timur")
    _from_dashboard(page, "Form the expert commission")
    page.locator("#id_expert").select_option(
        label="Expert Nurlan · Academic · Information technology · Astana"
    )
    page.get_by_label("Role").select_option("chair")
    page.get_by_role("button", name="Seat", exact=True).click()
    expect(page.get_by_text("The expert is seated on the commission.")).to_be_visible()
    page.locator("#id_expert").select_option(index=1)
    page.get_by_role("button", name="Seat", exact=True).click()
    page.get_by_role("button", name="Send to the organization for agreement").click()
    expect(page.get_by_text("The composition is sent to the organization for agreement.")).to_be_visible()
    page.goto(project_url)
    page.get_by_role("button", name="More").click()
    page.get_by_role("link", name="Visit dates").click()
    page.get_by_label("First day").fill((today - datetime.timedelta(days=3)).isoformat())
    page.get_by_label("Last day").fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Save").click()

    # Each expert signs the no-conflict declaration; the organization agrees; the DG approves.
    for expert in ("nurlan", "gulnara"):
        _as(page, sign_in, expert)
        _from_dashboard(page, "Sign the no-conflict declaration")
        page.get_by_role("button", name="Sign the no-conflict declaration").click()
        expect(page.get_by_text("Your no-conflict declaration is signed.")).to_be_visible()
    _as(page, sign_in, "kairat")
    page.goto(project_url)
    page.get_by_role("link", name="Agree the expert commission").click()
    page.get_by_label("We agree the composition").check()
    page.get_by_role("button", name="Send the answer").click()
    _as(page, sign_in, "dg")
    _from_dashboard(page, "Approve the expert commission")
    page.get_by_role("button", name="Approve the commission").click()
    expect(page.get_by_text("The commission is approved")).to_be_visible()

    # After the visit the coordinator evaluates the commission.
    _as(page, sign_in, "timur")
    page.goto(project_url)
    page.get_by_role("link", name="Record the visit and evaluate the commission").click()
    for group in page.locator("fieldset").all():
        group.get_by_label("5").check()
    page.get_by_role("button", name="Record the visit").click()
    expect(page.get_by_text("The visit is recorded")).to_be_visible()

    # The member scores; the chair consolidates, writes and submits the report.
    _as(page, sign_in, "gulnara")
    page.goto(project_url)
    page.get_by_role("link", name="Score the criteria").first.click()
    for select in page.locator("main select").all():
        select.select_option("satisfactory")
    page.get_by_role("button", name="Save the scores").click()
    expect(page.get_by_text("Your scores are saved.")).to_be_visible()
    _as(page, sign_in, "nurlan")
    page.goto(project_url)
    page.get_by_role("link", name="Consolidate the scores and write the report").click()
    for select in page.locator("select[name^=final]").all():
        select.select_option("strong")
    page.get_by_role("button", name="Save the consolidated scores").click()
    page.get_by_label("Strengths").fill("Close links with employers.")
    page.get_by_label("Recommendations to the organization").fill("Involve students in reviews.")
    page.get_by_label("Recommended decision").select_option("accredit")
    page.get_by_label("Recommended term (years)").select_option("5")
    page.get_by_role("button", name="Save the report").click()
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_text("submitted for IAAR's internal expertise")).to_be_visible()

    # The project manager's internal expertise finds the report conforming.
    _as(page, sign_in, "saule")
    page.goto(project_url)
    page.get_by_role("link", name="Review the EEC report").click()
    page.get_by_label("Meets IAAR's requirements").check()
    page.get_by_role("button", name="Record the decision").click()

    # The secretary plans the meeting, puts the project on the agenda, marks attendance, opens.
    _as(page, sign_in, "zhanna")
    page.goto(f"{url}/accreditation/council/new/")
    page.get_by_label("Meeting number").fill("AC-2026-12")
    page.get_by_label("Date").fill(today.isoformat())
    for n in (1, 2, 3):
        page.get_by_label(f"Member{n}").check()
    page.get_by_role("button", name="Plan").click()
    page.get_by_label("Put a project on the agenda").select_option(index=1)
    page.get_by_role("button", name="Add to the agenda").click()
    for n in (1, 2, 3):
        page.get_by_label(f"Member{n}").check()
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_role("button", name="Open the meeting").click()
    meeting_url = page.url

    # Council members vote openly.
    for n, choice in ((1, "Accredit for 5 years"), (2, "Accredit for 5 years"), (3, "Accredit for 3 years")):
        _as(page, sign_in, f"council{n}")
        page.goto(meeting_url)
        page.get_by_label(choice).check()
        page.get_by_role("button", name="Vote", exact=True).click()
        expect(page.get_by_text("Your vote is recorded.")).to_be_visible()
    assert Vote.objects.count() == 3

    # The secretary closes the vote and the meeting.
    _as(page, sign_in, "zhanna")
    page.goto(meeting_url)
    page.get_by_role("button", name="Close the vote and record the result").click()
    expect(page.get_by_text("Decision: Accredit for 5 years")).to_be_visible()
    page.get_by_label("Minutes").fill("The council accredited the programme for five years.")
    page.get_by_role("button", name="Close the meeting").click()
    shot(page, "council-meeting-closed")

    # The Director General signs the certificate with the password.
    _as(page, sign_in, "dg")
    _from_dashboard(page, "Sign the certificate")
    page.get_by_label("Your password").fill(password)
    page.get_by_role("button", name="Sign", exact=True).click()
    expect(page.get_by_text("The certificate is signed.")).to_be_visible()

    # The secretary publishes; monitoring starts.
    _as(page, sign_in, "zhanna")
    page.goto(project_url)
    page.get_by_role("button", name="Publish the decision").click()
    expect(page.get_by_text("The decision is published")).to_be_visible()
    project.refresh_from_db()
    assert project.status == S.POST_MONITORING
    shot(page, "accreditation-project-published")

    # The organization opens its certificate PDF: the number, the holder and the check address.
    certificate = Certificate.objects.get()
    _as(page, sign_in, "kairat")
    page.goto(project_url)
    href = page.get_by_role("link", name="PDF").last.get_attribute("href")
    response = page.request.get(f"{url}{href}")
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert certificate.number in text and "Eurasian Tech University" in text and "6B06101" in text
    # … and anyone can check it at the address its QR code holds.
    page.context.clear_cookies()
    page.goto(f"{url}{certificate.verify_path()}")
    expect(page.get_by_text("This certificate is genuine and in force.")).to_be_visible()
