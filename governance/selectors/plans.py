"""The execution of the year's implementation plan (§4.4.1), counted once for every reader of
it: the plan-execution board, the year's implementation report (PDF) and the management
review's input pack (§4.6.2) show the same numbers."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.charts import PALETTE, Bar, bar_chart

from ..models import ImplementationPlan, PlanItem, PlanRevision, ProgressReport
from . import plan_items, plans_for

IS = PlanItem.Status
OPEN = (IS.PLANNED, IS.IN_PROGRESS)


def plan_get_for(user, pk: int) -> ImplementationPlan:
    return get_object_or_404(plans_for(user), pk=pk)


def items_for(user) -> QuerySet[PlanItem]:
    """The plan items a reader of the plans may open."""
    return PlanItem.objects.filter(plan__in=plans_for(user)).select_related(
        "plan__strategy_version__strategy", "task__goal", "owner", "indicator"
    )


def item_get_for(user, pk: int) -> PlanItem:
    return get_object_or_404(items_for(user), pk=pk)


def reports_for(user) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(item__in=items_for(user)).select_related("item", "reported_by")


def report_get_for(user, pk: int) -> ProgressReport:
    return get_object_or_404(reports_for(user), pk=pk)


def plan_for_year(year: int) -> ImplementationPlan | None:
    return ImplementationPlan.objects.filter(year=year).select_related("strategy_version__strategy").first()


@dataclass
class Group:
    """A goal's or an owner's share of the plan: its items by status and the share done."""

    label: str
    total: int = 0  # not counting cancelled items
    done: int = 0
    in_progress: int = 0
    planned: int = 0
    not_done: int = 0
    cancelled: int = 0
    overdue: int = 0
    percent_sum: int = 0

    @property
    def done_percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def progress(self) -> int:
        """The mean of the items' reported percentages."""
        return round(self.percent_sum / self.total) if self.total else 0

    def count(self, item: PlanItem) -> None:
        setattr(self, item.status, getattr(self, item.status) + 1)
        if item.status == IS.CANCELLED:
            return
        self.total += 1
        self.percent_sum += 100 if item.status == IS.DONE else item.percent_done
        self.overdue += int(item.overdue)


@dataclass
class Execution:
    plan: ImplementationPlan
    today: datetime.date
    items: list[PlanItem]
    by_goal: list[Group] = field(default_factory=list)
    by_owner: list[Group] = field(default_factory=list)
    by_status: list[tuple[str, str, int]] = field(default_factory=list)  # (status, label, count)
    overall: Group = field(default_factory=lambda: Group(""))
    revisions: list[PlanRevision] = field(default_factory=list)

    @property
    def overdue(self) -> list[PlanItem]:
        return [i for i in self.items if i.overdue]

    @property
    def closed_with_reason(self) -> list[PlanItem]:
        return [i for i in self.items if i.status in (IS.NOT_DONE, IS.CANCELLED)]


def is_overdue(item: PlanItem, today: datetime.date) -> bool:
    return item.status in OPEN and item.due_date < today


def plan_execution(plan: ImplementationPlan, today: datetime.date | None = None) -> Execution:
    """The plan's items (each marked overdue or not) counted by goal, by owner and by status."""
    today = today or timezone.localdate()
    items = list(plan_items(plan).prefetch_related("reports"))
    execution = Execution(plan=plan, today=today, items=items)
    goals: dict[int, Group] = {}
    owners: dict[int, Group] = {}
    for item in items:
        item.overdue = is_overdue(item, today)
        item.days_late = (today - item.due_date).days if item.overdue else 0
        goal = item.task.goal
        goals.setdefault(goal.pk, Group(f"{goal.position}. {goal.title}")).count(item)
        owners.setdefault(item.owner_id, Group(str(item.owner))).count(item)
        execution.overall.count(item)
    execution.by_goal = list(goals.values())
    execution.by_owner = sorted(owners.values(), key=lambda g: g.label)
    execution.by_status = [
        (value, str(label), sum(1 for i in items if i.status == value)) for value, label in IS.choices
    ]
    execution.revisions = list(plan.revisions.select_related("made_by"))
    return execution


STATUS_COLOURS = {
    IS.PLANNED: PALETTE[6],
    IS.IN_PROGRESS: PALETTE[0],
    IS.DONE: PALETTE[2],
    IS.NOT_DONE: PALETTE[1],
    IS.CANCELLED: PALETTE[3],
}


def execution_charts(execution: Execution, *, width: int = 640) -> dict:
    """The board's charts (server-drawn SVG, the same on the page and in the PDFs): the share of
    items done by goal and by owner, and the items by status. Each has a table beside it."""
    return {
        "by_goal": bar_chart(
            [Bar(g.label, g.done_percent, colour=PALETTE[2]) for g in execution.by_goal],
            title=_("Items done by strategic goal, %"),
            unit="%",
            width=width,
        ),
        "by_owner": bar_chart(
            [Bar(g.label, g.done_percent, colour=PALETTE[0]) for g in execution.by_owner],
            title=_("Items done by owner, %"),
            unit="%",
            width=width,
        ),
        "by_status": bar_chart(
            [Bar(label, count, colour=STATUS_COLOURS[status]) for status, label, count in execution.by_status]
            + [Bar(_("Overdue"), len(execution.overdue), colour="#dc3545")],
            title=_("Plan items by status"),
            width=width,
        ),
    }
