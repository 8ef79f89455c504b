"""What every lockout leaves behind (wrong signing passwords: ``core.signing_guard``; wrong
second-factor codes: ``core.second_factor``): a step on the locked person's timeline, and a
notification (in the portal and by e-mail) to the person and to every active IQAS owner, so
someone trying a stolen password or phone is noticed.

A lockout may be noted inside a transaction that then rolls back (a refused signature), so the
trace is kept here and written once the request has finished, outside any transaction.
"""

import threading
from dataclasses import dataclass

from django.core.signals import request_finished
from django.dispatch import receiver

_pending = threading.local()


@dataclass(frozen=True)
class Lockout:
    """One kind of lockout: its timeline step and its notification (lazy messages with
    %-params; the params ``person`` and ``address`` are filled in here)."""

    event: str
    subject: object
    body: object


def lockout_report(kind: Lockout, user, *, address: str | None, **params) -> None:
    """Keep the trace of ``user``'s lockout, to be written when the request finishes."""
    if not hasattr(_pending, "items"):
        _pending.items = []
    _pending.items.append((kind, user.pk, {**params, "address": address or "—"}))


def flush() -> None:
    """Write what the lockouts of this request must leave behind (outside any transaction)."""
    items, _pending.items = getattr(_pending, "items", []), []
    if not items:
        return
    from .models import User
    from .roles import Role
    from .services import notification_send
    from .timeline import event_record

    for kind, user_pk, params in items:
        user = User.objects.filter(pk=user_pk).first()
        if user is None:
            continue
        params = {**params, "person": str(user)}
        event_record(obj=user, action=kind.event, actor=user, params=params)
        owners = User.objects.filter(groups__name=Role.QMS_OWNER.value, is_active=True).exclude(pk=user.pk)
        notification_send(
            recipients=[user, *owners],
            subject=kind.subject,
            body=kind.body,
            params=params,
            body_params=params,
        )


@receiver(request_finished, dispatch_uid="iaar-lockouts-flush")
def _after_request(sender, **kwargs) -> None:
    flush()
