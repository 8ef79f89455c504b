"""Internal audits and corrective actions in the browser, each person in a browser of their own
(one context each, signed in through the login form with their own password).

1. An audit from plan to accepted report: the IQAS owner draws up the programme, plans the audit
   and proposes its working group (a process owner among them, with the reason written); the
   Director General signs the order; the leader starts, answers the checklist, records a major
   nonconformity and an observation, writes and signs the report; the Director General (and
   nobody else) accepts it, the stored PDF holds the finding, and a recommendation becomes an
   order to revise a document that lands in its owner's tasks.
2. A corrective action from the nonconformity to its verified effectiveness: accepted for
   analysis, opened with an owner, worked through the steps (the actions step refused while an
   action is open), the action done with evidence by its own owner, and verified effective by an
   auditor who is not the owner: the corrective action and the nonconformity close.
"""

import datetime
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from audits import services as audit_services
from audits.models import Audit, AuditProgramme, Finding, Recommendation
from core.models import Criterion, Process
from core.roles import Role
from documents.models import RevisionRequest
from improvement.models import Action, CorrectiveAction, Nonconformity
from tests.factories import DocumentFactory

pytestmark = pytest.mark.browser

SCREENS = Path(__file__).resolve().parents[2] / "var" / "screens"
PROCESS = "internal-documents"  # Management of internal documents
CRITERIA = ("m-3-2", "m-3-2-2")  # §3.2 Document control, §3.2.2 Records
FINDING = "Three procedures in force were never approved by the Director General."
EVIDENCE = "Register of internal documents, entries PR-003, PR-005 and PR-009: no approval sheet."


