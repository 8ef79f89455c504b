"""Who reads whose records: the staff register and every person's page are read by those who
keep the staff (the Director General, the IQAS owner); a head reads the pages of the people who
report to them; everyone reads their own page."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.roles import Role

from ..models import Appraisal, Hiring, Position, PositionHolding

VIEW_STAFF = "people.view_staff"
MANAGE_STAFF = "people.manage_staff"


def current_holdings() -> QuerySet[PositionHolding]:
    return PositionHolding.objects.filter(until__isnull=True)


def positions_of(person) -> QuerySet[Position]:
    return Position.objects.filter(holdings__person=person, holdings__until__isnull=True)


def heads_of(person) -> QuerySet:
    """The person's heads: who holds the position theirs reports to; for a position that reports
    to no other, the Director General."""
    User = get_user_model()
    mine = positions_of(person)
    heads = User.objects.filter(
        is_active=True,
        holdings__until__isnull=True,
        holdings__position__in=Position.objects.filter(subordinates__in=mine),
    )
    if mine.filter(reports_to__isnull=True).exists():
        heads = heads | User.objects.filter(is_active=True, groups__name=Role.DIRECTOR)
    return heads.exclude(pk=person.pk).distinct()


def is_head_of(user, person) -> bool:
    return bool(
        user.is_authenticated and user.pk != person.pk and heads_of(person).filter(pk=user.pk).exists()
    )


def subordinates_of(user) -> QuerySet:
    """The people whose head this person is (see ``heads_of``)."""
    User = get_user_model()
    if not user.is_authenticated:
        return User.objects.none()
    held = Position.objects.filter(holdings__person=user, holdings__until__isnull=True)
    under = Position.objects.filter(reports_to__in=held)
    if user.groups.filter(name=Role.DIRECTOR).exists():
        under = under | Position.objects.filter(reports_to__isnull=True)
    return (
        User.objects.filter(holdings__until__isnull=True, holdings__position__in=under.values("pk"))
        .exclude(pk=user.pk)
        .distinct()
    )


def people_visible_to(user) -> QuerySet:
    """The people whose page this reader opens."""
    User = get_user_model()
    if not user.is_authenticated:
        return User.objects.none()
    if user.has_perm(VIEW_STAFF):
        return User.objects.all()
    return User.objects.filter(Q(pk=user.pk) | Q(pk__in=subordinates_of(user).values("pk")))


def person_get_for(user, pk: int):
    return get_object_or_404(people_visible_to(user), pk=pk)


def positions_visible_to(user) -> QuerySet[Position]:
    if not user.is_authenticated or not user.has_perm(VIEW_STAFF):
        return Position.objects.none()
    return Position.objects.select_related("department", "reports_to", "job_description__effective_version")


def position_get_for(user, pk: int) -> Position:
    return get_object_or_404(positions_visible_to(user), pk=pk)


def appraisals_signable_by(user) -> QuerySet[Appraisal]:
    """Appraisals whose result waits for this person's signature as the head."""
    if not user.is_authenticated:
        return Appraisal.objects.none()
    return Appraisal.objects.filter(head=user, status=Appraisal.Status.GOALS_SET).select_related("person")


def appraisal_get_for_signing(user, pk: int) -> Appraisal:
    return get_object_or_404(appraisals_signable_by(user), pk=pk)


def staff_register() -> list[tuple[Position, list[PositionHolding]]]:
    """Every position in the structure with its current holders."""
    holders: dict[int, list[PositionHolding]] = {}
    for holding in current_holdings().select_related("person"):
        holders.setdefault(holding.position_id, []).append(holding)
    positions = Position.objects.filter(is_active=True).select_related(
        "department", "reports_to", "job_description__effective_version"
    )
    return [(p, holders.get(p.pk, [])) for p in positions]


def person_file(person) -> dict:
    """All the person's records, for their page."""
    from core.permissions import user_roles

    return {
        "holdings": PositionHolding.objects.filter(person=person).select_related(
            "position__job_description__effective_version"
        ),
        "hirings": Hiring.objects.filter(person=person).select_related("position", "decided_by"),
        "appraisals": Appraisal.objects.filter(person=person).select_related("head"),
        "roles": user_roles(person),
        "processes": person.owned_processes.all(),
        "heads": heads_of(person),
    }


def probations_ending(today: datetime.date | None = None) -> QuerySet[Hiring]:
    today = today or timezone.localdate()
    return Hiring.objects.filter(decision=Hiring.Decision.PENDING, probation_until__lte=today)
