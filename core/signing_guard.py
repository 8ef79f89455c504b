"""Signing passwords are limited like sign-in: after ``IAAR_SIGNING_FAILURE_LIMIT`` wrong
passwords in a row for one person (or four times as many from one address) signing is locked for
``IAAR_SIGNING_COOLOFF_MINUTES``; the person and the IQAS owner are told and the lockout is on the
person's timeline.

A wrong password is refused inside the service's transaction, which then rolls back; so what
must be kept (the timeline entry, the notifications) is written once the request has finished,
outside any transaction. The counters live in the cache (Redis in production).
"""

import threading

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished
from django.dispatch import receiver
from django.utils.translation import gettext_lazy, gettext_noop

from .middleware import CURRENT_ADDRESS

_pending = threading.local()

LOCKED_EVENT = gettext_noop(
    "Signing locked for %(minutes)s minutes after %(count)s wrong passwords (from %(address)s)"
)


def _counters(user) -> list[tuple[str, int]]:
    """The failure counters a wrong password adds to, each with the count that locks it: the
    person's, and the address's (an office shares one: it may fail more often)."""
    limit = settings.IAAR_SIGNING_FAILURE_LIMIT
    counters = [(f"signing-failures:user:{user.pk}", limit)]
    if address := CURRENT_ADDRESS.get():
        counters.append((f"signing-failures:addr:{address}", limit * 4))
    return counters


def _lock_key(key: str) -> str:
    return key.replace("signing-failures:", "signing-locked:", 1)


def locked(user) -> bool:
    return any(cache.get(_lock_key(key)) for key, _limit in _counters(user))


def failure_count(user) -> int:
    return cache.get(_counters(user)[0][0], 0)


def failure_note(user) -> bool:
    """Count a wrong signing password; True when this one locks signing."""
    window = settings.IAAR_SIGNING_COOLOFF_MINUTES * 60
    locks = False
    for key, limit in _counters(user):
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1
        if count >= limit:
            cache.set(_lock_key(key), True, window)
            cache.delete(key)
            locks = True
    if locks:
        if not hasattr(_pending, "items"):
            _pending.items = []
        _pending.items.append((user.pk, CURRENT_ADDRESS.get()))
    return locks


def success_note(user) -> None:
    cache.delete(_counters(user)[0][0])


def flush() -> None:
    """Write what the lockouts of this request must leave behind (outside any transaction)."""
    items, _pending.items = getattr(_pending, "items", []), []
    if not items:
        return
    from django.contrib.contenttypes.models import ContentType

    from .models import User, WorkflowEvent
    from .roles import Role
    from .services import notification_send

    for user_pk, address in items:
        user = User.objects.filter(pk=user_pk).first()
        if user is None:
            continue
        params = {
            "count": settings.IAAR_SIGNING_FAILURE_LIMIT,
            "minutes": settings.IAAR_SIGNING_COOLOFF_MINUTES,
            "person": str(user),
            "address": address or "—",
        }
        # On the person's timeline, as core.workflow.event_record writes it (untranslated).
        WorkflowEvent.objects.create(
            content_type=ContentType.objects.get_for_model(user, for_concrete_model=True),
            object_id=user.pk,
            action=LOCKED_EVENT,
            actor=user,
            params={k: str(v) for k, v in params.items()},
        )
        owners = User.objects.filter(groups__name=Role.QMS_OWNER.value, is_active=True).exclude(pk=user.pk)
        notification_send(
            recipients=[user, *owners],
            subject=gettext_lazy("Signing locked for %(person)s after %(count)s wrong passwords"),
            body=gettext_lazy(
                "Signing is locked for %(minutes)s minutes. If %(person)s did not type these "
                "passwords, someone else may be trying to sign in their name (from %(address)s)."
            ),
            params=params,
            body_params=params,
        )


@receiver(request_finished, dispatch_uid="iaar-signing-guard-flush")
def _after_request(sender, **kwargs) -> None:
    flush()