def _screen(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")  # else the sticky top bar is drawn where the page was scrolled
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def _audit_dates() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    ends = min(today + datetime.timedelta(days=10), datetime.date(today.year, 12, 31))
    return min(today, ends), ends


@pytest.fixture
def people(make_person):
    """The IQAS owner, the Director General, two auditors, the owner of the audited process (who
    also owns the document the audit will want changed), and a member of staff."""
    cast = {
        "qms": make_person(
            Role.QMS_OWNER, Role.STAFF, username="qms", first_name="Dana", last_name="Tulegenova"
        ),
        "dg": make_person(Role.DIRECTOR, username="dg", first_name="Alexander", last_name="Nikolaev"),
        "leader": make_person(
            Role.AUDITOR, Role.STAFF, username="aigul", first_name="Aigul", last_name="Sadykova"
        ),
        "member": make_person(
            Role.AUDITOR, Role.STAFF, username="erlan", first_name="Erlan", last_name="Abenov"
        ),
        "owner": make_person(
            Role.LEGAL_HEAD, Role.AUDITOR, username="marat", first_name="Marat", last_name="Ospanov"
        ),
        "staff": make_person(Role.STAFF, username="asel", first_name="Asel", last_name="Omarova"),
    }
    Process.objects.filter(code=PROCESS).update(owner=cast["owner"])
    return cast


def test_an_audit_from_plan_to_approved_report(live_server, browser_of, people, password):
    url = live_server.url
    year = timezone.localdate().year
    starts, ends = _audit_dates()
    document = DocumentFactory(code="PR-007", title="Document control procedure", owner=people["owner"])

    # The IQAS owner draws up the year's programme (there is none yet) and plans an audit in it.
    qms = browser_of("qms")
    qms.goto(f"{url}/audits/")
    assert not AuditProgramme.objects.filter(year=year).exists()
    qms.get_by_role("link", name="New programme").click()
    expect(qms.get_by_label("Year")).to_have_value(str(year))
    qms.get_by_label("Objectives").fill("Check that documents and records are under control.")
    qms.get_by_role("button", name="Save").click()
    expect(qms.get_by_text("The audit programme is drawn up")).to_be_visible()
    expect(qms.get_by_role("heading", name=f"Audit programme {year}")).to_be_visible()
    qms.get_by_role("link", name="Plan an audit").click()
    qms.get_by_label("Title").fill("Control of documents and records")
    qms.get_by_label("Scope").fill("Legal department; documents issued this year.")
    qms.get_by_label("Starts").fill(starts.isoformat())
    qms.get_by_label("Ends").fill(ends.isoformat())
    qms.get_by_role("group", name="Processes audited").get_by_label(
        "Management of internal documents"
    ).check()
    criteria = qms.get_by_role("group", name="Audit criteria")
    criteria.get_by_label("§3.2 Document control").check()
    criteria.get_by_label("§3.2.2 Records").check()
    _screen(qms, "audit-01-plan")
    qms.get_by_role("button", name="Save the plan").click()
    expect(qms.get_by_text("The audit is planned.")).to_be_visible()
    audit = Audit.objects.get()
    audit_url = f"{url}/audits/{audit.pk}/"
    expect(
        qms.get_by_role("heading", name=f"{audit.number} · Control of documents and records")
    ).to_be_visible()

    # … proposes the working group: a leader, a member, and the owner of the audited process,
    # who is warned about and appointed only with a written reason.
    qms.get_by_role("link", name="Working group").click()
    qms.get_by_label("Person").select_option(label="Sadykova Aigul · auditor")
    qms.get_by_label("Role in the group").select_option(label="Leader")
    qms.get_by_role("button", name="Appoint").click()
    expect(qms.get_by_text("The working group is updated.")).to_be_visible()
    qms.get_by_label("Person").select_option(label="Abenov Erlan · auditor")
    qms.get_by_role("button", name="Appoint").click()
    expect(qms.get_by_text("The working group is updated.")).to_be_visible()
    qms.get_by_label("Person").select_option(label="Ospanov Marat · auditor")
    qms.get_by_role("button", name="Appoint").click()
    expect(qms.get_by_text("Ospanov Marat owns a process in this audit's scope")).to_be_visible()
    _screen(qms, "audit-02-team-warning")
    qms.get_by_label("Person").select_option(label="Ospanov Marat · auditor")
    qms.get_by_label("Reason to go ahead").fill(
        "The only specialist in records; he will not audit his own register."
    )
    qms.get_by_role("button", name="Appoint").click()
    expect(qms.get_by_text("The working group is updated.")).to_be_visible()
    group = qms.locator("section").filter(has_text="The group now")
    expect(group.get_by_text("owns Management of internal documents")).to_be_visible()
    assert audit.team.filter(active=True).count() == 3

    # The Director General signs the order, with the password again.
    dg = browser_of("dg")
    expect(dg.get_by_text("Sign the order appointing the working group")).to_be_visible()
    dg.goto(audit_url)
    expect(dg.get_by_text("Ospanov Marat audits a process they own")).to_be_visible()
    dg.get_by_role("link", name="Sign the order").click()
    dg.get_by_label("Your password").fill("not-my-password")
    dg.get_by_role("button", name="Sign the order").click()
    expect(dg.get_by_text("The password is not right")).to_be_visible()
    dg.get_by_label("Your password").fill(password)
    dg.get_by_role("button", name="Sign the order").click()
    expect(dg.get_by_text("The order is signed; the working group is told.")).to_be_visible()

    # The leader starts the audit from the task on the dashboard.
    leader = browser_of("aigul")
    expect(leader.get_by_text("Start the audit: the order is signed")).to_be_visible()
    leader.get_by_role("link", name=f"{audit.number} Control of documents and records").first.click()
    leader.get_by_role("button", name="Start the audit").click()
    expect(leader.get_by_text("The audit is under way; its checklist is ready.")).to_be_visible()
    checklist = leader.locator("#checklist")
    expect(checklist.get_by_role("link", name="Answer")).to_have_count(2)

    # … answers the checklist: document control (§3.2) does not conform, records (§3.2.2) do.
    checklist.get_by_role("link", name="Answer").first.click()
    expect(leader.get_by_text("Are IQAS documents identified, agreed, approved")).to_be_visible()
    leader.get_by_label("Does not conform").check()
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("Say what does not conform and what you saw.")).to_be_visible()
    leader.get_by_label("Does not conform").check()
    leader.get_by_label("Notes and evidence seen").fill(EVIDENCE)
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The answer is recorded.")).to_be_visible()
    checklist.get_by_role("link", name="Answer").nth(1).click()
    leader.get_by_label("Conforms", exact=True).check()
    leader.get_by_label("Notes and evidence seen").fill("Records of this year are complete and indexed.")
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The answer is recorded.")).to_be_visible()

    # … records a major nonconformity from that question, and an observation.
    checklist.get_by_role("link", name="Record a finding").click()
    expect(leader.get_by_label("Evidence")).to_have_value(EVIDENCE)
    leader.get_by_label("Kind").select_option(label="Major nonconformity")
    leader.get_by_role("textbox", name="Finding", exact=True).fill(FINDING)
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The finding is recorded.")).to_be_visible()
    leader.locator("#findings").get_by_role("link", name="Record a finding").click()
    leader.get_by_label("Kind").select_option(label="Observation")
    leader.get_by_label("Process").select_option(label="Management of internal documents")
    leader.get_by_role("textbox", name="Finding", exact=True).fill(
        "Archived versions are kept in two places."
    )
    leader.get_by_label("Evidence").fill("Shared drive folder Archive and the paper archive, room 204.")
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The finding is recorded.")).to_be_visible()
    major = Finding.objects.get(kind=Finding.Kind.MAJOR)
    assert major.nonconformity is not None and major.nonconformity.owner == people["owner"]
    findings = leader.locator("#findings")
    expect(findings.get_by_role("link", name=major.nonconformity.number)).to_be_visible()
    _screen(leader, "audit-03-fieldwork")

    # … writes the report, recommends changing the procedure, and signs.
    leader.get_by_role("link", name="Write the report").click()
    leader.get_by_label("Analysis of the key processes").fill(
        "Documents are registered, but approval is skipped when a procedure is urgent."
    )
    leader.get_by_label("Conclusion").fill("The process is partly effective.")
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The report is saved.")).to_be_visible()
    leader.get_by_role("link", name="Add a recommendation").click()
    leader.get_by_label("Recommendation").fill("Make the approval sheet a required step of PR-007.")
    leader.get_by_label("Document it would change").select_option(label="PR-007 Document control procedure")
    leader.get_by_role("button", name="Save").click()
    expect(leader.get_by_text("The recommendation is added.")).to_be_visible()
    leader.get_by_role("link", name="Sign the report").click()
    leader.get_by_label("Your password").fill(password)
    leader.get_by_role("button", name="Sign the report").click()
    expect(leader.get_by_text("The report is signed and sent to the Director General.")).to_be_visible()

    # Someone who is not the Director General cannot accept it: no button, and the page refuses.
    qms.goto(audit_url)
    expect(qms.get_by_text("Report drafted").first).to_be_visible()
    expect(qms.get_by_role("link", name="Accept the report")).to_have_count(0)
    response = qms.goto(f"{audit_url}report/approve/")
    assert response.status == 403
    expect(qms.get_by_role("heading", name="Access denied")).to_be_visible()

    # The Director General accepts the report.
    dg.goto(f"{url}/dashboard/")
    expect(dg.get_by_text("Accept or return the audit report")).to_be_visible()
    dg.goto(audit_url)
    dg.get_by_role("link", name="Accept the report").click()
    dg.get_by_label("Your password").fill(password)
    dg.get_by_role("button", name="Accept the report").click()
    expect(dg.get_by_text("The report is accepted and kept as signed.")).to_be_visible()
    header = dg.locator(".page-header")
    expect(header.get_by_text("Report approved")).to_be_visible()
    report = dg.locator("#report")
    expect(report.get_by_text("Nikolaev Alexander (Director General)")).to_be_visible()
    _screen(dg, "audit-04-accepted")

    # The accepted report's PDF: what was stored, with the finding in it.
    href = report.get_by_role("link", name="PDF").get_attribute("href")
    pdf = dg.request.get(f"{url}{href}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    flat = " ".join(text.split())
    assert FINDING in flat and f"Evidence: {EVIDENCE}" in flat
    assert "Major nonconformity" in flat and major.nonconformity.number in flat

    # … and turns the recommendation into an order to revise the procedure.
    report.get_by_role("link", name="Order a document change").click()
    expect(dg.get_by_label("Document to change")).to_have_value(str(document.pk))
    dg.get_by_label("Revise by").fill((timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    dg.get_by_role("button", name="Order the change").click()
    expect(dg.get_by_text("The order is given: the document's owner has a revision task.")).to_be_visible()
    expect(dg.locator("#report").get_by_text("ordered by Nikolaev Alexander")).to_be_visible()
    assert Recommendation.objects.get().ordered_at is not None

    # The document's owner finds the order among their tasks.
    owner = browser_of("marat")
    task = owner.get_by_role("link", name="PR-007 Document control procedure")
    expect(task).to_be_visible()
    expect(owner.get_by_text("Revise per the Director General's order")).to_be_visible()
    _screen(owner, "audit-05-owner-tasks")
    assert RevisionRequest.objects.get().document == document


@pytest.fixture
def raised_nonconformity(people, password):
    """What an audit like the one above leaves behind, made with the services: a major
    nonconformity of the process Marat owns, found by Aigul's audit."""
    starts, ends = _audit_dates()
    qms, dg, leader = people["qms"], people["dg"], people["leader"]
    programme = audit_services.programme_create(actor=qms, year=starts.year)
    audit = audit_services.audit_plan(
        actor=qms,
        programme=programme,
        title="Control of documents and records",
        processes=Process.objects.filter(code=PROCESS),
        criteria=Criterion.objects.filter(code__in=CRITERIA),
        starts_on=starts,
        ends_on=ends,
    )
    audit_services.team_appoint(audit=audit, actor=qms, auditor=leader, role="leader")
    audit_services.order_sign(audit=audit, actor=dg, password=password)
    audit = audit_services.audit_start(audit=audit, actor=leader)
    item = audit.checklist.get(criterion__code="m-3-2")
    audit_services.checklist_answer(item=item, actor=leader, result="nonconforms", note=EVIDENCE)
    finding = audit_services.finding_record(
        audit=audit,
        actor=leader,
        kind=Finding.Kind.MAJOR,
        process=Process.objects.get(code=PROCESS),
        criterion=item.criterion,
        statement=FINDING,
        evidence=EVIDENCE,
        checklist_item=item,
    )
    return finding.nonconformity


def test_a_capa_from_finding_to_verified_effectiveness(live_server, browser_of, people, raised_nonconformity):
    url = live_server.url
    nc = raised_nonconformity
    nc_url = f"{url}/improvement/nonconformities/{nc.pk}/"

    # The IQAS owner accepts the nonconformity for analysis and opens the corrective action.
    qms = browser_of("qms")
    expect(qms.get_by_text("Waiting to be accepted for analysis")).to_be_visible()
    qms.get_by_role("link", name=f"{nc.number} {nc.title}", exact=True).click()
    qms.get_by_role("button", name="Accept for analysis").click()
    expect(qms.get_by_text("Done.")).to_be_visible()
    qms.get_by_role("link", name="Open a corrective action").click()
    qms.get_by_label("Owner of the corrective action").select_option(label="Ospanov Marat")
    qms.get_by_role("button", name="Open the corrective action").click()
    expect(qms.get_by_text("The corrective action is opened.")).to_be_visible()
    capa = CorrectiveAction.objects.get()
    capa_url = f"{url}/improvement/capa/{capa.pk}/"
    assert capa.owner == people["owner"]

    # Its owner works the steps: the analysis, five whys and the root cause, the evaluation.
    owner = browser_of("marat")
    expect(owner.get_by_text("Step waiting for you: 1. Analysis of the nonconformity")).to_be_visible()
    owner.get_by_role("link", name=f"{capa.number} {nc.title}", exact=True).click()
    expect(
        owner.get_by_role("heading", name="Current step: 1. Analysis of the nonconformity")
    ).to_be_visible()
    owner.get_by_role("textbox", name="Analysis of the nonconformity").fill(
        "Three urgent procedures went into force without the approval sheet."
    )
    owner.get_by_role("button", name="Save and complete the step").click()
    expect(owner.get_by_text("The step is completed.")).to_be_visible()
    owner.get_by_label("Why? (1)").fill("The procedures were needed the same week.")
    owner.get_by_role("textbox", name="Root cause").fill("No urgent approval route in PR-007.")
    owner.get_by_role("button", name="Save and complete the step").click()
    expect(owner.get_by_text("Answer “why?” at least twice").first).to_be_visible()
    capa.refresh_from_db()
    assert capa.step == CorrectiveAction.Step.ROOT_CAUSE and not capa.root_cause
    owner.get_by_label("Why? (2)").fill("The portal let a draft be published without the approval step.")
    owner.get_by_label("Why? (3)").fill("Nobody had described an urgent route.")
    owner.get_by_role("button", name="Save and complete the step").click()
    expect(owner.get_by_text("The step is completed.")).to_be_visible()
    expect(owner.get_by_role("heading", name="Current step: 3. Evaluation of actions")).to_be_visible()
    owner.get_by_role("textbox", name="Evaluation of actions to prevent recurrence").fill(
        "Add an urgent approval route with the Director General's signature within a day."
    )
    owner.get_by_role("button", name="Save", exact=True).click()
    expect(owner.get_by_text("Saved.")).to_be_visible()

    # … adds an action for a colleague, and completes the evaluation.
    due = timezone.localdate() + datetime.timedelta(days=14)
    actions = owner.locator("#actions")
    actions.get_by_role("textbox", name="Action", exact=True).fill(
        "Write the urgent approval route into PR-007."
    )
    actions.get_by_label("Owner").select_option(label="Omarova Asel")
    actions.get_by_label("Due").fill(due.isoformat())
    actions.get_by_role("button", name="Add the action").click()
    expect(owner.get_by_text("The action is added; its owner is told.")).to_be_visible()
    owner.get_by_role("button", name="Save and complete the step").click()
    expect(owner.get_by_text("The step is completed.")).to_be_visible()

    # Step 4 cannot be completed while the action is open: the page says why instead of
    # offering a button that would be refused.
    expect(owner.get_by_text("1 action is still open")).to_be_visible()
    expect(owner.get_by_role("button", name="Complete the step", exact=True)).to_have_count(0)
    _screen(owner, "capa-01-actions-refused")
    capa.refresh_from_db()
    assert capa.step == CorrectiveAction.Step.ACTIONS

    # The action's owner marks it done, with evidence, from "My actions".
    asel = browser_of("asel")
    asel.get_by_role("link", name="My actions").click()
    asel.get_by_role("link", name="Mark done").click()
    asel.get_by_role("textbox", name="Evidence", exact=True).fill(
        "PR-007 v2.0 section 4.3 'Urgent approval', in review."
    )
    asel.get_by_role("button", name="Mark done").click()
    expect(asel.get_by_text("The action is marked done.")).to_be_visible()
    assert Action.objects.get().status == Action.Status.DONE

    # The owner completes the actions and records the results.
    owner.goto(capa_url)
    owner.get_by_role("button", name="Complete the step").click()
    expect(owner.get_by_text("The step is completed.")).to_be_visible()
    owner.get_by_role("textbox", name="Results of the actions").fill(
        "The urgent route is in PR-007 v2.0 and was used once."
    )
    owner.get_by_role("button", name="Save and complete the step").click()
    expect(owner.get_by_text("The step is completed.")).to_be_visible()

    # The owner may not check the effectiveness of their own corrective action.
    verify = owner.locator("section").filter(has_text="6. Effectiveness check").first
    expect(verify.get_by_text("You own this corrective action: someone else must verify")).to_be_visible()
    expect(owner.get_by_role("button", name="Record the effectiveness check")).to_have_count(0)

    # An auditor who owns neither it nor its actions verifies it effective.
    auditor = browser_of("erlan")
    expect(auditor.get_by_text("Verify the effectiveness of the corrective action")).to_be_visible()
    auditor.goto(capa_url)
    auditor.get_by_label("Effective: close it").check()
    auditor.get_by_role("textbox", name="What the effectiveness check found").fill(
        "Two urgent procedures since were approved by the route; no repeat found."
    )
    auditor.get_by_role("button", name="Record the effectiveness check").click()
    expect(
        auditor.get_by_text("Verified effective: the corrective action and the nonconformity are closed.")
    ).to_be_visible()
    expect(auditor.get_by_text("Verified effective by Abenov Erlan")).to_be_visible()
    _screen(auditor, "capa-02-verified")
    capa.refresh_from_db()
    assert capa.step == CorrectiveAction.Step.CLOSED and capa.effective is True

    # The nonconformity is closed too.
    auditor.goto(nc_url)
    expect(auditor.locator(".page-header").get_by_text("Closed", exact=True)).to_be_visible()
    nc.refresh_from_db()
    assert nc.status == Nonconformity.Status.CLOSED and nc.closed_at is not None
