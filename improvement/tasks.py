"""Daily improvement jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY


@shared_task(name="improvement.tasks.escalate_overdue_actions", **MAIL_RETRY)
def escalate_overdue_actions() -> int:
    from .actions import actions_escalate

    return actions_escalate()


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
    import datetime

    from .kpi_reports import kpi_report_make, previous_period

    start = datetime.date.fromisoformat(period_start) if period_start else previous_period(kind)
    return kpi_report_make(kind, start).pk


@shared_task(name="improvement.tasks.remind_management_reviews", **MAIL_RETRY)
def remind_management_reviews() -> int:
    """The IQAS owner is told, once, when a planned management review is a month away."""
    from .review import reviews_remind

    return reviews_remind()
