"""The management review (§4.6) in the browser, each person in a browser of their own (one
context each, signed in through the login form with their own password).

The IQAS owner plans the review of last year, assembles its input pack (the PDF holds every
§4.6.2 section), records the meeting with its participants and conclusions, adds two decisions
with owners and due dates and sends the order for signature. Nobody but the Director General may
sign it; the Director General's wrong password signs nothing, the right one signs, and the
order's PDF opens. Each decision's owner finds it on the dashboard and in "My actions", cannot
mark it done without evidence, and marks it done with evidence. The IQAS owner cannot close the
review while a decision is open, and closes it once both are done.
"""

import datetime
import io

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from core.roles import Role

pytestmark = pytest.mark.browser

PACK_SECTIONS = (
    "1. Feedback from stakeholders",
    "2. Results of internal audits",
    "3. Corrective actions and risks",
    "4. Self-assessment and monitoring outcomes",
    "5. EEC reports at internal expertise",
    "6. Nonconformities",
    "7. Survey results",
    "8. Key performance indicators against targets",
    "9. Status of the previous review's decisions",
    "10. Implementation of the strategy",
    "11. Other inputs",
)
PARTICIPANTS = "Alexander Nikolaev (chair), Dana Tulegenova (secretary), Saule Akhmetova, Asel Omarova."
CONCLUSIONS = "The IQAS is effective; experts ask for earlier visit programmes; too few student experts."
PLAN_DECISION = "Approve the strategy implementation plan with the KPI targets and the survey calendar."
EXPERT_DECISION = "Recruit and train six more student experts before the spring visits."


@pytest.fixture
def people(make_person):
    return {
        "qms": make_person(
            Role.QMS_OWNER, Role.STAFF, username="qms", first_name="Dana", last_name="Tulegenova"
        ),
        "dg": make_person(Role.DIRECTOR, username="dg", first_name="Alexander", last_name="Nikolaev"),
        "pm": make_person(
            Role.PROJECT_MANAGER, Role.STAFF, username="saule", first_name="Saule", last_name="Akhmetova"
        ),
        "staff": make_person(Role.STAFF, username="asel", first_name="Asel", last_name="Omarova"),
    }


def _pdf_text(page, url: str) -> str:
    """The PDF behind a link, as its reader gets it, flattened to one line."""
    response = page.request.get(url)
    assert response.ok, f"{url} answered {response.status}"
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    return " ".join(text.split())


def _mark_done(page, url: str, decision: str, evidence: str) -> None:
    """From the dashboard to "My actions", then the decision's "Mark done"."""
    page.goto(f"{url}/dashboard/")
    expect(page.get_by_text("Carry out the review decision and record its evidence").first).to_be_visible()
    page.get_by_role("link", name="My actions").first.click()
    row = page.get_by_role("row").filter(has_text=decision[:60])
    expect(row.get_by_text("Management review")).to_be_visible()
    row.get_by_role("link", name="Mark done").click()
    page.get_by_role("textbox", name="Evidence", exact=True).fill(evidence)
    page.get_by_role("button", name="Mark done").click()
    expect(page.get_by_text("The action is marked done.")).to_be_visible()


