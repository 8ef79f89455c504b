"""Background jobs of the core. Tasks take ids and are idempotent: a retry never sends twice."""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
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
    note = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if note is None or note.emailed_at is not None or not note.recipient.email:
        return
    _send("notification", note.recipient, {"notification": note})
    note.emailed_at = timezone.now()
    note.save(update_fields=["emailed_at"])


@shared_task
def heartbeat() -> None:
    """Leave a mark that the scheduler and a worker are alive; /healthz reports it."""
    cache.set("core:heartbeat", timezone.now().isoformat(), timeout=None)


@shared_task(**MAIL_RETRY)
def send_daily_digests() -> None:
    """E-mail each person the overdue items on their dashboard, at most once a day."""
    today = timezone.localdate()
    for user in User.objects.filter(is_active=True).exclude(email=""):
        board = dashboard_for(user, today)
        if not board.overdue:
            continue
        # add() is atomic: a retried or doubled run finds the key and sends nothing.
        if not cache.add(f"core:digest:{user.pk}:{today.isoformat()}", 1, timeout=60 * 60 * 36):
            continue
        _send("digest", user, {"board": board, "today": today})


@shared_task(**MAIL_RETRY)
def send_email(to: list[str], subject: str, body: str) -> None:
    """A plain letter to people outside the portal (the education authority, a complainant)."""
    EmailMultiAlternatives(settings.EMAIL_SUBJECT_PREFIX + subject, body, to=to).send()
