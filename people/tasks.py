"""Daily people jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .services.training import retraining_remind


@shared_task(name="people.tasks.remind_retraining", **MAIL_RETRY)
def remind_retraining() -> int:
    """The holder of a certificate expiring within the reminder period hears that re-training is
    due, once per certificate."""
    return retraining_remind()
