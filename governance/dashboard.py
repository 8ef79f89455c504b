from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import TaskItem, pk_url, register_task_provider

from . import selectors
from .models import ImplementationPlan
from .order_workflow import ORDER_WORKFLOW, OS, SIGN_ORDERS
from .selectors import weekly as weekly_selectors
from .selectors import workplans as workplan_selectors
from .selectors.orders import orders_for
from .workflow import APPROVE, PLAN_WORKFLOW


def plan_tasks(user):
    """The person's overdue items of the implementation plan."""
    item_url = pk_url("governance:item_detail")
    for item in selectors.overdue_items_of(user, timezone.localdate()):
        yield TaskItem(
            item.title,
            item_url(item.pk),
            _("Implementation plan"),
            due=item.due_date,
            detail=_("Report the progress of this plan item"),
        )


@register_task_provider
def workplan_tasks(user):
    """A manager's open items of their approved work plans (§4.4.2)."""
    for item in workplan_selectors.due_work_items_of(user):
        yield TaskItem(
            item.title,
            item.get_absolute_url(),
            _("Work plan"),
            due=item.due_date,
            detail=_("Report the item done when it is done"),
        )


@register_task_provider
def workplan_approvals(user):
    """The work plans waiting for the head's approval."""
    for plan in workplan_selectors.workplans_awaiting(user):
        yield TaskItem(
            _("Work plan of %(author)s, %(period)s") % {"author": plan.author, "period": plan.period_label},
            plan.get_absolute_url(),
            _("Work plans"),
            detail=_("Approve the plan or return it with a reason"),
        )


@register_task_provider
def weekly_actions(user):
    """The person's actions from the weekly meetings, until marked done."""
    for action in weekly_selectors.open_actions_of(user):
        yield TaskItem(
            action.title,
            action.get_absolute_url(),
            _("Weekly meeting"),
            due=action.due_date,
            detail=_("Action of the weekly meeting of %(date)s") % {"date": action.meeting},
        )


def order_tasks(user):
    """Draft orders on roles and process owners waiting for the Director General's signature."""
    if not user.has_perm(SIGN_ORDERS):
        return
    for order in orders_for(user).filter(status=OS.DRAFT, lines__isnull=False).distinct():
        if ORDER_WORKFLOW.may(user, order, OS.SIGNED):
            yield TaskItem(order.title, order.get_absolute_url(), _("Orders"), detail=_("Sign the order"))


@register_task_provider
def plan_approvals(user):
    """Draft implementation plans a collegial body has discussed, waiting for the Director
    General's signature."""
    if not user.has_perm(APPROVE):
        return
    for plan in selectors.plans_for(user).filter(
        status=ImplementationPlan.Status.DRAFT, discussed_at__isnull=False
    ):
        if PLAN_WORKFLOW.may(user, plan, ImplementationPlan.Status.APPROVED):
            yield TaskItem(
                _("Implementation plan %(year)s") % {"year": plan.year},
                reverse("governance:plan_approve", args=[plan.pk]),
                _("Implementation plan"),
                detail=_("Approve the plan with a signature"),
            )
