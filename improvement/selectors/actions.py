"""User-scoped reads of actions: who sees an action, my actions, the overdue ones."""

import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Action, actions_in_force
from .nonconformities import MANAGE_CAPA, capas_visible_to
from .risks import risks_visible_to


def actions_visible_to(user) -> QuerySet[Action]:
    rows = Action.objects.select_related("owner", "capa", "risk", "capa__nonconformity", "decision__review")
    seen = (
        Q(owner=user)
        | Q(capa__in=capas_visible_to(user).values("pk"))
        | Q(risk__in=risks_visible_to(user).values("pk"))
    )
    if user.has_perm("improvement.view_managementreview"):
        seen |= Q(decision__isnull=False)
    return rows.filter(seen)


def action_get_for(user, pk: int) -> Action:
    return get_object_or_404(actions_visible_to(user), pk=pk)


def my_actions(user) -> QuerySet[Action]:
    """The actions a person owns: open ones first, the most overdue at the top."""
    return (
        Action.objects.filter(actions_in_force(), owner=user)
        .select_related("capa", "risk", "capa__nonconformity", "decision__review")
        .annotate(is_open=Q(status=Action.Status.OPEN))
        .order_by("-is_open", "due_on", "pk")
    )


def overdue_actions(user, today: datetime.date | None = None) -> QuerySet[Action]:
    """Every open action past its due date, for the IQAS owner; nothing for others."""
    if not (user.has_perm(MANAGE_CAPA) or user.has_perm("improvement.manage_risks")):
        return Action.objects.none()
    today = today or timezone.localdate()
    return (
        Action.objects.filter(actions_in_force(), status=Action.Status.OPEN, due_on__lt=today)
        .select_related("owner", "capa", "risk", "decision__review")
        .order_by("due_on", "pk")
    )
