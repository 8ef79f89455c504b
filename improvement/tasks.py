"""Daily improvement jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY


@shared_task(name="improvement.tasks.escalate_overdue_actions", **MAIL_RETRY)
def escalate_overdue_actions() -> int:
    from .actions import actions_escalate

    return actions_escalate()
