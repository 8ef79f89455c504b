"""The working group and the Director General's order appointing it."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.shortcuts import assign_perm

from core.models import stored_label
from core.permissions import password_confirm, require_perm, signer_name
from core.services import notification_send
from core.workflow import event_record

from ..models import Audit, AuditorAssignment
from ..selectors import order_content, own_processes
from .common import lock, require_planner

S = Audit.Status
Role = AuditorAssignment.Role


def _require_team_open(audit: Audit) -> None:
    if audit.status != S.PLANNED:
        raise ValidationError(_("The working group can only be changed while the audit is planned."))
    if audit.order_signed:
        raise ValidationError(
            _("The Director General's order is signed: the working group is fixed by it and cannot change.")
        )


@transaction.atomic
def team_appoint(
    *, audit: Audit, actor, auditor, role: str = Role.MEMBER, conflict_reason: str = ""
) -> AuditorAssignment:
    """Propose a member (or the leader) of the working group. An auditor who owns a process in
    the scope needs a written reason to go ahead."""
    require_planner(actor)
    audit = lock(audit)
    _require_team_open(audit)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose leader or member.")})
    if auditor is None or not auditor.is_active:
        raise ValidationError({"auditor": _("Only an active member of staff can be appointed.")})
    current = audit.team.filter(active=True)
    if current.filter(auditor=auditor).exists():
        raise ValidationError({"auditor": _("%(name)s is on the working group already.") % {"name": auditor}})
    if role == Role.LEADER and current.filter(role=Role.LEADER).exists():
        raise ValidationError(
            {"role": _("The group has a leader already; remove the leader first to appoint another.")}
        )
    own = own_processes(auditor, audit)
    reason = (conflict_reason or "").strip()
    if own and not reason:
        raise ValidationError(
            {
                "conflict_reason": _(
                    "%(name)s owns a process in this audit's scope (%(processes)s): auditors should not "
                    "audit their own work. Write the reason to go ahead, or choose someone else."
                )
                % {"name": auditor, "processes": ", ".join(own)}
            }
        )
    try:
        with transaction.atomic():
            seat = AuditorAssignment.objects.create(
                audit=audit,
                auditor=auditor,
                role=role,
                own_processes=", ".join(own)[:500],
                conflict_reason=reason if own else "",
                added_by=actor,
            )
    except IntegrityError as exc:  # the same person or a second leader added at the same moment
        raise ValidationError(_("The working group changed meanwhile; look at it again.")) from exc
    event_record(
        obj=audit,
        action=gettext_lazy("%(name)s appointed: %(role)s"),
        params={"name": auditor, "role": stored_label(seat.Role, seat.role)},
        actor=actor,
        comment=reason if own else "",
    )
    return seat


@transaction.atomic
def team_member_remove(*, assignment: AuditorAssignment, actor, reason: str = "") -> AuditorAssignment:
    """Take someone off the group: the seat stays on record, marked not active."""
    require_planner(actor)
    audit = lock(assignment.audit)
    _require_team_open(audit)
    assignment = AuditorAssignment.objects.select_for_update().get(pk=assignment.pk)
    if not assignment.active:
        raise ValidationError(_("%(name)s is not on the working group.") % {"name": assignment.auditor})
    assignment.active = False
    assignment._change_reason = reason or "Removed from the working group"
    assignment.save()
    event_record(
        obj=audit,
        action=gettext_lazy("%(name)s removed from the working group"),
        params={"name": assignment.auditor},
        actor=actor,
        comment=reason,
    )
    return assignment


@transaction.atomic
def order_sign(*, audit: Audit, actor, password: str, order_number: str = "") -> Audit:
    """The Director General signs the order appointing the working group: password again, the
    hash of what was signed kept. Each member may then see the audit, and is told."""
    require_perm(actor, "audits.order_audit", _("Only the Director General signs the order for an audit."))
    audit = lock(audit)
    if audit.order_signed:
        raise ValidationError(_("The order for this audit is signed already."))
    if audit.status != S.PLANNED:
        raise ValidationError(_("Only a planned audit is ordered."))
    team = list(audit.team.filter(active=True).select_related("auditor"))
    if not any(seat.role == Role.LEADER for seat in team):
        raise ValidationError(_("The working group has no leader: the IQAS owner must appoint one first."))
    password_confirm(actor, password)
    audit.order_number = (order_number or "").strip()[:40] or f"ORD-{audit.number}"
    audit.order_signed_by, audit.order_signed_at = actor, timezone.now()
    audit.order_signer_name = signer_name(actor)[:300]
    audit.order_sha256 = hashlib.sha256(order_content(audit).encode()).hexdigest()
    audit._change_reason = "Order signed"
    audit.save()
    for seat in team:
        assign_perm("audits.view_audit", seat.auditor, audit)
    event_record(
        obj=audit,
        action=gettext_lazy("Order %(number)s signed"),
        params={"number": audit.order_number},
        actor=actor,
    )
    notification_send(
        recipients=[seat.auditor for seat in team],
        subject=gettext_lazy("You are appointed to the internal audit %(number)s"),
        params={"number": audit.number},
        body=gettext_lazy("Order %(order)s: %(title)s, %(start)s – %(end)s."),
        body_params={
            "order": audit.order_number,
            "title": audit.title,
            "start": audit.starts_on.isoformat(),
            "end": audit.ends_on.isoformat(),
        },
        url=audit.get_absolute_url(),
    )
    return audit
