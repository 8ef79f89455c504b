"""User-scoped reads of nonconformities and corrective actions.

Who sees what: the IQAS owner and the director see every nonconformity and corrective action;
effectiveness verifiers (internal auditors) see every corrective action; everyone else sees
the nonconformities they raised or own, the corrective actions they own, and anything on which
they own an action.
"""

import datetime
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.permissions import people_with_perm

from ..models import Action, CorrectiveAction, Nonconformity

ALL_NCS = "improvement.view_all_nonconformities"
VERIFY = "improvement.verify_effectiveness"
MANAGE_CAPA = "improvement.change_correctiveaction"


def qms_owners() -> QuerySet:
    """Who an overdue action is escalated to: the IQAS owner(s)."""
    return people_with_perm("improvement.manage_risks", "improvement.change_correctiveaction")


def _owned_actions(user) -> QuerySet[Action]:
    return Action.objects.filter(owner=user)


# Who else reads a nonconformity, by a relation an app above this one keeps: each provider
# takes a person and returns the ids of the nonconformities they read that way (audits: those
# found by an audit whose working group the person is on). Registered in that app's
# AppConfig.ready, so this app never imports it.
NonconformityReaders = Callable[[object], QuerySet]
_readers: list[NonconformityReaders] = []


def register_nonconformity_readers(provider: NonconformityReaders) -> NonconformityReaders:
    """Let an app above improvement say which nonconformities a person reads through it."""
    if provider not in _readers:
        _readers.append(provider)
    return provider


def _read_through_other_apps(user) -> Q:
    which = Q(pk__in=[])
    for provider in _readers:
        which |= Q(pk__in=provider(user))
    return which


def nonconformities_visible_to(user) -> QuerySet[Nonconformity]:
    """Everything for the IQAS owner, the director and those who verify corrective actions
    (internal auditors); for everyone else what they raised, what they own, the nonconformities
    whose corrective action they own or act on, and those other apps let them read (audits:
    those found by an audit whose working group they are on)."""
    rows = Nonconformity.objects.select_related(
        "raised_by", "owner", "process", "criterion", "capa", "repeated_of"
    )
    if user.has_perm(ALL_NCS) or user.has_perm(VERIFY):
        return rows
    return rows.filter(
        Q(raised_by=user)
        | Q(owner=user)
        | Q(capa__owner=user)
        | Q(capa__in=_owned_actions(user).filter(capa__isnull=False).values("capa"))
        | _read_through_other_apps(user)
    )


def nonconformity_get_for(user, pk: int) -> Nonconformity:
    return get_object_or_404(nonconformities_visible_to(user), pk=pk)


def nonconformities_awaiting_analysis(user) -> QuerySet[Nonconformity]:
    if not user.has_perm("improvement.change_nonconformity"):
        return Nonconformity.objects.none()
    return Nonconformity.objects.filter(status=Nonconformity.Status.OPEN)


def nonconformity_register(user, params) -> tuple[QuerySet[Nonconformity], dict]:
    """The register as the query string filters it, and the filters that applied; values
    that mean nothing are ignored."""
    rows = nonconformities_visible_to(user)
    chosen: dict = {}
    for name, values in (
        ("status", Nonconformity.Status.values),
        ("severity", Nonconformity.Severity.values),
        ("source", Nonconformity.Source.values),
    ):
        if params.get(name, "") in values:
            chosen[name] = params[name]
            rows = rows.filter(**{name: chosen[name]})
    process = params.get("process", "")
    if process.isdigit() and len(process) < 10:
        chosen["process"] = int(process)
        rows = rows.filter(process_id=chosen["process"])
    if params.get("repeated") in ("yes", "no"):
        chosen["repeated"] = params["repeated"]
        rows = rows.filter(repeated_of__isnull=chosen["repeated"] == "no")
    term = params.get("q", "").strip()[:200]
    if term:
        chosen["q"] = term
        rows = rows.filter(
            Q(number__icontains=term) | Q(title__icontains=term) | Q(description__icontains=term)
        )
    return rows, chosen


def repeated_nonconformities(
    period_start: datetime.date, period_end: datetime.date
) -> QuerySet[Nonconformity]:
    """Nonconformities raised in the period (both days included) that repeat an earlier one
    whose corrective action was closed: KPI 4 counts them."""
    return Nonconformity.objects.filter(
        repeated_of__isnull=False,
        raised_at__date__gte=period_start,
        raised_at__date__lte=period_end,
    ).select_related("repeated_of", "process", "criterion")


def _overdue_exists(today: datetime.date):
    return Exists(Action.objects.filter(capa=OuterRef("pk"), status=Action.Status.OPEN, due_on__lt=today))


def capas_visible_to(user) -> QuerySet[CorrectiveAction]:
    rows = CorrectiveAction.objects.select_related("nonconformity", "owner", "nonconformity__process")
    if user.has_perm(ALL_NCS) or user.has_perm(VERIFY):
        return rows
    return rows.filter(
        Q(owner=user)
        | Q(nonconformity__owner=user)
        | Q(nonconformity__raised_by=user)
        | Q(pk__in=_owned_actions(user).filter(capa__isnull=False).values("capa"))
    )


def capa_get_for(user, pk: int) -> CorrectiveAction:
    return get_object_or_404(capas_visible_to(user), pk=pk)


def capa_register(user, params, today: datetime.date | None = None):
    """The corrective actions as the query string filters them (step, owner, overdue)."""
    today = today or timezone.localdate()
    rows = capas_visible_to(user).annotate(overdue=_overdue_exists(today))
    chosen: dict = {}
    if params.get("step", "") in CorrectiveAction.Step.values:
        chosen["step"] = params["step"]
        rows = rows.filter(step=chosen["step"])
    elif params.get("step") == "live":
        chosen["step"] = "live"
        rows = rows.exclude(step=CorrectiveAction.Step.CLOSED)
    owner = params.get("owner", "")
    if owner == "me":
        chosen["owner"] = "me"
        rows = rows.filter(owner=user)
    elif owner.isdigit() and len(owner) < 10:
        chosen["owner"] = int(owner)
        rows = rows.filter(owner_id=chosen["owner"])
    if params.get("overdue") == "yes":
        chosen["overdue"] = "yes"
        rows = rows.filter(overdue=True)
    return rows.order_by("opened_at", "pk"), chosen


def capa_owners(rows: QuerySet[CorrectiveAction]) -> QuerySet:
    return get_user_model().objects.filter(pk__in=rows.values("owner")).order_by("last_name", "username")


def capas_waiting_for_owner(user) -> QuerySet[CorrectiveAction]:
    """The corrective actions whose current step (1–5) waits for their owner."""
    return (
        CorrectiveAction.objects.filter(owner=user)
        .exclude(step__in=(CorrectiveAction.Step.VERIFICATION, CorrectiveAction.Step.CLOSED))
        .select_related("nonconformity")
    )


def capas_awaiting_verification(user) -> QuerySet[CorrectiveAction]:
    """Corrective actions at the effectiveness check that this person may verify: a verifier
    who neither owns the corrective action nor any of its actions."""
    if not user.has_perm(VERIFY):
        return CorrectiveAction.objects.none()
    return (
        CorrectiveAction.objects.filter(step=CorrectiveAction.Step.VERIFICATION)
        .exclude(owner=user)
        .exclude(pk__in=_owned_actions(user).filter(capa__isnull=False).values("capa"))
        .select_related("nonconformity")
    )
