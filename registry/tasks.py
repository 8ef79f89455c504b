"""Reporting each newly published decision to DEQAR's submission API (opt-in)."""

import json
import logging
import urllib.error
import urllib.request

from celery import shared_task
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import deqar

log = logging.getLogger(__name__)


class DeqarUnavailable(Exception):
    """The endpoint could not be reached or failed on its side (5xx): try again later."""


def _refusal(body: bytes) -> str:
    """The endpoint's message from a refusal body: its errors, one line each."""
    try:
        data = json.loads(body or b"{}")
    except ValueError:
        return body.decode("utf-8", "replace")[:2000]
    errors = data.get("errors", data) if isinstance(data, dict) else data
    if isinstance(errors, dict):
        return "\n".join(f"{key}: {value}" for key, value in errors.items())[:2000]
    return json.dumps(errors, ensure_ascii=False)[:2000]


def _unavailable(task, publication, message: str) -> DeqarUnavailable:
    """The retry to raise; on the last attempt the failure is stored on the report instead, so
    the project page says so and the council's secretary may send it again."""
    if task.request.retries >= task.max_retries:
        with translation.override(settings.LANGUAGE_CODE):  # stored: in the agency's language
            publication.deqar_error = _("DEQAR could not be reached: %(reason)s") % {"reason": message[:500]}
        publication.save(update_fields=["deqar_error"])
    return DeqarUnavailable(message)


@shared_task(
    bind=True,
    autoretry_for=(DeqarUnavailable,),
    retry_backoff=60,
    retry_jitter=True,
    max_retries=8,
    acks_late=True,
)
def deqar_submit(self, publication_id: int) -> None:
    """Post one report to DEQAR; the first answer's report id makes every later post an update."""
    if not settings.DEQAR_SUBMISSION_URL:
        return
    publication = deqar.reports().get(pk=publication_id)
    body = json.dumps(deqar.payload(publication), ensure_ascii=False).encode()
    request = urllib.request.Request(
        settings.DEQAR_SUBMISSION_URL,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {settings.DEQAR_SUBMISSION_TOKEN}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        if exc.code >= 500:
            raise _unavailable(self, publication, f"HTTP {exc.code}") from exc
        publication.deqar_error = _refusal(exc.read()) or f"HTTP {exc.code}"
        publication.save(update_fields=["deqar_error"])
        log.warning("deqar_refused", extra={"publication": publication.pk, "status": exc.code})
        return
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        raise _unavailable(self, publication, str(exc)) from exc
    report_id = (answer.get("submitted_report") or {}).get("id") or answer.get("report_id")
    if report_id:
        publication.deqar_report_id = int(report_id)
    publication.deqar_submitted_at = timezone.now()
    publication.deqar_error = ""
    publication.save(update_fields=["deqar_report_id", "deqar_submitted_at", "deqar_error"])


def report_to_deqar(*, publication_id: int) -> None:
    """Subscribed to ``core.events.DECISION_PUBLISHED`` (registry/apps.py): a newly published
    decision goes to DEQAR, when a submission endpoint is configured."""
    from django.conf import settings

    from core.outbox import enqueue

    if settings.DEQAR_SUBMISSION_URL:
        enqueue(deqar_submit, publication_id)
