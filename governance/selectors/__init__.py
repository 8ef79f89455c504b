"""What each reader may see of the strategy: its editors every version; staff and experts the
approved (effective) and superseded ones; anyone the effective version of a public strategy."""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import ImplementationPlan, PlanItem, Strategy, StrategyVersion

S = StrategyVersion.Status
PUBLISHED = (S.APPROVED, S.SUPERSEDED)


def may_edit(user) -> bool:
    return user.is_authenticated and user.has_perm("governance.change_strategy")


def versions_for(user) -> QuerySet[StrategyVersion]:
    versions = StrategyVersion.objects.select_related("strategy")
    if may_edit(user) or user.has_perm("governance.approve_strategy"):
        return versions
    if user.is_authenticated and user.has_perm("governance.view_strategy"):
        return versions.filter(status__in=PUBLISHED)
    return versions.none()


def strategies_for(user) -> QuerySet[Strategy]:
    if may_edit(user) or user.has_perm("governance.approve_strategy"):
        return Strategy.objects.all()
    return Strategy.objects.filter(versions__in=versions_for(user)).distinct()


def strategy_get_for(user, pk: int) -> Strategy:
    return get_object_or_404(strategies_for(user), pk=pk)


def version_get_for(user, pk: int) -> StrategyVersion:
    return get_object_or_404(versions_for(user), pk=pk)


def public_versions() -> QuerySet[StrategyVersion]:
    return StrategyVersion.objects.filter(status=S.APPROVED, strategy__is_public=True).select_related(
        "strategy"
    )


def public_version_get(pk: int) -> StrategyVersion:
    version = public_versions().filter(strategy_id=pk).first()
    if version is None:
        raise Http404
    return version


def version_content(version: StrategyVersion) -> StrategyVersion:
    """The version with its goals, tasks, indicators and targets fetched at once."""
    return StrategyVersion.objects.prefetch_related(
        "goals__tasks", "goals__indicators__targets", "signatures"
    ).get(pk=version.pk)


def plans_for(user) -> QuerySet:
    """Every reader of the strategy reads its implementation plans."""
    if user.is_authenticated and user.has_perm("governance.view_strategy"):
        return ImplementationPlan.objects.select_related("strategy_version__strategy")
    return ImplementationPlan.objects.none()


def plan_items(plan):
    return plan.items.select_related("owner", "task__goal", "indicator").order_by(
        "task__goal__position", "task__position", "due_date", "pk"
    )


def overdue_items_of(user, today):
    open_states = (PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS)
    return PlanItem.objects.filter(
        owner_id=user.pk, status__in=open_states, due_date__lt=today
    ).select_related("plan")
