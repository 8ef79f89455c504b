"""The whole life of a document in the browser: the owner drafts, two reviewers agree,
the Director General approves with a signature, staff read and acknowledge, the approval sheet
opens."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from core.roles import Role
from documents.models import Acknowledgement, Document, DocumentVersion, Signature

pytestmark = pytest.mark.browser


def _logout(page, live_server):
    page.get_by_role("button", name=page.locator(".dropdown-toggle").inner_text().strip()).click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in to the portal")).to_be_visible()


def test_owner_drafts_reviewers_agree_director_approves_staff_acknowledge(
    page, live_server, sign_in, make_person, director, password, tmp_path, shot
):
    make_person(Role.LEGAL_HEAD, Role.STAFF, username="marat", first_name="Marat", last_name="Ospanov")
    make_person(Role.STAFF, username="asel", first_name="Asel", last_name="Omarova")
    make_person(Role.QMS_OWNER, Role.STAFF, username="dana", first_name="Dana", last_name="Tulegenova")
    policy = tmp_path / "privacy-policy.txt"
    policy.write_text("Privacy policy\n1. We keep personal data safe.\n")

    # The legal head registers the document and its first draft.
    sign_in(page, "marat")
    page.goto(f"{live_server.url}/documents/new/")
    page.get_by_label("Type").select_option("policy")
    page.locator("#id_title").fill("Privacy policy")
    page.get_by_label("File").set_input_files(str(policy))
    page.get_by_label("What this version is").fill("First edition.")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("The document is registered as a draft.")).to_be_visible()
    expect(page.get_by_role("heading", name="POL-001 · Privacy policy")).to_be_visible()

    # … and sends it to two reviewers in parallel.
    page.get_by_role("link", name="Send for review").click()
    reviewers = page.get_by_role("group", name="Reviewers who must agree")
    reviewers.get_by_label("Omarova Asel").check()
    reviewers.get_by_label("Tulegenova Dana").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_text("The draft is sent for review.")).to_be_visible()
    _logout(page, live_server)

    # Each reviewer agrees and signs with their password.
    for reviewer in ("asel", "dana"):
        sign_in(page, reviewer)
        page.get_by_role("link", name="POL-001 v1.0 Privacy policy").click()
        page.get_by_role("link", name="Review now").click()
        page.get_by_role("radio", name="Agree").check()
        page.get_by_label("Your password (needed to agree)").fill("wrong-password")
        page.get_by_role("button", name="Record my decision").click()
        expect(page.get_by_text("The password is not right; nothing was signed.")).to_be_visible()
        page.get_by_role("radio", name="Agree").check()
        page.get_by_label("Your password (needed to agree)").fill(password)
        page.get_by_role("button", name="Record my decision").click()
        expect(page.get_by_text("You agreed and signed.")).to_be_visible()
        _logout(page, live_server)

    version = DocumentVersion.objects.get(document__code="POL-001")
    assert version.status == DocumentVersion.Status.AWAITING_APPROVAL

    # The Director General sees it waiting, approves it and signs.
    sign_in(page, "dg")
    page.get_by_role("link", name="POL-001 v1.0 Privacy policy").click()
    page.get_by_role("link", name="Approve and sign").click()
    page.get_by_label("Staff member").check()
    page.get_by_label("Your password (electronic signature)").fill(password)
    page.get_by_role("button", name="Approve and sign").click()
    expect(page.get_by_text("Approved and signed.")).to_be_visible()
    expect(page.locator(".page-header").get_by_text("Effective")).to_be_visible()
    shot(page, "document-approved")
    _logout(page, live_server)

    # A member of staff reads it and acknowledges: not before opening it.
    sign_in(page, "asel")
    page.get_by_role("link", name="POL-001 v1.0 Privacy policy").click()
    page.get_by_role("button", name="I have read and understood it").click()
    expect(page.get_by_role("alert").get_by_text("Open the document first")).to_be_visible()
    page.get_by_role("link", name="Read in the browser").first.click()
    expect(page.get_by_text("We keep personal data safe.")).to_be_visible()
    page.go_back()
    page.reload()
    expect(page.get_by_text("You opened it on")).to_be_visible()
    page.get_by_role("button", name="I have read and understood it").click()
    expect(page.get_by_text("your acknowledgement of POL-001 v1.0 is recorded")).to_be_visible()
    assert Acknowledgement.objects.get(person__username="asel").acknowledged_at is not None

    # The approval sheet is a real PDF listing every signature.
    href = page.get_by_role("link", name="Approval sheet").get_attribute("href")
    sheet = page.request.get(f"{live_server.url}{href}")
    assert sheet.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(sheet.body()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for expected in ("Approval sheet", "POL-001", "Omarova Asel", "Tulegenova Dana", "Agreed", "Approved"):
        assert expected in text, expected
    assert Signature.objects.filter(version=version).count() == 3
    assert Document.objects.get(code="POL-001").status == Document.Status.EFFECTIVE
