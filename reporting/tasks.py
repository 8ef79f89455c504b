"""The reporting part's scheduled jobs (Celery beat); idempotent, so a doubled run sends
nothing more. Their registered names stay those they had under improvement: the beat rows of
existing databases (django-celery-beat) refer to them."""

import datetime

from celery import shared_task

from core.tasks import MAIL_RETRY

from .selectors.kpi_reports import previous_period
from .services import kpi_report_make, reviews_remind


@shared_task(name="improvement.tasks.make_monthly_kpi_report", **MAIL_RETRY)
def make_monthly_kpi_report(period_start: str | None = None) -> int:
    """The previous month's KPI report (or the month given as YYYY-MM-DD), made and e-mailed
    once: a retry finds the stored report and sends only if it was not sent."""
    return _make("monthly", period_start)


@shared_task(name="improvement.tasks.make_yearly_kpi_report", **MAIL_RETRY)
def make_yearly_kpi_report(period_start: str | None = None) -> int:
    """The previous year's KPI report, made and e-mailed once."""
    return _make("yearly", period_start)


def _make(kind: str, period_start: str | None) -> int:
    start = datetime.date.fromisoformat(period_start) if period_start else previous_period(kind)
    return kpi_report_make(kind, start).pk


@shared_task(name="improvement.tasks.remind_management_reviews", **MAIL_RETRY)
def remind_management_reviews() -> int:
    """The IQAS owner is told, once, when a planned management review is a month away."""
    return reviews_remind()


@shared_task(name="reporting.tasks.outward_report_mail", **MAIL_RETRY)
def outward_report_mail(report_id: int) -> bool:
    """The signed yearly report the Director General sent, e-mailed with its PDF once."""
    from .services.outward import outward_mail

    return outward_mail(report_id)
