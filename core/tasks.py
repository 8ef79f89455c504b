"""Background jobs of the core. Tasks take ids and are idempotent: a retry never sends twice."""

import logging
import smtplib

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .dashboard import dashboard_for
from .models import Notification, User

logger = logging.getLogger(__name__)

MAIL_RETRY = {
    "autoretry_for": (smtplib.SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": 30,
    "retry_jitter": True,
    "max_retries": 6,
}


def _send(template: str, recipient: User, context: dict) -> None:
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {**context, "recipient": recipient, "site_url": settings.SITE_URL}
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        text = render_to_string(f"emails/{template}_body.txt", context)
        html = render_to_string(f"emails/{template}_body.html", context)
    message = EmailMultiAlternatives(settings.EMAIL_SUBJECT_PREFIX + subject, text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    message.send()


@shared_task(**MAIL_RETRY)
def notification_email(notification_id: int) -> None:
    """Claim the row (``emailed_at`` set under a row lock and committed), then send; a failed
    send releases the claim for the retry. A task redelivered after its worker died after the
    send finds the claim and sends nothing."""
    with transaction.atomic():
        note = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if note is None or note.emailed_at is not None or not note.recipient.email:
            return
        note.emailed_at = timezone.now()
        note.save(update_fields=["emailed_at"])
    try:
        _send("notification", note.recipient, {"notification": note})
    except Exception:
        with transaction.atomic():
            note = Notification.objects.select_for_update().get(pk=notification_id)
            note.emailed_at = None
            note.save(update_fields=["emailed_at"])
        raise


@shared_task
def flush_outbox() -> int:
    """Queue again the tasks kept while the broker was down."""
    from .outbox import flush_outbox as flush

    return flush()[0]


@shared_task
def heartbeat() -> None:
    """Leave a mark that the scheduler and a worker are alive; /healthz reports it."""
    cache.set("core:heartbeat", timezone.now().isoformat(), timeout=None)


@shared_task(**MAIL_RETRY)
def send_daily_digests() -> None:
    """E-mail each person the overdue items on their dashboard, at most once a day."""
    today = timezone.localdate()
    for user in User.objects.filter(is_active=True).exclude(email=""):
        board = dashboard_for(user, today, limit=None)
        if not board.overdue:
            continue
        # add() is atomic: a retried or doubled run finds the key and sends nothing.
        if not cache.add(f"core:digest:{user.pk}:{today.isoformat()}", 1, timeout=60 * 60 * 36):
            continue
        _send("digest", user, {"board": board, "today": today})


MAIL_CLAIM_SECONDS = 60 * 60 * 24 * 7


@shared_task(bind=True, **MAIL_RETRY)
def send_email(self, to: list[str], subject: str, body: str) -> None:
    """A plain letter to people outside the portal (the education authority, a complainant).
    It has no row of its own, so the claim is the task's id, taken atomically in the shared
    cache before the send and released when the send fails: a redelivered task (same id)
    sends nothing."""
    key = f"core:mail-sent:{self.request.id}" if self.request.id else None
    if key and not cache.add(key, 1, timeout=MAIL_CLAIM_SECONDS):
        logger.info("send_email %s: already sent, not sending again", self.request.id)
        return
    try:
        EmailMultiAlternatives(settings.EMAIL_SUBJECT_PREFIX + subject, body, to=to).send()
    except Exception:
        if key:
            cache.delete(key)
        raise


@worker_ready.connect
def _flush_outbox_at_start(**_kwargs) -> None:
    """A worker that starts (the broker is back, or after a deploy) queues what the outbox holds."""
    from .outbox import flush_outbox as flush

    try:
        flush()
    except Exception:  # a worker must start even if the database is not there yet
        logger.exception("flushing the outbox at worker start failed")
