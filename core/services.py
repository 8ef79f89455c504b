"""State changes owned by the core: roles, notifications."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from .models import Notification, Sequence, User
from .roles import ROLE_PERMISSIONS, Role


@transaction.atomic
def roles_sync() -> dict[str, int]:
    """Make one group per role holding exactly the permissions of the role table."""
    counts: dict[str, int] = {}
    for role in Role:
        wanted = ROLE_PERMISSIONS[role]
        perms = []
        for name in sorted(wanted):
            app_label, codename = name.split(".", 1)
            try:
                perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
            except Permission.DoesNotExist as exc:
                raise ImproperlyConfigured(f"Role {role}: unknown permission {name}") from exc
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set(perms)
        counts[role.value] = len(perms)
    return counts


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[str]) -> None:
    """Give a person exactly these roles (a person may hold several)."""
    codes = {Role(r).value for r in roles}
    role_groups = Group.objects.filter(name__in=[r.value for r in Role])
    user.groups.remove(*[g for g in role_groups if g.name not in codes])
    user.groups.add(*[g for g in role_groups if g.name in codes])


def notification_send(
    *,
    recipients: Iterable[User],
    subject,
    body="",
    url: str = "",
    params: dict | None = None,
    body_params: dict | None = None,
) -> list[Notification]:
    """Show a message in each recipient's portal and e-mail it after the transaction commits.

    ``subject`` is a lazy message with optional %-``params``; ``body`` is either a person's
    own text or a lazy message with ``body_params``. Messages are stored untranslated: the
    portal shows them in the reader's language and the e-mail in the recipient's."""
    from .outbox import enqueue
    from .tasks import notification_email

    with translation.override(None):  # keep the English message ids
        subject_id = str(subject)
        body_is_message = isinstance(body, Promise)
        body_text = str(body) if body else ""
    created = []
    for recipient in {r.pk: r for r in recipients if r.is_active}.values():
        note = Notification.objects.create(
            recipient=recipient,
            subject=subject_id[:200],
            params={k: str(v) for k, v in (params or {}).items()},
            body=body_text,
            body_is_message=body_is_message,
            body_params={k: str(v) for k, v in (body_params or {}).items()},
            url=url,
        )
        enqueue(notification_email, note.pk)
        created.append(note)
    return created


def notification_mark_read(*, user: User, notification_id: int | None = None) -> int:
    """Mark one of the user's notifications, or all of them, as read."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    now = timezone.now()
    count = 0
    for note in unread:
        note.read_at = now
        note.save(update_fields=["read_at"])
        count += 1
    return count


@transaction.atomic
def sequence_next(name: str) -> int:
    """The next number of a named sequence; concurrent callers wait on the row lock."""
    Sequence.objects.get_or_create(name=name)
    row = Sequence.objects.select_for_update().get(name=name)
    row.value += 1
    row.save(update_fields=["value"])
    return row.value
