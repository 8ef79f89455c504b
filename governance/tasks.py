"""Daily governance jobs (Celery beat); idempotent, so a doubled run sends nothing more."""

from celery import shared_task

from core.tasks import MAIL_RETRY

from .services.bodies import terms_ending_remind
from .services.external_review import reminders_send as external_review_reminders
from .services.plan import overdue_escalate


@shared_task(name="governance.tasks.escalate_overdue_plan_items", **MAIL_RETRY)
def escalate_overdue_plan_items() -> int:
    return overdue_escalate()


@shared_task(name="governance.tasks.remind_terms_ending", **MAIL_RETRY)
def remind_terms_ending() -> int:
    """Each body's secretary hears of the members whose term ends within 60 days, once a seat."""
    return terms_ending_remind()


@shared_task(name="governance.tasks.remind_agency_reviews", **MAIL_RETRY)
def remind_agency_reviews() -> int:
    """The IQAS owner hears once before a follow-up report and before the next review is due."""
    return external_review_reminders()
