"""The audit itself: starting it, the checklist, the findings."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_label
from core.services import sequence_next
from core.workflow import event_record, transition_perform
from improvement.models import Nonconformity
from improvement.services import nonconformity_raise

from ..models import Audit, ChecklistItem, Finding
from ..workflow import AUDIT_WORKFLOW, seat_of
from .common import lock, require_member

S = Audit.Status
Result = ChecklistItem.Result


@transaction.atomic
def checklist_build(*, audit: Audit, actor=None) -> int:
    """One question per chosen criterion, in the criteria's order. Safe to run again: criteria
    that have their question already are skipped. Returns how many questions were added."""
    if actor is not None and not (actor.has_perm("audits.change_audit") or seat_of(actor, audit)):
        raise PermissionDenied(_("Only the IQAS owner or the working group prepares the checklist."))
    audit = lock(audit)
    if audit.status not in (S.PLANNED, S.IN_PROGRESS):
        raise ValidationError(_("The checklist is prepared before or during the audit only."))
    present = set(audit.checklist.exclude(criterion=None).values_list("criterion_id", flat=True))
    position = audit.checklist.aggregate(top=Max("position"))["top"] or 0
    added = 0
    for criterion in audit.criteria.order_by("source", "position", "code"):
        if criterion.pk in present:
            continue
        position += 1
        ChecklistItem.objects.create(
            audit=audit, criterion=criterion, position=position, question=criterion.question
        )
        added += 1
    if added and actor is not None:
        event_record(
            obj=audit,
            action=gettext_lazy("Checklist prepared: %(count)s questions"),
            params={"count": added},
            actor=actor,
        )
    return added


@transaction.atomic
def audit_start(*, audit: Audit, actor) -> Audit:
    """The leader (or the IQAS owner) starts the audit once the order is signed; the checklist
    is built from the criteria."""
    found = seat_of(actor, audit)
    if not (actor.has_perm("audits.change_audit") or (found and found.role == "leader")):
        raise PermissionDenied(_("Only the leader of the working group or the IQAS owner starts the audit."))
    audit = lock(audit)
    if audit.status != S.PLANNED:
        raise ValidationError(_("This audit has started already."))
    if not audit.order_signed:
        raise ValidationError(_("The Director General has not signed the order for this audit yet."))
    audit = transition_perform(obj=audit, workflow=AUDIT_WORKFLOW, target=S.IN_PROGRESS, actor=actor)
    checklist_build(audit=audit)
    return audit


def _require_fieldwork(audit: Audit) -> None:
    if audit.status != S.IN_PROGRESS:
        raise ValidationError(_("The audit is not in progress: the checklist and findings are closed."))


@transaction.atomic
def checklist_item_add(*, audit: Audit, actor, question: str) -> ChecklistItem:
    """A member adds a question of their own to the checklist."""
    audit = lock(audit)
    require_member(actor, audit)
    if audit.status not in (S.PLANNED, S.IN_PROGRESS):
        raise ValidationError(_("The checklist is closed: the report is signed."))
    question = (question or "").strip()
    if len(question) < 5:
        raise ValidationError({"question": _("Write the question to check.")})
    position = (audit.checklist.aggregate(top=Max("position"))["top"] or 0) + 1
    item = ChecklistItem.objects.create(audit=audit, position=position, question=question)
    event_record(
        obj=audit,
        action=gettext_lazy("Question %(n)s added to the checklist"),
        params={"n": position},
        actor=actor,
    )
    return item


@transaction.atomic
def checklist_answer(*, item: ChecklistItem, actor, result: str, note: str = "") -> ChecklistItem:
    """A member records what the group found on one question."""
    audit = lock(item.audit)
    require_member(actor, audit)
    _require_fieldwork(audit)
    if result not in (Result.CONFORMS, Result.DOES_NOT_CONFORM, Result.NOT_APPLICABLE):
        raise ValidationError({"result": _("Choose conforms, does not conform or not applicable.")})
    note = (note or "").strip()
    if result == Result.DOES_NOT_CONFORM and not note:
        raise ValidationError({"note": _("Say what does not conform and what you saw.")})
    item = ChecklistItem.objects.select_for_update().get(pk=item.pk, audit=audit)
    item.result, item.note = result, note
    item.checked_by, item.checked_at = actor, timezone.now()
    item.save()
    return item


@transaction.atomic
def finding_record(
    *,
    audit: Audit,
    actor,
    kind: str,
    process,
    statement: str,
    evidence: str,
    criterion=None,
    checklist_item: ChecklistItem | None = None,
) -> Finding:
    """A member records a finding, numbered <audit>-F<n>. A major or minor nonconformity
    raises a record in the nonconformity register for the process owner."""
    audit = lock(audit)
    require_member(actor, audit)
    _require_fieldwork(audit)
    errors = {}
    if kind not in Finding.Kind.values:
        errors["kind"] = _("Choose the kind of finding.")
    if process is None or not audit.processes.filter(pk=process.pk).exists():
        errors["process"] = _("Choose one of the processes in this audit's scope.")
    if criterion is not None and not audit.criteria.filter(pk=criterion.pk).exists():
        errors["criterion"] = _("Choose one of this audit's criteria.")
    if not (statement or "").strip():
        errors["statement"] = _("State the finding.")
    if not (evidence or "").strip():
        errors["evidence"] = _("Give the evidence the finding rests on: what was seen, read or heard.")
    if checklist_item is not None and checklist_item.audit_id != audit.pk:
        errors["checklist_item"] = _("That checklist question belongs to another audit.")
    if errors:
        raise ValidationError(errors)
    number = f"{audit.number}-F{sequence_next(f'audit-finding-{audit.number}')}"
    finding = Finding.objects.create(
        audit=audit,
        number=number,
        kind=kind,
        process=process,
        criterion=criterion,
        statement=statement.strip(),
        evidence=evidence.strip(),
        checklist_item=checklist_item,
        recorded_by=actor,
    )
    if finding.is_nonconformity:
        nc = nonconformity_raise(
            actor=actor,
            title=f"{number}: {finding.statement}"[:200],
            description=f"{finding.statement}\n\n{_('Evidence')}: {finding.evidence}",
            severity="major" if kind == Finding.Kind.MAJOR else "minor",
            source=Nonconformity.Source.AUDIT,
            process=process,
            criterion=criterion,
            owner=process.owner,
            source_reference=number,
        )
        finding.nonconformity = nc
        finding.save()
    event_record(
        obj=audit,
        action=gettext_lazy("Finding %(number)s recorded: %(kind)s"),
        params={"number": number, "kind": stored_label(finding.Kind, finding.kind)},
        actor=actor,
    )
    return finding


@transaction.atomic
def finding_withdraw(*, finding: Finding, actor, reason: str) -> Finding:
    """A finding shown wrong is withdrawn with a reason before the report is signed; it stays on
    record. Its nonconformity record, if any, is told on its timeline."""
    audit = lock(finding.audit)
    require_member(actor, audit)
    if audit.status != S.IN_PROGRESS:
        raise ValidationError(_("Findings can be withdrawn only before the report is signed."))
    finding = Finding.objects.select_for_update().get(pk=finding.pk, audit=audit)
    if finding.withdrawn:
        raise ValidationError(_("This finding is withdrawn already."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the finding is withdrawn.")})
    finding.withdrawn, finding.withdrawn_reason = True, reason
    finding._change_reason = "Withdrawn"
    finding.save()
    event_record(
        obj=audit,
        action=gettext_lazy("Finding %(number)s withdrawn"),
        params={"number": finding.number},
        actor=actor,
        comment=reason,
    )
    if finding.nonconformity_id:
        event_record(
            obj=finding.nonconformity,
            action=gettext_lazy("Audit finding %(number)s withdrawn"),
            params={"number": finding.number},
            actor=actor,
            comment=reason,
        )
    return finding