def test_a_management_review_from_plan_to_closing(live_server, browser_of, people, password):
    url = live_server.url
    today = timezone.localdate()
    last_year = today.year - 1

    # The IQAS owner plans the review of last year (the form proposes it) with the DG as chair.
    qms = browser_of("qms")
    qms.goto(f"{url}/improvement/reviews/")
    expect(qms.get_by_text("No management review is planned yet.")).to_be_visible()
    qms.get_by_role("link", name="Plan a review").click()
    expect(qms.get_by_label("Period from")).to_have_value(f"{last_year}-01-01")
    expect(qms.get_by_label("Period to")).to_have_value(f"{last_year}-12-31")
    qms.get_by_label("Planned date of the meeting").fill(today.isoformat())
    qms.get_by_label("Chair").select_option(label="Nikolaev Alexander")
    qms.get_by_role("button", name="Plan the review").click()
    expect(qms.get_by_text("The management review is planned.")).to_be_visible()
    number = f"MR-{last_year}-01"
    expect(qms.get_by_role("heading", name=f"Management review {number}")).to_be_visible()
    header = qms.locator(".page-header")
    expect(header.get_by_text("Planned", exact=True)).to_be_visible()
    review_url = qms.url

    # … assembles the input pack from the portal: one PDF with every §4.6.2 section.
    qms.get_by_role("button", name="Assemble the input pack").click()
    expect(qms.get_by_text("The input pack is assembled from the portal's records.")).to_be_visible()
    expect(header.get_by_text("Inputs assembled")).to_be_visible()
    href = header.get_by_role("link", name="Input pack").get_attribute("href")
    pack = _pdf_text(qms, f"{url}{href}")
    assert f"Management review input pack {number}" in pack
    missing = [title for title in PACK_SECTIONS if title not in pack]
    assert not missing, f"the input pack lacks {missing}"

    # … records the meeting: who took part, and its conclusions.
    meeting = qms.locator("#hold")
    expect(meeting.get_by_label("Held on")).to_have_value(today.isoformat())
    meeting.get_by_label("Participants").fill(PARTICIPANTS)
    meeting.get_by_label("Conclusions").fill(CONCLUSIONS)
    meeting.get_by_role("button", name="Record the meeting").click()
    expect(qms.get_by_text("The meeting is recorded. Add its decisions now.")).to_be_visible()
    expect(header.get_by_text("Held", exact=True)).to_be_visible()
    expect(qms.locator("#hold dd").get_by_text(CONCLUSIONS)).to_be_visible()

    # … adds two decisions, each with an owner and a due date.
    for kind, text, owner, days in (
        ("Next year's strategy implementation plan", PLAN_DECISION, "Akhmetova Saule", 30),
        ("Resource needs", EXPERT_DECISION, "Omarova Asel", 60),
    ):
        form = qms.locator("#decision")
        form.get_by_label("About").select_option(label=kind)
        form.get_by_role("textbox", name="Decision").fill(text)
        form.get_by_label("Owner").select_option(label=owner)
        form.get_by_label("Due").fill((today + datetime.timedelta(days=days)).isoformat())
        form.get_by_role("button", name="Add the decision").click()
        expect(
            qms.get_by_text("The decision is added. Its owner is told when the order is signed.")
        ).to_be_visible()
    decisions = qms.locator("#decisions")
    expect(decisions.get_by_text("in force once the order is signed")).to_have_count(2)
    for text in (PLAN_DECISION, EXPERT_DECISION):
        expect(decisions.get_by_text(text)).to_be_visible()

    # … and sends the order to the Director General for signature.
    qms.locator("#submit").get_by_role("button", name="Send the order for signature").click()
    expect(qms.get_by_text("The order is sent to the Director General for signature.")).to_be_visible()
    expect(header.get_by_text("Order awaiting signature")).to_be_visible()

    # Nobody but the Director General signs: no button for the IQAS owner, and the page refuses
    # the IQAS owner and a project manager alike.
    expect(qms.get_by_role("link", name="Sign the order")).to_have_count(0)
    sign_url = f"{review_url}order/sign/"
    assert qms.goto(sign_url).status == 403
    expect(qms.get_by_role("heading", name="Access denied")).to_be_visible()
    pm = browser_of("saule")
    assert pm.goto(sign_url).status == 403
    expect(pm.get_by_role("heading", name="Access denied")).to_be_visible()

    # The Director General finds the order among their tasks; a wrong password signs nothing.
    dg = browser_of("dg")
    expect(dg.get_by_text("Sign the management review order")).to_be_visible()
    dg.goto(review_url)
    dg.get_by_role("link", name="Sign the order").click()
    expect(dg.get_by_text(PLAN_DECISION)).to_be_visible()
    dg.get_by_label("Your password").fill("not-my-password")
    dg.get_by_role("button", name="Sign the order").click()
    expect(dg.get_by_text("The password is not right; nothing was signed.")).to_be_visible()
    dg.goto(review_url)
    expect(dg.locator(".page-header").get_by_text("Order awaiting signature")).to_be_visible()
    expect(dg.get_by_role("link", name="Signed order")).to_have_count(0)

    # … and the right one signs.
    dg.get_by_role("link", name="Sign the order").click()
    dg.get_by_label("Your password").fill(password)
    dg.get_by_role("button", name="Sign the order").click()
    expect(dg.get_by_text("The order is signed; each decision's owner is told.")).to_be_visible()
    expect(dg.locator(".page-header").get_by_text("Order signed")).to_be_visible()
    expect(dg.locator("#submit").get_by_text("Nikolaev Alexander")).to_be_visible()

    # The signed order's PDF opens, with both decisions, their owners and the conclusions.
    href = dg.locator(".page-header").get_by_role("link", name="Signed order").get_attribute("href")
    order = _pdf_text(dg, f"{url}{href}")
    assert f"ORD-{number}" in order
    for text in (
        PLAN_DECISION,
        EXPERT_DECISION,
        "Akhmetova Saule",
        "Omarova Asel",
        "Conclusions of the review",
    ):
        assert " ".join(text.split()) in order, f"the order lacks {text!r}"

    # A decision's owner finds it on the dashboard and in "My actions"; without evidence it
    # stays open.
    asel = browser_of("asel")
    expect(asel.get_by_text("Carry out the review decision and record its evidence")).to_be_visible()
    asel.get_by_role("link", name="My actions").first.click()
    row = asel.get_by_role("row").filter(has_text=EXPERT_DECISION[:60])
    expect(row.get_by_text(number)).to_be_visible()
    row.get_by_role("link", name="Mark done").click()
    expect(asel.get_by_text(EXPERT_DECISION)).to_be_visible()
    asel.get_by_role("button", name="Mark done").click()
    expect(asel.get_by_text("This field is required.").first).to_be_visible()
    asel.get_by_role("link", name="My actions").first.click()
    row = asel.get_by_role("row").filter(has_text=EXPERT_DECISION[:60])
    expect(row.get_by_text("Open", exact=True)).to_be_visible()

    # … then with evidence: done.
    row.get_by_role("link", name="Mark done").click()
    asel.get_by_role("textbox", name="Evidence", exact=True).fill(
        "Six student experts trained on 12 March; list in the expert pool."
    )
    asel.get_by_role("button", name="Mark done").click()
    expect(asel.get_by_text("The action is marked done.")).to_be_visible()

    # The IQAS owner cannot close the review while the other decision is open.
    qms.goto(review_url)
    expect(qms.get_by_text("1 decision is still open.")).to_be_visible()
    qms.locator("#close").get_by_role("button", name="Close the review").click()
    expect(qms.get_by_text("1 decision(s) are still open")).to_be_visible()
    expect(qms.get_by_text("Nothing was saved.")).to_be_visible()
    expect(qms.locator(".page-header").get_by_text("Order signed")).to_be_visible()

    # The project manager does theirs, from the dashboard.
    _mark_done(pm, url, PLAN_DECISION, "Plan approved by order 12-OD of 25 February; on the intranet.")

    # Now the IQAS owner is asked to close the review, and closes it.
    qms.goto(f"{url}/dashboard/")
    expect(qms.get_by_text("Close the management review: its decisions are done")).to_be_visible()
    qms.goto(review_url)
    decisions = qms.locator("#decisions")
    expect(decisions.get_by_text("Six student experts trained on 12 March")).to_be_visible()
    expect(decisions.get_by_text("Done", exact=True)).to_have_count(2)
    qms.locator("#close").get_by_role("button", name="Close the review").click()
    expect(qms.get_by_text("The management review is closed.")).to_be_visible()
    expect(qms.locator(".page-header").get_by_text("Closed", exact=True)).to_be_visible()
    expect(qms.get_by_role("button", name="Close the review")).to_have_count(0)
