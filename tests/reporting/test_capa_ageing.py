"""The quality board's ageing panel counts in SQL what it counted in Python: each open
corrective action by whole local days since it was opened, right at the bucket edges."""

import datetime
import random

from django.utils import timezone

from improvement.models import CorrectiveAction
from reporting.selectors import board as quality_board
from tests.factories import NonconformityFactory


def counted_in_python(today: datetime.date) -> list[int]:
    """The panel's old way: every opening moment loaded and localized."""
    counts = [0] * len(quality_board.AGE_BUCKETS)
    for moment in CorrectiveAction.objects.exclude(step="closed").values_list("opened_at", flat=True):
        age = (today - timezone.localtime(moment).date()).days
        for index, (low, high) in enumerate(quality_board.AGE_BUCKETS):
            if age >= low and (high is None or age <= high):
                counts[index] += 1
                break
    return counts


def test_the_ageing_buckets_equal_a_count_in_local_days(db, make_person):
    owner = make_person()
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    rng = random.Random(22)
    moments = []
    for low, high in quality_board.AGE_BUCKETS:
        for days in (low, high or low + 400):
            # A second either side of a local midnight at each edge, and a few inside.
            edge = midnight - datetime.timedelta(days=days)
            moments += [
                edge,
                edge - datetime.timedelta(seconds=1),
                edge + datetime.timedelta(hours=23, minutes=59),
            ]
    moments += [midnight - datetime.timedelta(minutes=rng.randint(0, 400 * 24 * 60)) for _ in range(40)]
    moments.append(midnight + datetime.timedelta(days=2))  # opened "tomorrow": in no bucket
    for number, moment in enumerate(moments):
        step = "closed" if number % 7 == 3 else "actions"
        capa = CorrectiveAction.objects.create(
            number=f"CA-AGE-{number}", nonconformity=NonconformityFactory(), owner=owner, step=step
        )
        CorrectiveAction.objects.filter(pk=capa.pk).update(opened_at=moment)
    panel = quality_board.capa_ageing(today)
    assert [count for _label, count in panel.rows] == counted_in_python(today)
    assert sum(count for _label, count in panel.rows) > 20
