"""The personal dashboard: each app registers a provider of the tasks a person has there.

A provider takes a user and yields ``TaskItem`` rows; the dashboard sorts them into
"waiting for you", "due soon" and "overdue". Apps register providers in ``AppConfig.ready``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

DUE_SOON_DAYS = 14


@dataclass(frozen=True)
class TaskItem:
    title: str
    url: str
    area: str
    due: date | None = None
    detail: str = ""


@dataclass
class Dashboard:
    waiting: list[TaskItem] = field(default_factory=list)
    due_soon: list[TaskItem] = field(default_factory=list)
    overdue: list[TaskItem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.waiting) + len(self.due_soon) + len(self.overdue)


TaskProvider = Callable[[object], Iterable[TaskItem]]
_providers: list[TaskProvider] = []


def register_task_provider(provider: TaskProvider) -> TaskProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def dashboard_for(user, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    soon = today + timedelta(days=DUE_SOON_DAYS)
    board = Dashboard()
    for provider in _providers:
        for item in provider(user):
            if item.due is not None and item.due < today:
                board.overdue.append(item)
            elif item.due is not None and item.due <= soon:
                board.due_soon.append(item)
            else:
                board.waiting.append(item)
    for bucket in (board.waiting, board.due_soon, board.overdue):
        bucket.sort(key=lambda i: (i.due or date.max, i.title))
    return board
