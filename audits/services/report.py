"""The report: written and signed by the leader, accepted by the Director General, whose
recommendations may become orders to change documents; then the audit is closed."""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import password_confirm, people_with_perm, require_perm, signer_name
from core.services import notification_send
from core.workflow import event_record, transition_perform
from documents.services.revision import revision_request_create

from .. import selectors
from ..models import Audit, ChecklistItem, Recommendation
from ..pdf import report_pdf
from ..workflow import AUDIT_WORKFLOW
from .common import lock, require_leader, require_planner

S = Audit.Status


def _require_writing(audit: Audit) -> None:
    if audit.status != S.IN_PROGRESS:
        raise ValidationError(_("The report can be written only while the audit is in progress."))


@transaction.atomic
def report_save(*, audit: Audit, actor, analysis: str, conclusion: str = "") -> Audit:
    """The leader writes the analysis of the key processes and the conclusion."""
    audit = lock(audit)
    require_leader(actor, audit)
    _require_writing(audit)
    audit.analysis, audit.conclusion = (analysis or "").strip(), (conclusion or "").strip()
    audit._change_reason = "Report written"
    audit.save()
    return audit


@transaction.atomic
def recommendation_add(*, audit: Audit, actor, text: str, document=None) -> Recommendation:
    """The leader adds a recommendation, optionally naming the document it would change."""
    audit = lock(audit)
    require_leader(actor, audit)
    _require_writing(audit)
    text = (text or "").strip()
    if len(text) < 5:
        raise ValidationError({"text": _("Write the recommendation.")})
    recommendation = Recommendation.objects.create(
        audit=audit, text=text, document=document, created_by=actor
    )
    event_record(obj=audit, action=gettext_lazy("Recommendation added"), actor=actor, comment=text)
    return recommendation


@transaction.atomic
def report_sign(*, audit: Audit, actor, password: str) -> Audit:
    """The leader signs the report (password again): every checklist question answered and the
    analysis written. The Director General is asked to accept it."""
    audit = lock(audit)
    require_leader(actor, audit)
    _require_writing(audit)
    open_items = audit.checklist.filter(result=ChecklistItem.Result.OPEN).count()
    if not audit.checklist.exists():
        raise ValidationError(_("The checklist is empty: prepare and answer it before signing the report."))
    if open_items:
        raise ValidationError(
            _("%(count)s checklist questions are not answered yet; answer every one before signing.")
            % {"count": open_items}
        )
    if not audit.analysis.strip():
        raise ValidationError(_("Write the analysis of the key processes before signing the report."))
    password_confirm(actor, password)
    audit = transition_perform(
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        target=S.REPORT_DRAFTED,
        actor=actor,
        also={
            "report_signed_by": actor,
            "report_signed_at": timezone.now(),
            "report_signer_name": signer_name(actor)[:300],
        },
    )
    notification_send(
        recipients=people_with_perm("audits.approve_audit_report"),
        subject=gettext_lazy("The report of the internal audit %(number)s is signed: please accept it"),
        params={"number": audit.number},
        url=audit.get_absolute_url(),
    )
    return audit


def _members(audit: Audit) -> list:
    return [seat.auditor for seat in audit.team.filter(active=True).select_related("auditor")]


@transaction.atomic
def report_approve(*, audit: Audit, actor, password: str) -> Audit:
    """The Director General accepts the signed report (password again). The report is rendered
    as it was accepted and kept with its SHA-256; nothing in it changes afterwards."""
    require_perm(
        actor,
        "audits.approve_audit_report",
        _("Only the Director General accepts an internal audit report."),
    )
    audit = lock(audit)
    if audit.status != S.REPORT_DRAFTED:
        raise ValidationError(_("Only a report the leader has signed can be accepted."))
    password_confirm(actor, password)
    audit.approved_by, audit.approved_at = actor, timezone.now()
    audit.approver_name = signer_name(actor)[:300]
    content = report_pdf(audit, language=settings.LANGUAGE_CODE)
    name = f"internal-audit-report-{audit.number}.pdf"
    audit.report_file.save(name, ContentFile(content), save=False)
    audit = transition_perform(
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        target=S.REPORT_APPROVED,
        actor=actor,
        also={
            "approved_by": actor,
            "approved_at": audit.approved_at,
            "approver_name": audit.approver_name,
            "report_file": audit.report_file.name,
            "report_sha256": hashlib.sha256(content).hexdigest(),
        },
    )
    notification_send(
        recipients=[*_members(audit), *people_with_perm("audits.change_audit")],
        subject=gettext_lazy("The report of the internal audit %(number)s is accepted"),
        params={"number": audit.number},
        url=audit.get_absolute_url(),
    )
    return audit


