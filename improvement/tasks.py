"""Daily improvement jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .services import actions_escalate


@shared_task(name="improvement.tasks.escalate_overdue_actions", **MAIL_RETRY)
def escalate_overdue_actions() -> int:
    return actions_escalate()
