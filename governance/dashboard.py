from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from . import selectors
from .order_workflow import ORDER_WORKFLOW, OS, SIGN_ORDERS
from .selectors.orders import orders_for


def plan_tasks(user):
    """The person's overdue items of the implementation plan."""
    for item in selectors.overdue_items_of(user, timezone.localdate()):
        yield TaskItem(
            item.title,
            reverse_plan(item),
            _("Implementation plan"),
            due=item.due_date,
            detail=_("Report the progress of this plan item"),
        )


def reverse_plan(item) -> str:
    return reverse("governance:item_detail", args=[item.pk])


def order_tasks(user):
    """Draft orders on roles and process owners waiting for the Director General's signature."""
    if not user.has_perm(SIGN_ORDERS):
        return
    for order in orders_for(user).filter(status=OS.DRAFT, lines__isnull=False).distinct():
        if ORDER_WORKFLOW.may(user, order, OS.SIGNED):
            yield TaskItem(order.title, order.get_absolute_url(), _("Orders"), detail=_("Sign the order"))
