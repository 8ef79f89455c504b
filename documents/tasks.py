"""Daily document jobs; each is idempotent, so a retried or doubled run changes nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from . import services


@shared_task
def activate_due_versions() -> int:
    return services.versions_activate_due()


@shared_task(**MAIL_RETRY)
def remind_acknowledgements() -> int:
    return services.acknowledgements_remind()


@shared_task(**MAIL_RETRY)
def remind_periodic_reviews() -> int:
    return services.reviews_remind()


@shared_task(**MAIL_RETRY)
def remind_external_checks() -> int:
    return services.external_checks_remind()


@shared_task(**MAIL_RETRY)
def list_due_for_disposal() -> int:
    return services.disposal_list_send()
