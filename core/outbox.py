"""One way to queue a task: ``enqueue(task, *args, **kwargs)``. It queues once the transaction
commits; when the broker cannot be reached the request still succeeds and the task is kept in
``OutboxTask``, queued again by ``flush_outbox`` (beat every minute, and at worker start)."""

import logging

from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import OutboxTask

logger = logging.getLogger(__name__)


def _send(name: str, args: list, kwargs: dict) -> None:
    # retry=False: a broker that is down fails at once instead of holding the request.
    current_app.tasks[name].apply_async(args=args, kwargs=kwargs, retry=False)


def enqueue_now(name: str, args: list, kwargs: dict) -> bool:
    """Queue the task; if the broker is down keep it in the outbox. Returns whether it was queued."""
    try:
        _send(name, args, kwargs)
    except OperationalError as error:  # kombu's word for a broker it cannot reach
        logger.warning("broker down, task %s kept in the outbox: %s", name, error)
        OutboxTask.objects.create(name=name, args=list(args), kwargs=dict(kwargs), error=str(error)[:500])
        return False
    return True


def enqueue(task, *args, **kwargs) -> None:
    """Queue ``task`` with these arguments once the current transaction commits."""
    name = task.name if hasattr(task, "name") else str(task)
    transaction.on_commit(lambda: enqueue_now(name, list(args), kwargs))


def flush_outbox(limit: int = 500, only=None) -> tuple[int, int]:
    """Queue again what the outbox holds, oldest first (``only``: these ids only, as the
    admin's "queue again" asks). Returns (queued, still waiting); stops at the first refusal
    of the broker, which is then recorded on the task."""
    queued = 0
    waiting = OutboxTask.objects.filter(dispatched_at__isnull=True)
    if only is not None:
        waiting = waiting.filter(pk__in=list(only))
    for item in waiting[:limit]:
        with transaction.atomic():
            item = OutboxTask.objects.select_for_update(skip_locked=True).filter(pk=item.pk).first()
            if item is None or item.dispatched_at is not None:
                continue
            item.attempts += 1
            try:
                _send(item.name, item.args, item.kwargs)
            except OperationalError as error:
                item.error = str(error)[:500]
                item.save(update_fields=["attempts", "error"])
                break
            item.dispatched_at = timezone.now()
            item.save(update_fields=["attempts", "dispatched_at"])
            queued += 1
    return queued, OutboxTask.objects.filter(dispatched_at__isnull=True).count()
