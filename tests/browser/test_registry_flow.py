"""A visitor uses the public registry end to end: searches and filters, opens the organization
and the programme, downloads the EEC report and the filtered list, checks the certificate by its
QR address, and sees the check turn to revoked once the Accreditation Council revokes it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from demo.walkthrough import council_decides

pytestmark = pytest.mark.browser


def test_a_visitor_finds_an_accreditation_and_checks_its_certificate(
    page, live_server, published_registry, shot
):
    world = published_registry
    number = world.certificate.number
    url = live_server.url

    # A lower-case search in Russian, narrowed to valid specialized accreditations.
    page.goto(f"{url}/registry/")
    expect(page.get_by_text("accreditations found.")).to_be_visible()
    page.get_by_label("Name, acronym, IAAR ID, programme or certificate number").fill("евразийский")
    page.get_by_label("Kind", exact=True).select_option("specialized")
    page.get_by_label("Status", exact=True).select_option("valid")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_text("1 accreditation found.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=number)
    expect(row).to_contain_text("Eurasian Tech University")
    expect(row).to_contain_text("6B06101 Information systems")
    expect(row.get_by_text("Valid", exact=True)).to_be_visible()
    shot(page, "registry-list")

    # The filtered list as CSV: this accreditation and no other.
    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert number in text and "B-0000" not in text, text[:500]

    # The organization, its programme, and the EEC report the council decided on.
    row.get_by_role("link", name="Eurasian Tech University").click()
    expect(page.get_by_role("heading", level=1, name="Eurasian Tech University")).to_be_visible()
    expect(page.get_by_role("heading", name="Accredited programmes")).to_be_visible()
    shot(page, "registry-organization")
    page.get_by_role("link", name="6B06101 Information systems").first.click()
    expect(page.get_by_role("heading", level=1, name="6B06101 Information systems")).to_be_visible()
    with page.expect_download() as download:
        # A plain click opens the PDF in Chromium's viewer; Alt+click saves the linked file
        # (as "Save link as..." does), which hands the test the file itself.
        page.get_by_role("link", name="EEC report (PDF)").click(modifiers=["Alt"])
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    # The QR code on the certificate opens the check.
    page.goto(f"{url}{world.certificate.verify_path()}")
    expect(page.get_by_text("This certificate is genuine and in force.")).to_be_visible()
    expect(page.get_by_text(number, exact=True)).to_be_visible()
    shot(page, "registry-verify")

    # The council revokes the accreditation: the same address now says so.
    council_decides(world.project, world, "revoke", number="AC-REVOKE")
    page.reload()
    expect(page.get_by_text("This certificate is genuine but not in force")).to_be_visible()
    expect(page.get_by_text("Revoked", exact=True)).to_be_visible()
    expect(page.get_by_text("genuine and in force")).to_have_count(0)
    shot(page, "registry-verify-revoked")
