"""The personal dashboard: each app registers a provider of the tasks a person has there.

A provider takes a user and yields ``TaskItem`` rows, or a ``TaskQuery`` for tasks that are
the rows of one query (a busy IQAS owner has hundreds of corrective actions and actions): the
dashboard counts those in SQL and fetches only the first lines it shows, in one query each. The tasks are sorted
into "waiting for you", "due soon" and "overdue", each by due date (undated last), then title.
Apps register providers in ``AppConfig.ready``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Case, Count, Expression, F, QuerySet, Value, When, Window
from django.db.models.functions import Collate, RowNumber
from django.urls import reverse
from django.utils import timezone

DUE_SOON_DAYS = 14
# Lines shown per list; the counts cover every task.
LIST_LIMIT = 20


@dataclass(frozen=True)
class TaskItem:
    title: str
    url: str
    area: str
    due: date | None = None
    detail: str = ""


@dataclass(frozen=True)
class TaskQuery:
    """Tasks that are the rows of ``rows`` (a query without DISTINCT), one task a row.

    ``due`` names the field (or annotation) with the due date, or is None for undated tasks;
    ``title`` is the task's title as an SQL expression (the same text ``line`` gives, so that
    SQL sorts as the dashboard does); ``line`` makes the task of one row, for the rows shown.
    """

    rows: QuerySet
    line: Callable[[object], TaskItem]
    title: Expression
    due: str | None = None


@dataclass
class Dashboard:
    """The first ``LIST_LIMIT`` tasks of each list, and how many each list has."""

    waiting: list[TaskItem] = field(default_factory=list)
    due_soon: list[TaskItem] = field(default_factory=list)
    overdue: list[TaskItem] = field(default_factory=list)
    waiting_count: int = 0
    due_soon_count: int = 0
    overdue_count: int = 0

    @property
    def total(self) -> int:
        return self.waiting_count + self.due_soon_count + self.overdue_count


TaskProvider = Callable[[object], Iterable[TaskItem | TaskQuery]]
_providers: list[TaskProvider] = []


def register_task_provider(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def pk_url(viewname: str, suffix: str = "") -> Callable[[int], str]:
    """The address of an object's page under ``viewname`` from its pk, reversed once per page
    rather than once per line."""
    marker = 987654321
    head, tail = reverse(viewname, args=[marker]).split(str(marker))
    return lambda pk: f"{head}{pk}{tail}{suffix}"


def _sort_key(item: TaskItem) -> tuple:
    return (item.due or date.max, item.title)


def dashboard_for(user, today: date | None = None, limit: int | None = LIST_LIMIT) -> Dashboard:
    """The person's dashboard; ``limit=None`` lists every task (the daily digest)."""
    today = today or timezone.localdate()
    soon = today + timedelta(days=DUE_SOON_DAYS)
    names = ("overdue", "due_soon", "waiting")
    buckets: dict[str, list[TaskItem]] = {name: [] for name in names}
    counts = dict.fromkeys(names, 0)

    def bucket_of(due: date | None) -> str:
        if due is not None and due < today:
            return "overdue"
        if due is not None and due <= soon:
            return "due_soon"
        return "waiting"

    for provider in _providers:
        for task in provider(user):
            if isinstance(task, TaskQuery):
                for name, count, items in _query_buckets(task, today, soon, limit):
                    counts[name] += count
                    buckets[name].extend(items)
            else:
                name = bucket_of(task.due)
                counts[name] += 1
                buckets[name].append(task)
    board = Dashboard()
    for name in names:
        items = sorted(buckets[name], key=_sort_key)
        setattr(board, name, items if limit is None else items[:limit])
        setattr(board, f"{name}_count", counts[name])
    return board


def _query_buckets(task: TaskQuery, today: date, soon: date, limit: int | None):
    """(bucket, count, first lines) of a TaskQuery, in one query: each row is given its list,
    its place in that list (the dashboard's order) and the list's size by window functions,
    and only the first ``limit`` of each list are fetched."""
    if task.due is None:
        bucket = Value("waiting")
        order = [F("_task_title").asc(), F("pk").asc()]
    else:
        due = task.due
        bucket = Case(
            When(**{f"{due}__lt": today}, then=Value("overdue")),
            When(**{f"{due}__lte": soon}, then=Value("due_soon")),
            default=Value("waiting"),
        )
        order = [F(due).asc(nulls_last=True), F("_task_title").asc(), F("pk").asc()]
    title = task.title
    if connection.vendor == "postgresql":
        # Code-point order, as Python sorts the merged lists (SQLite compares so already).
        title = Collate(title, "C")
    rows = task.rows.annotate(_task_title=title, _task_bucket=bucket).annotate(
        _task_place=Window(RowNumber(), partition_by=[F("_task_bucket")], order_by=order),
        _task_count=Window(Count("pk"), partition_by=[F("_task_bucket")]),
    )
    if limit is not None:
        rows = rows.filter(_task_place__lte=limit)
    found: dict[str, tuple[int, list]] = {}
    for row in rows.order_by("_task_bucket", "_task_place"):
        count, lines = found.setdefault(row._task_bucket, (row._task_count, []))
        lines.append(task.line(row))
    for name, (count, lines) in found.items():
        yield name, count, lines
