"""Daily accreditation reminders (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY


@shared_task(**MAIL_RETRY)
def send_accreditation_reminders() -> dict[str, int]:
    from .services_outcome import reminders_send

    return reminders_send()
