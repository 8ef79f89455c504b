"""A whole internal audit through the services: programme, plan, group, order, checklist,
findings, report, acceptance, closing (§7.2.2)."""

import hashlib
import io

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from audits import selectors, services
from audits.models import Audit, ChecklistItem, Finding
from core.models import Notification, WorkflowEvent
from improvement.models import CorrectiveAction, Nonconformity
from tests.factories import PASSWORD

from .conftest import answer_all


def pdf_text(content: bytes) -> str:
    """The PDF's text, with table cells' line breaks joined again."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return text.replace("-\n", "-").replace("\n", " ")


def test_audits_are_numbered_per_year(planned, people, programme, processes, criteria):
    second = services.audit_plan(
        actor=people["qms"],
        programme=programme,
        title="Archive",
        processes=processes[1:],
        criteria=criteria[:1],
        starts_on=planned.starts_on,
        ends_on=planned.ends_on,
    )
    assert (planned.number, second.number) == ("IA-2026-01", "IA-2026-02")
    assert planned.status == Audit.Status.PLANNED
    assert set(planned.processes.all()) == set(processes)


def test_signing_the_order_appoints_the_group(ordered, people):
    audit = Audit.objects.get(pk=ordered.pk)
    assert audit.order_number == "ORD-IA-2026-01"
    assert audit.order_signed_by == people["director"]
    assert "Director General" in audit.order_signer_name
    assert audit.order_sha256 == hashlib.sha256(selectors.order_content(audit).encode()).hexdigest()
    # Each member now sees the audit (and only through the order); others do not.
    for who in ("leader", "member"):
        assert audit in selectors.audits_visible_to(people[who])
        assert Notification.objects.filter(recipient=people[who], subject__contains="appointed").exists()
    assert audit not in selectors.audits_visible_to(people["other_auditor"])
    assert WorkflowEvent.objects.filter(object_id=audit.pk, action__startswith="Order").exists()


def test_the_order_pdf_names_the_group(ordered):
    from audits.pdf import order_pdf

    text = pdf_text(order_pdf(ordered))
    assert "ORD-IA-2026-01" in text and "Leader Lena" in text and "Member Marat" in text


def test_starting_builds_the_checklist_once(running, criteria, people):
    assert running.status == Audit.Status.IN_PROGRESS
    assert running.checklist.count() == len(criteria)
    assert set(running.checklist.values_list("question", flat=True)) == {c.question for c in criteria}
    assert services.checklist_build(audit=running, actor=people["leader"]) == 0  # idempotent
    services.checklist_item_add(audit=running, actor=people["member"], question="Is the archive room locked?")
    assert running.checklist.count() == len(criteria) + 1


def test_a_nonconformity_finding_raises_a_register_record(running, people, processes, criteria):
    item = running.checklist.first()
    services.checklist_answer(
        item=item, actor=people["member"], result="nonconforms", note="Records past retention."
    )
    finding = services.finding_record(
        audit=running,
        actor=people["member"],
        kind=Finding.Kind.MAJOR,
        process=processes[0],
        criterion=criteria[0],
        statement="Records are kept past their retention period",
        evidence="Register entries R-12 and R-19",
        checklist_item=item,
    )
    assert finding.number == "IA-2026-01-F1"
    nc = finding.nonconformity
    assert nc.source == Nonconformity.Source.AUDIT
    assert (nc.severity, nc.process, nc.criterion, nc.owner) == (
        "major",
        processes[0],
        criteria[0],
        people["owner"],
    )
    assert nc.source_reference == "IA-2026-01-F1"
    observation = services.finding_record(
        audit=running,
        actor=people["leader"],
        kind=Finding.Kind.GOOD_PRACTICE,
        process=processes[1],
        statement="Archive inventory is complete",
        evidence="Inventory 2025",
    )
    assert observation.number == "IA-2026-01-F2" and observation.nonconformity is None


def test_a_finding_is_withdrawn_not_deleted(running, people, processes):
    finding = services.finding_record(
        audit=running,
        actor=people["member"],
        kind="minor_nc",
        process=processes[0],
        statement="Missing signature",
        evidence="Form F-3",
    )
    services.finding_withdraw(finding=finding, actor=people["leader"], reason="The signature was on page 2.")
    finding.refresh_from_db()
    assert finding.withdrawn and finding.withdrawn_reason == "The signature was on page 2."
    assert Finding.objects.filter(pk=finding.pk).exists()
    assert WorkflowEvent.objects.filter(
        object_id=finding.nonconformity_id, action__contains="withdrawn"
    ).exists()


def test_the_accepted_report_is_kept_as_a_pdf(approved, people):
    audit = Audit.objects.get(pk=approved.pk)
    assert audit.status == Audit.Status.REPORT_APPROVED
    assert audit.approver_name.startswith("Director Alma")
    content = audit.report_file.read()
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == audit.report_sha256
    text = pdf_text(content)
    for expected in (
        "IA-2026-01",
        "IA-2026-01-F1",
        "Two records kept past their retention period",
        "Register entries R-12 and R-19",
        "Records are kept well overall.",
        "Revise the records procedure.",
        "Leader Lena",
        "Director Alma",
    ):
        assert expected in text, expected
    assert Notification.objects.filter(recipient=people["member"], subject__contains="accepted").exists()


def test_a_draft_report_shows_placeholders_for_signatures(running):
    from audits.pdf import report_pdf

    text = pdf_text(report_pdf(running))
    assert "not yet signed" in text and "not yet accepted" in text


def test_the_director_returns_a_report_with_a_comment(drafted, people):
    audit = services.report_return(
        audit=drafted, actor=people["director"], comment="Analyse the archive too."
    )
    assert audit.status == Audit.Status.IN_PROGRESS and audit.report_signed_at is None
    assert WorkflowEvent.objects.filter(object_id=audit.pk, comment="Analyse the archive too.").exists()
    # The group works on and signs again.
    signed = services.report_sign(audit=audit, actor=people["leader"], password=PASSWORD)
    assert signed.status == Audit.Status.REPORT_DRAFTED


def test_closing_waits_for_corrective_actions(approved, people):
    with pytest.raises(ValidationError, match="no corrective action yet"):
        services.audit_close(audit=approved, actor=people["qms"])
    nc = approved.findings.get().nonconformity
    CorrectiveAction.objects.create(number="CA-T-1", nonconformity=nc, owner=people["owner"])
    closed = services.audit_close(audit=approved, actor=people["qms"])
    assert closed.status == Audit.Status.CLOSED
    statuses = list(
        WorkflowEvent.objects.filter(object_id=closed.pk, content_type__model="audit")
        .exclude(to_state="")
        .values_list("to_state", flat=True)
    )
    assert statuses == ["planned", "in_progress", "report_drafted", "report_approved", "closed"]


def test_checklist_counts(running, people):
    answer_all(running, people["member"], result="na")
    counts = {c["result"]: c["count"] for c in selectors.checklist_counts(running)}
    assert counts[ChecklistItem.Result.NOT_APPLICABLE] == running.checklist.count()
    assert counts[ChecklistItem.Result.OPEN] == 0
