"""State changes owned by the core: roles, notifications."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone, translation

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
    own text or a lazy message with ``body_params``. Each recipient reads them in their own
    language."""
    from .tasks import notification_email

    created = []
    for recipient in {r.pk: r for r in recipients if r.is_active}.values():
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            text_subject = _render(subject, params)
            text_body = _render(body, body_params)
        note = Notification.objects.create(
            recipient=recipient, subject=text_subject[:200], body=text_body, url=url
        )
        notification_email.delay_on_commit(note.pk)
        created.append(note)
    return created


def _render(message, params: dict | None) -> str:
    if not params:
        return str(message)
    return str(message) % {key: str(value) for key, value in params.items()}


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
