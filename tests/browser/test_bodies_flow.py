"""An expert council's meeting in the browser, from agenda to signed minutes (§6.3.5–6.3.6): the
secretary marks who came and opens it, members vote openly on the standards' validation, the
secretary records the decision and closes the meeting, the chair and the secretary sign (a wrong
password first), and the Director General finds the validated standard ready to approve."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import Role
from documents import services as documents
from documents.models import Document, DocumentVersion
from governance.models.bodies import Body, MeetingItem, MinutesSignature
from governance.services import bodies as services

from .conftest import AXE
from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS

pytestmark = pytest.mark.browser


def _serious(browser, sign_in, username: str, url: str) -> list[str]:
    """axe's serious and critical findings on the page, as its reader sees it (a context of its
    own: the pages' Content-Security-Policy allows no injected script)."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, username)
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    found = [
        f"{v['id']} at {n['target']}"
        for v in page.evaluate(AXE_RUN, AXE_TAGS)
        if v["impact"] in FAILING_IMPACTS
        for n in v["nodes"]
    ]
    context.close()
    return found


def test_an_expert_council_validates_a_standard_from_agenda_to_signed_minutes(
    browser, browser_of, sign_in, live_server, make_person, director, password
):
    today = timezone.localdate()
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username="dana")
    reviewer = make_person(Role.STAFF, username="asel")
    peer = make_person(Role.EXPERT, username="peer")
    standard = documents.document_create(
        actor=qms,
        owner=qms,
        title="Standards of programme accreditation",
        doc_type=Document.Type.STANDARD,
        upload=SimpleUploadedFile("std.txt", b"Standard 1. Programme design"),
        change_summary="New edition",
    )
    version = standard.versions.get()
    documents.version_submit(version=version, actor=qms, reviewers=[reviewer], peer_reviewers=[peer])
    for step in version.steps.all():
        documents.step_decide(step=step, actor=step.reviewer, decision="agreed", password=password)
    body = services.body_create(actor=qms, name="Expert council", kind=Body.Kind.EXPERT_COUNCIL)
    people = {}
    for username, role, last in (
        ("nurlan", "chair", "Abenov"),
        ("gulnara", "secretary", "Iskakova"),
        ("erlan", "member", "Zhunusov"),
    ):
        people[username] = make_person(
            Role.STAFF, username=username, first_name=username.title(), last_name=last
        )
        services.membership_add(
            actor=qms,
            body=body,
            person=people[username],
            role=role,
            constituency="academic",
            term_start=today - datetime.timedelta(days=30),
            term_end=today + datetime.timedelta(days=700),
        )
    meeting = services.meeting_create(actor=people["gulnara"], body=body, number="4", date=today)
    services.item_add(
        meeting=meeting,
        actor=people["gulnara"],
        kind=MeetingItem.Kind.DOCUMENT_VALIDATION,
        title="Validation of the programme standards",
        document_version=version,
    )
    url = f"{live_server.url}{meeting.get_absolute_url()}"

    secretary = browser_of("gulnara")
    secretary.goto(url)
    for name in ("Abenov Nurlan", "Iskakova Gulnara", "Zhunusov Erlan"):
        secretary.get_by_label(name).check()
    secretary.get_by_role("button", name="Save attendance").click()
    expect(secretary.get_by_text("Attendance is saved.")).to_be_visible()
    secretary.get_by_role("button", name="Open the meeting").click()
    expect(secretary.get_by_text("The meeting is in session: members can vote.")).to_be_visible()
    assert _serious(browser, sign_in, "gulnara", url) == []

    for username in ("nurlan", "gulnara", "erlan"):
        member = secretary if username == "gulnara" else browser_of(username)
        member.goto(url)
        member.get_by_role("radio", name="For", exact=True).check()
        member.get_by_role("button", name="Vote", exact=True).click()
        expect(member.get_by_text("Your vote is recorded.")).to_be_visible()

    secretary.goto(url)
    secretary.get_by_label("Wording of the decision").fill("Validate the standards")
    secretary.get_by_role("button", name="Close the vote and record the result").click()
    expect(secretary.get_by_text("The vote is closed and the result recorded.")).to_be_visible()
    secretary.get_by_label("Minutes").fill("The council validated the programme standards unanimously.")
    secretary.get_by_role("button", name="Close the meeting").click()
    expect(secretary.get_by_text("The meeting is closed")).to_be_visible()

    chair = browser_of("nurlan")
    chair.goto(url)
    chair.get_by_role("link", name="Sign the minutes").click()
    chair.get_by_label("Password").fill("wrong")
    chair.get_by_role("button", name="Sign").click()
    expect(chair.get_by_text("The password is not right; nothing was signed.")).to_be_visible()
    assert not MinutesSignature.objects.exists()
    chair.get_by_label("Password").fill(password)
    chair.get_by_role("button", name="Sign").click()
    expect(chair.get_by_text("You signed the minutes.")).to_be_visible()
    secretary.goto(url)
    secretary.get_by_role("link", name="Sign the minutes").click()
    secretary.get_by_label("Password").fill(password)
    secretary.get_by_role("button", name="Sign").click()
    expect(secretary.get_by_text("You signed the minutes.")).to_be_visible()
    assert MinutesSignature.objects.filter(meeting=meeting).count() == 2

    version.refresh_from_db()
    assert version.status == DocumentVersion.Status.AWAITING_APPROVAL
    boss = browser_of(director.username)
    boss.goto(f"{live_server.url}/documents/{standard.pk}/v/{version.pk}/approve/")
    expect(boss.get_by_role("button", name="Approve and sign")).to_be_visible()
    assert _serious(browser, sign_in, "erlan", url) == []
