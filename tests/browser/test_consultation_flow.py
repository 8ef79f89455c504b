"""A draft standard's public consultation in the browser (§6.3): the working group's secretary
puts the draft to consultation from its development plan and adds a section; a stakeholder,
not signed in, comments on that section on the public page; the secretary publishes the comment,
answers it and marks it accepted with the reason; the public page shows the answer, the plan's
route shows the draft in consultation, and the summary PDF lists the comment with its answer and
disposition. The public page passes axe (no serious or critical WCAG 2.1 AA violation)."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from core.roles import Role
from documents import services as documents
from documents.models import Document
from governance.models.bodies import Body
from governance.models.standards_dev import ConsultationComment
from governance.services import bodies
from governance.services import standards_dev as services

from .conftest import AXE
from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS

pytestmark = pytest.mark.browser


def test_a_draft_standard_goes_to_public_consultation_and_a_stakeholder_s_comment_is_accepted(
    browser, browser_of, live_server, make_person
):
    today = timezone.localdate()
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username="dana")
    secretary = make_person(Role.STAFF, username="asel", first_name="Asel", last_name="Omarova")
    standard = documents.document_create(
        actor=qms,
        owner=qms,
        title="Standards of programme accreditation",
        doc_type=Document.Type.STANDARD,
        upload=SimpleUploadedFile("std.txt", b"Standard 1. Programme design"),
        change_summary="New edition",
    )
    group = bodies.body_create(actor=qms, name="Working group on the standards", kind=Body.Kind.WORKING_GROUP)
    bodies.membership_add(
        actor=qms,
        body=group,
        person=secretary,
        role="secretary",
        constituency="agency",
        term_start=today - datetime.timedelta(days=30),
        term_end=today + datetime.timedelta(days=300),
    )
    plan = services.plan_create(
        actor=qms, document=standard, working_group=group, reason="ESG 2015", scope="Programmes"
    )

    page = browser_of("asel")
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    page.get_by_role("link", name="Open a public consultation").click()
    page.get_by_label("Closes (last day for comments)").fill(
        (today + datetime.timedelta(days=14)).isoformat()
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The consultation is set up")).to_be_visible()
    page.get_by_label("Number").fill("2")
    page.get_by_label("Title").fill("Design of the programme")
    page.get_by_label("Text").fill("2.1. Learning outcomes follow the qualifications framework.")
    page.get_by_role("button", name="Add the section").click()
    expect(page.get_by_text("The section is added.")).to_be_visible()
    public_url = page.get_by_role("link", name="Public page").get_attribute("href")

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US", bypass_csp=True)
    visitor = context.new_page()
    visitor.goto(f"{live_server.url}{public_url}")
    expect(visitor.get_by_text("2.1. Learning outcomes follow the qualifications framework.")).to_be_visible()
    visitor.add_script_tag(path=str(AXE))
    serious = [
        f"{v['id']} at {n['target']}"
        for v in visitor.evaluate(AXE_RUN, AXE_TAGS)
        if v["impact"] in FAILING_IMPACTS
        for n in v["nodes"]
    ]
    assert serious == []
    visitor.get_by_label("Section").select_option(label="2 Design of the programme")
    visitor.get_by_label("Your name").fill("Erlan Zhumabayev")
    visitor.get_by_label("Organization").fill("Employers' union")
    visitor.get_by_label("You comment as").select_option(label="Employer")
    visitor.get_by_label("Your comment").fill("Name the professional standards the outcomes must follow.")
    visitor.get_by_role("button", name="Send the comment").click()
    expect(visitor.get_by_text("your comment will appear once the working group has read it")).to_be_visible()
    comment = ConsultationComment.objects.get()
    assert comment.status == "pending"

    page.reload()
    entry = page.locator(f"#comment-{comment.pk}")
    entry.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("The comment is published.")).to_be_visible()
    entry = page.locator(f"#comment-{comment.pk}")
    entry.get_by_label("Answer").fill("Thank you: clause 2.1 now names them.")
    entry.get_by_role("button", name="Save the answer").click()
    expect(page.get_by_text("The answer is saved.")).to_be_visible()
    entry = page.locator(f"#comment-{comment.pk}")
    entry.get_by_label("Disposition").select_option(label="Accepted")
    entry.get_by_label("Reason").fill("Agrees with ESG 1.2")
    entry.get_by_role("button", name="Record the disposition").click()
    expect(page.get_by_text("The disposition is recorded.")).to_be_visible()
    comment.refresh_from_db()
    assert (comment.disposition, comment.disposed_by) == ("accepted", secretary)

    visitor.goto(f"{live_server.url}{public_url}")
    expect(visitor.get_by_text("Thank you: clause 2.1 now names them.")).to_be_visible()
    expect(visitor.get_by_text("Agrees with ESG 1.2")).to_be_visible()
    context.close()

    summary_url = page.get_by_role("link", name="Summary (PDF)").get_attribute("href")
    response = page.request.get(f"{live_server.url}{summary_url}")
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages).split())
    assert "Name the professional standards the outcomes must follow." in text
    assert "Accepted: Agrees with ESG 1.2" in text

    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    expect(page.locator("#route [aria-current=step]")).to_contain_text("Public consultation")
