"""The permission matrix's rows for the audits views that act on one object (see
tests/test_permission_matrix.py): the object each view is opened on; who may is the view's own
declaration (opens=, moves=)."""

from django.utils import timezone

POST_ONLY: set[str] = {"audits:member_remove", "audits:start", "audits:checklist_build", "audits:close"}

# The stage each view works in.
STAGES = {
    "detail": "in_progress",
    "edit": "planned",
    "team": "planned",
    "member_remove": "planned",
    "order_sign": "planned",
    "order_pdf": "in_progress",
    "start": "signed",
    "checklist_build": "planned",
    "checklist_add": "in_progress",
    "checklist_answer": "in_progress",
    "finding_create": "in_progress",
    "finding_withdraw": "in_progress",
    "report": "in_progress",
    "report_pdf": "in_progress",
    "report_edit": "in_progress",
    "recommendation_add": "in_progress",
    "report_sign": "in_progress",
    "report_approve": "report_drafted",
    "report_return": "report_drafted",
    "close": "report_approved",
    "recommendation_order": "report_approved",
}


def _audit(stage: str):
    """A third person's audit at the given stage, written straight to the database."""
    from audits.models import AuditorAssignment, ChecklistItem, Finding, Recommendation
    from core.models import Criterion, Process
    from tests.factories import AuditFactory, UserFactory

    owner = UserFactory(username="matrix_audit_qms")
    leader = UserFactory(username="matrix_audit_leader")
    signed = stage != "planned"
    audit = AuditFactory(
        status="planned" if stage == "signed" else stage,
        created_by=owner,
        order_number="ORD-M" if signed else "",
        order_signed_by=owner if signed else None,
        order_signer_name="Matrix Director" if signed else "",
        order_signed_at=timezone.now() if signed else None,
        order_sha256="0" * 64 if signed else "",
    )
    process = Process.objects.first()
    criterion = Criterion.objects.first()
    audit.processes.add(process)
    audit.criteria.add(criterion)
    seat = AuditorAssignment.objects.create(audit=audit, auditor=leader, role="leader", added_by=owner)
    item = ChecklistItem.objects.create(
        audit=audit, criterion=criterion, position=1, question=criterion.question
    )
    finding = Finding.objects.create(
        audit=audit,
        number=f"{audit.number}-F1",
        kind="observation",
        process=process,
        statement="Seen",
        evidence="Record",
        recorded_by=leader,
    )
    recommendation = Recommendation.objects.create(audit=audit, text="Revise the form.", created_by=leader)
    return audit, {"seat": seat, "item": item, "finding": finding, "recommendation": recommendation}


def kwargs(name: str, person) -> dict | None:
    if not name.startswith("audits:"):
        return None
    view = name.split(":", 1)[1]
    if view in ("list", "programme_create"):
        return {}
    if view in ("programme", "programme_edit", "create"):
        from tests.factories import AuditProgrammeFactory, UserFactory

        AuditProgrammeFactory(year=2026, created_by=UserFactory(username="matrix_audit_qms"))
        if view == "programme":
            _audit("planned")
        return {"year": 2026}
    audit, parts = _audit(STAGES[view])
    if view == "member_remove":
        return {"pk": audit.pk, "member_pk": parts["seat"].pk}
    if view == "checklist_answer":
        return {"pk": audit.pk, "item_pk": parts["item"].pk}
    if view == "finding_withdraw":
        return {"pk": audit.pk, "finding_pk": parts["finding"].pk}
    if view == "recommendation_order":
        return {"pk": audit.pk, "rec_pk": parts["recommendation"].pk}
    return {"pk": audit.pk}


def post_data(name: str) -> dict | None:
    if name == "audits:member_remove":
        return {"reason": "Matrix"}
    return None