@transaction.atomic
def report_return(*, audit: Audit, actor, comment: str) -> Audit:
    """The Director General sends a signed report back to the working group with a comment;
    the leader's signature is cleared and the group works on."""
    require_perm(
        actor,
        "audits.approve_audit_report",
        _("Only the Director General returns an internal audit report."),
    )
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Say what the working group should change.")})
    audit = lock(audit)
    if audit.status != S.REPORT_DRAFTED:
        raise ValidationError(_("Only a report the leader has signed can be returned."))
    audit = transition_perform(
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        target=S.IN_PROGRESS,
        actor=actor,
        comment=comment,
        also={"report_signed_by": None, "report_signed_at": None, "report_signer_name": ""},
    )
    notification_send(
        recipients=_members(audit),
        subject=gettext_lazy("The report of the internal audit %(number)s is returned"),
        params={"number": audit.number},
        body=comment,
        url=audit.get_absolute_url(),
    )
    return audit


@transaction.atomic
def audit_close(*, audit: Audit, actor, comment: str = "") -> Audit:
    """The IQAS owner closes an accepted audit once every nonconformity it found has its
    corrective action started (or its record closed): nothing found is left without an owner."""
    require_planner(actor)
    audit = lock(audit)
    if audit.status != S.REPORT_APPROVED:
        raise ValidationError(_("Only an audit whose report is accepted can be closed."))
    waiting = selectors.open_nonconformities(audit)
    if waiting:
        raise ValidationError(
            _("These nonconformities have no corrective action yet: %(list)s. Start them first.")
            % {"list": ", ".join(f"{f.number} ({f.nonconformity.number})" for f in waiting)}
        )
    return transition_perform(
        obj=audit, workflow=AUDIT_WORKFLOW, target=S.CLOSED, actor=actor, comment=comment
    )


@transaction.atomic
def recommendation_order(
    *,
    recommendation: Recommendation,
    actor,
    document,
    due_on: datetime.date,
    reason: str = "",
):
    """The Director General turns a recommendation of an accepted report into an order to
    change a document: a revision task for its owner."""
    require_perm(
        actor,
        "audits.approve_audit_report",
        _("Only the Director General orders a document to be changed."),
    )
    recommendation = (
        Recommendation.objects.select_for_update().select_related("audit").get(pk=recommendation.pk)
    )
    audit = recommendation.audit
    if audit.status not in (S.REPORT_APPROVED, S.CLOSED):
        raise ValidationError(_("Recommendations become orders once the report is accepted."))
    if recommendation.ordered_at is not None:
        raise ValidationError(_("This recommendation is ordered already."))
    if document is None:
        raise ValidationError({"document": _("Choose the document to change.")})
    request = revision_request_create(
        document=document,
        reason=(reason or "").strip() or recommendation.text,
        source=_("Internal audit %(number)s") % {"number": audit.number},
        source_url=audit.get_absolute_url(),
        due_on=due_on,
        actor=actor,
    )
    recommendation.document = document
    recommendation.ordered_by, recommendation.ordered_at = actor, timezone.now()
    recommendation.revision_due = due_on
    recommendation._change_reason = "Ordered"
    recommendation.save()
    event_record(
        obj=audit,
        action=gettext_lazy("Ordered: revise %(code)s by %(date)s"),
        params={"code": document.code, "date": due_on.isoformat()},
        actor=actor,
        comment=recommendation.text,
    )
    return request
