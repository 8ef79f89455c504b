"""Daily accreditation reminders (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .services import reminders_send


@shared_task(**MAIL_RETRY)
def send_accreditation_reminders() -> dict[str, int]:
    return reminders_send()
