"""Who reads which work plan: its manager their own; the head and the IQAS owner every one."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..models import WorkPlan, WorkPlanItem

WP = WorkPlan.Status


def workplans_for(user) -> QuerySet[WorkPlan]:
    rows = WorkPlan.objects.select_related("author", "decided_by")
    if not user.is_authenticated or not user.has_perm("governance.view_workplan"):
        return rows.none()
    if user.has_perm("governance.view_all_workplans"):
        return rows
    return rows.filter(author_id=user.pk)


def workplan_get_for(user, pk: int) -> WorkPlan:
    return get_object_or_404(workplans_for(user), pk=pk)


def workitems_for(user) -> QuerySet[WorkPlanItem]:
    return WorkPlanItem.objects.select_related("work_plan").filter(work_plan__in=workplans_for(user))


def workitem_get_for(user, pk: int) -> WorkPlanItem:
    return get_object_or_404(workitems_for(user), pk=pk)


def workplan_items(plan: WorkPlan) -> QuerySet[WorkPlanItem]:
    return plan.items.select_related("plan_item__plan", "project__organization")


def due_work_items_of(user) -> QuerySet[WorkPlanItem]:
    """The open items of the person's approved work plans."""
    return WorkPlanItem.objects.filter(
        work_plan__author_id=user.pk, work_plan__status=WP.APPROVED, status=WorkPlanItem.Status.OPEN
    ).select_related("work_plan")


def workplans_awaiting(user) -> QuerySet[WorkPlan]:
    """The work plans submitted to this head for approval (never their own)."""
    if not user.is_authenticated or not user.has_perm("governance.approve_workplan"):
        return WorkPlan.objects.none()
    return WorkPlan.objects.filter(status=WP.SUBMITTED).exclude(author_id=user.pk).select_related("author")
