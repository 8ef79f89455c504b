"""Who may read the Director General's orders (the Director General, the IQAS owner, the legal
department), and on what basis each person holds a role or owns a process: by which signed
order, or not by order (an administrator's edit)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from core.models import Process, WorkflowEvent, stored
from core.permissions import user_roles
from core.roles import Role
from core.selectors import events_for

from ..models import DirectorOrder, OrderLine
from ..order_workflow import VIEW_ORDERS

OS = DirectorOrder.Status


def orders_for(user) -> QuerySet[DirectorOrder]:
    if user.is_authenticated and user.has_perm(VIEW_ORDERS):
        return DirectorOrder.objects.select_related("drafted_by", "signed_by")
    return DirectorOrder.objects.none()


def order_get_for(user, pk: int) -> DirectorOrder:
    return get_object_or_404(orders_for(user), pk=pk)


def people_for(user) -> QuerySet:
    """The people whose assignments this reader may look up (those who read the orders)."""
    people = get_user_model().objects.select_related("department")
    return people if user.is_authenticated and user.has_perm(VIEW_ORDERS) else people.none()


@dataclass
class Basis:
    """Why a person holds a role or owns a process: the signed order's clause, or an edit in
    the administration made after it (or with no order at all)."""

    line: OrderLine | None
    admin_event: WorkflowEvent | None = None

    @property
    def by_order(self) -> bool:
        return self.line is not None and (
            self.admin_event is None or self.admin_event.at < self.line.order.signed_at
        )


def _signed_lines() -> QuerySet[OrderLine]:
    return (
        OrderLine.objects.filter(order__status=OS.SIGNED, action=OrderLine.Action.GRANT)
        .select_related("order", "person", "process")
        .order_by("-order__signed_at", "-pk")
    )


def _admin_events(obj) -> list[WorkflowEvent]:
    return [e for e in events_for(obj) if e.action.startswith("Changed in the administration")]


def person_basis(person) -> list[dict]:
    """Each role the person holds and each process they own, with its basis."""
    lines = list(_signed_lines().filter(person=person))
    admin = _admin_events(person)
    rows = []
    for code in user_roles(person):
        line = next((li for li in lines if li.role == code), None)
        english = stored(Role(code).label)
        touched = [
            e
            for e in admin
            if english in e.params.get("added", "").split(", ") + e.params.get("removed", "").split(", ")
        ]
        rows.append({"label": Role(code).label, "basis": Basis(line, touched[-1] if touched else None)})
    for process in Process.objects.filter(owner=person):
        line = next((li for li in lines if li.process_id == process.pk), None)
        events = _admin_events(process)
        rows.append({"label": process, "process": True, "basis": Basis(line, events[-1] if events else None)})
    return rows


def process_owners() -> list[dict]:
    """Every process with its owner and the order that appointed them (if any)."""
    lines = list(_signed_lines().filter(process__isnull=False))
    rows = []
    for process in Process.objects.select_related("owner"):
        line = next(
            (li for li in lines if li.process_id == process.pk and li.person_id == process.owner_id), None
        )
        events = _admin_events(process)
        rows.append({"process": process, "basis": Basis(line, events[-1] if events else None)})
    return rows


def person_lines(person) -> QuerySet[OrderLine]:
    """The clauses of signed orders that named this person, newest first."""
    return (
        OrderLine.objects.filter(person=person, order__status=OS.SIGNED)
        .select_related("order", "process")
        .order_by("-order__signed_at", "-pk")
    )
