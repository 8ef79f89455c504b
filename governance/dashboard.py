from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from . import selectors


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
