"""The demo tells last year's management review at its own dates: held in January with its
input pack, conclusions and signed order; six decisions, some done with evidence, one overdue,
the rest open; and this year's review planned for next January."""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.dashboard import dashboard_for
from improvement.models import Action, KpiReport, ManagementReview
from reporting.selectors import kpi_reports, reviews


def test_the_demo_has_last_years_review_with_its_order_and_decisions_partly_done(seeded_demo):
    # Seeding twice adds nothing: tests/demo/test_seed_demo.py counts these after a second run.
    today = timezone.localdate()
    last, planned = ManagementReview.objects.order_by("period_start")
    assert ManagementReview.objects.count() == 2
    assert last.period_start == datetime.date(today.year - 1, 1, 1)
    assert last.held_on.month == 1 and last.held_on.year == today.year
    assert last.status == ManagementReview.Status.SIGNED and last.order_number == "9-OD"
    assert reviews.pack_intact(last) and reviews.order_file_intact(last)
    assert last.order_sha256 == hashlib.sha256(reviews.order_content(last).encode()).hexdigest()
    actions = Action.objects.filter(decision__review=last)
    assert actions.count() == 6
    done = actions.filter(status=Action.Status.DONE)
    assert done.count() == 3 and all(a.evidence for a in done)
    overdue = actions.filter(status=Action.Status.OPEN, due_on__lt=today)
    assert overdue.count() == 1
    assert actions.filter(status=Action.Status.OPEN, due_on__gte=today).count() == 2
    assert planned.status == ManagementReview.Status.PLANNED
    assert planned.planned_on == datetime.date(today.year + 1, 1, 21)
    assert planned.previous == last
    # The overdue decision is on its owner's dashboard.
    owner = overdue.get().owner
    assert any(item.title.startswith(overdue.get().number) for item in dashboard_for(owner).overdue)
    assert get_user_model().objects.filter(pk=owner.pk, username="pm").exists()
    # Last month's and last year's KPI reports are stored, each once, as the schedule makes them.
    assert KpiReport.objects.filter(kind="monthly").count() == 1
    assert (
        KpiReport.objects.filter(kind="yearly", period_start=datetime.date(today.year - 1, 1, 1)).count() == 1
    )
    assert all(kpi_reports.file_intact(r) for r in KpiReport.objects.all())
