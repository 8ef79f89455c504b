"""Signing passwords are limited like sign-in: after ``IAAR_SIGNING_FAILURE_LIMIT`` wrong
passwords in a row for one person (or four times as many from one address) signing is locked for
``IAAR_SIGNING_COOLOFF_MINUTES``; the person and the IQAS owner are told and the lockout is on the
person's timeline.

A wrong password is refused inside the service's transaction, which then rolls back; what
must be kept (the timeline entry, the notifications) is written by ``core.lockouts`` once the
request has finished, outside any transaction. The counters live in the cache (Redis in
production).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy, gettext_noop

from .lockouts import Lockout, lockout_report
from .middleware import CURRENT_ADDRESS

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


SIGNING_LOCKOUT = Lockout(
    event=LOCKED_EVENT,
    subject=gettext_lazy("Signing locked for %(person)s after %(count)s wrong passwords"),
    body=gettext_lazy(
        "Signing is locked for %(minutes)s minutes. If %(person)s did not type these "
        "passwords, someone else may be trying to sign in their name (from %(address)s)."
    ),
)


def failure_note(user) -> bool:
    """Count a wrong signing password; True when this one locks signing (then the person and
    the IQAS owner are told and it is on the timeline: core.lockouts)."""
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
        lockout_report(
            SIGNING_LOCKOUT,
            user,
            address=CURRENT_ADDRESS.get(),
            count=settings.IAAR_SIGNING_FAILURE_LIMIT,
            minutes=settings.IAAR_SIGNING_COOLOFF_MINUTES,
        )
    return locks


def success_note(user) -> None:
    cache.delete(_counters(user)[0][0])
