"""Survey jobs (Celery): closing campaigns on their date, reminders, the surveys sent after a
visit. Each is idempotent: run twice, it sends and creates nothing more."""

from celery import shared_task

from core.outbox import enqueue
from core.tasks import MAIL_RETRY

from . import services


@shared_task
def close_due_campaigns() -> int:
    return services.campaigns_close_due()


@shared_task(**MAIL_RETRY)
def remind_invitations() -> int:
    return services.invitations_remind()


@shared_task(**MAIL_RETRY)
def dispatch_after_visit(project_id: int) -> int:
    return services.dispatch_after_visit(project_id=project_id)


def dispatch_surveys_after_visit(*, project_id: int) -> None:
    """Subscribed to ``core.events.VISIT_HELD`` (surveys/apps.py): runs once the visit record is
    committed and hands the dispatch to the worker, so a failure there never undoes the record."""
    enqueue(dispatch_after_visit, project_id)
