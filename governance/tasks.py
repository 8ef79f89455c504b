"""Daily governance jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .services.plan import overdue_escalate


@shared_task(name="governance.tasks.escalate_overdue_plan_items", **MAIL_RETRY)
def escalate_overdue_plan_items() -> int:
    return overdue_escalate()
