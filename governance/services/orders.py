"""Roles and process owners by the Director General's order (§4.5): drafting an order and its
clauses, signing it (password typed again, signing lockout applies), cancelling a draft. When
an order is signed its clauses take effect through ``assignment_apply`` — the one place that
gives or takes a role or appoints a process owner by order. Every refusal is a ValidationError
with a clear message (or PermissionDenied) raised before anything is saved."""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import Process, stored, stored_date, stored_label
from core.permissions import password_confirm, user_role_labels, user_roles
from core.roles import Role
from core.services import sequence_next
from core.workflow import event_record, transition_perform

from ..models import DirectorOrder, OrderLine, OrderSignature
from ..order_workflow import DRAFT_ORDERS, ORDER_WORKFLOW

OS = DirectorOrder.Status
Action = OrderLine.Action

ROLE_GIVEN = gettext_lazy("Role “%(role)s” given by order № %(number)s of %(date)s")
ROLE_TAKEN = gettext_lazy("Role “%(role)s” taken away by order № %(number)s of %(date)s")
OWNER_APPOINTED = gettext_lazy("%(person)s appointed process owner by order № %(number)s of %(date)s")
OWNER_RELIEVED = gettext_lazy("%(person)s relieved as process owner by order № %(number)s of %(date)s")


def _require_drafter(actor) -> None:
    if actor is None or not actor.is_active or not actor.has_perm(DRAFT_ORDERS):
        raise PermissionDenied(
            _("Only the IQAS owner or the administrator drafts the Director General's orders.")
        )


def _require_draft(order: DirectorOrder) -> None:
    if order.status != OS.DRAFT:
        raise ValidationError(_("This order is no longer a draft; a signed order is changed by a new order."))


@transaction.atomic
def order_create(*, actor, title: str, grounds: str = "") -> DirectorOrder:
    _require_drafter(actor)
    if not title.strip():
        raise ValidationError(_("Give the order's subject."))
    order = DirectorOrder(title=title.strip(), grounds=grounds.strip(), drafted_by=actor)
    order._history_user = actor
    order.save()
    event_record(obj=order, action=gettext_lazy("Order drafted"), actor=actor)
    return order


def _line_problem(*, person, action: str, role: str, process: Process | None) -> str:
    """Why this clause cannot take effect now (empty when it can)."""
    if person is None or not get_user_model().objects.filter(pk=person.pk).exists():
        return _("The person named is not known to the portal.")
    if not person.is_active:
        return _("%(person)s's account is inactive: an order cannot name them.") % {"person": person}
    if action not in Action.values:
        return _("Choose whether the clause gives or takes away.")
    if bool(role) == (process is not None):
        return _("A clause names either a role or a process, not both and not neither.")
    if role:
        if role not in Role.values:
            return _("Choose one of the roles of the manual.")
        held = role in user_roles(person)
        if action == Action.GRANT and held:
            return _("%(person)s already holds the role “%(role)s”.") % {
                "person": person,
                "role": Role(role).label,
            }
        if action == Action.REVOKE and not held:
            return _("%(person)s does not hold the role “%(role)s”.") % {
                "person": person,
                "role": Role(role).label,
            }
    else:
        if action == Action.GRANT and process.owner_id == person.pk:
            return _("%(person)s already owns the process “%(process)s”.") % {
                "person": person,
                "process": process,
            }
        if action == Action.REVOKE and process.owner_id != person.pk:
            return _("%(person)s is not the owner of the process “%(process)s”.") % {
                "person": person,
                "process": process,
            }
    return ""


@transaction.atomic
def order_line_add(
    *, order: DirectorOrder, actor, person, action: str, role: str = "", process: Process | None = None
) -> OrderLine:
    """A clause of a draft order: give or take away a role, appoint or relieve a process owner."""
    _require_drafter(actor)
    _require_draft(order)
    if problem := _line_problem(person=person, action=action, role=role, process=process):
        raise ValidationError(problem)
    clash = (
        order.lines.filter(role=role, process=process, person=person)
        if role
        else order.lines.filter(process=process)
    )
    if clash.exists():
        raise ValidationError(_("The order already has a clause on this."))
    line = OrderLine(
        order=order,
        position=order.lines.count() + 1,
        person=person,
        action=action,
        role=role,
        process=process,
    )
    line._history_user = actor
    line.save()
    return line


def content_sha256(order: DirectorOrder) -> str:
    """The checksum of what the Director General signs: the subject, grounds and clauses."""
    content = {
        "title": order.title,
        "grounds": order.grounds,
        "lines": [
            [line.position, line.person_id, str(line.person), line.action, line.role, line.process_id]
            for line in order.lines.select_related("person")
        ],
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@transaction.atomic
def order_sign(*, order: DirectorOrder, actor, password: str) -> DirectorOrder:
    """The Director General signs (password typed again): the order gets its number and date and
    its clauses take effect. A wrong password, a clause that no longer holds: nothing is saved."""
    ORDER_WORKFLOW.check(order, OS.SIGNED, actor)
    lines = list(order.lines.select_related("person", "process"))
    if not lines:
        raise ValidationError(_("The order has no clauses; add at least one before it is signed."))
    for line in lines:
        if problem := _line_problem(
            person=line.person, action=line.action, role=line.role, process=line.process
        ):
            raise ValidationError(_("Clause %(n)s: %(problem)s") % {"n": line.position, "problem": problem})
    password_confirm(actor, password)
    today = timezone.localdate()
    number = f"{today.year}/{sequence_next(f'director-order-{today.year}'):03d}"
    OrderSignature.objects.create(
        order=order,
        signer=actor,
        signer_name=str(actor),
        signer_role=user_role_labels(actor) or actor.position or stored(gettext_lazy("no role")),
        content_sha256=content_sha256(order),
    )
    signed = transition_perform(
        obj=order,
        workflow=ORDER_WORKFLOW,
        target=OS.SIGNED,
        actor=actor,
        also={"number": number, "dated": today, "signed_by": actor, "signed_at": timezone.now()},
    )
    for line in lines:
        assignment_apply(line=line, order=signed, actor=actor)
    return signed


@transaction.atomic
def order_cancel(*, order: DirectorOrder, actor, comment: str = "") -> DirectorOrder:
    return transition_perform(
        obj=order, workflow=ORDER_WORKFLOW, target=OS.CANCELLED, actor=actor, comment=comment
    )


def assignment_apply(*, line: OrderLine, order: DirectorOrder, actor) -> None:
    """The one way a role or a process owner changes by order: called for each clause of an
    order as it is signed. The change is on the person's (or the process's) timeline and history
    with the order's number and date."""
    if order.status != OS.SIGNED:
        raise ValidationError(_("Only a signed order takes effect."))
    params = {"number": order.number, "date": stored_date(order.dated), "person": str(line.person)}
    if line.role:
        group, _created = Group.objects.get_or_create(name=line.role)
        if line.action == Action.GRANT:
            line.person.groups.add(group)
        else:
            line.person.groups.remove(group)
        event_record(
            obj=line.person,
            action=ROLE_GIVEN if line.action == Action.GRANT else ROLE_TAKEN,
            actor=actor,
            params={**params, "role": stored_label(Role, line.role)},
        )
        return
    process = Process.objects.select_for_update().get(pk=line.process_id)
    process.owner = line.person if line.action == Action.GRANT else None
    process._history_user = actor
    message = OWNER_APPOINTED if line.action == Action.GRANT else OWNER_RELIEVED
    with_params = stored(message) % params
    process._change_reason = with_params
    process.save()
    event_record(obj=process, action=message, actor=actor, params=params)
