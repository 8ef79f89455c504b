"""A clock for demo stories that happened in the past.

Last year's audit and its corrective actions are told through the same services a person uses,
at their own dates: while the clock is set, ``django.utils.timezone.now`` (which services,
``auto_now`` fields, history rows and timelines read) answers with the story's moment. Demo
seeding only; nothing else sets it.
"""

import datetime
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

_real_now = timezone.now


class DemoClock:
    def __init__(self) -> None:
        self.moment: datetime.datetime | None = None

    def at(self, day: datetime.date, hour: int = 10) -> None:
        self.moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    def advance(self, days: int = 0, hours: int = 0) -> None:
        self.moment += datetime.timedelta(days=days, hours=hours)

    @property
    def today(self) -> datetime.date:
        return timezone.localtime(self.moment).date()

    def now(self) -> datetime.datetime:
        return self.moment or _real_now()


@contextmanager
def demo_clock(day: datetime.date):
    clock = DemoClock()
    clock.at(day)
    with mock.patch("django.utils.timezone.now", side_effect=clock.now):
        yield clock
