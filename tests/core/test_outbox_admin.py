"""The administrator sees the tasks kept while the broker was down (core.outbox) and queues
them again by hand, through the same flush as the minute's job; nothing is edited or deleted."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from core import outbox
from core.models import OutboxTask
from core.roles import Role

pytestmark = pytest.mark.django_db

LIST = reverse("admin:core_outboxtask_changelist")


def kept(to="p@example.org", **fields) -> OutboxTask:
    return OutboxTask.objects.create(
        name="core.tasks.send_email",
        args=[[to], "Your complaint", "We received it."],
        error="Error 111 connecting to 127.0.0.1:6379. Connection refused.",
        attempts=2,
        **fields,
    )


def states(page: str) -> list[str]:
    return re.findall(r'<td class="field-state">([^<]*)</td>', page)


def queue_again(client, *items):
    return client.post(
        LIST, {"action": "queue_again", "_selected_action": [i.pk for i in items]}, follow=True
    )


def test_the_list_shows_state_task_attempts_last_error_and_when(admin_client):
    from django.utils import timezone

    kept()
    kept(to="q@example.org", dispatched_at=timezone.now())
    page = admin_client.get(LIST).content.decode()
    assert states(page) == ["waiting for the broker", "queued"]  # oldest first
    assert "core.tasks.send_email" in page and "Connection refused." in page
    assert "Queue again now" in page
    assert states(admin_client.get(LIST, {"state": "waiting"}).content.decode()) == ["waiting for the broker"]


def test_queue_again_sends_the_waiting_task_once_and_never_a_queued_one_twice(admin_client):
    from django.utils import timezone

    waiting = kept()
    done = kept(to="q@example.org", dispatched_at=timezone.now())
    page = queue_again(admin_client, waiting, done).content.decode()
    assert "Queued: 1." in page and "Already queued, not queued twice: 1." in page
    assert [m.to for m in mail.outbox] == [["p@example.org"]]  # the task ran (eager in tests)
    waiting.refresh_from_db()
    assert waiting.dispatched_at is not None and waiting.attempts == 3
    queue_again(admin_client, waiting)
    assert len(mail.outbox) == 1
    assert OutboxTask.objects.count() == 2  # kept, never deleted


def test_with_the_broker_still_down_the_task_waits_and_the_error_is_shown(admin_client, monkeypatch):
    item = kept()

    def down(*_args):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Still refused.")

    monkeypatch.setattr(outbox, "_send", down)
    page = queue_again(admin_client, item).content.decode()
    assert "Still waiting: 1. The broker cannot be reached" in page
    item.refresh_from_db()
    assert item.dispatched_at is None and item.attempts == 3 and "Still refused." in item.error
    assert mail.outbox == []


def test_nothing_is_added_edited_or_deleted(admin_client):
    item = kept()
    assert admin_client.get(reverse("admin:core_outboxtask_add")).status_code == 403
    assert admin_client.get(reverse("admin:core_outboxtask_delete", args=[item.pk])).status_code == 403
    change = admin_client.get(reverse("admin:core_outboxtask_change", args=[item.pk])).content.decode()
    assert 'name="_save"' not in change
    admin_client.post(
        reverse("admin:core_outboxtask_change", args=[item.pk]), {"name": "core.tasks.heartbeat"}
    )
    item.refresh_from_db()
    assert item.name == "core.tasks.send_email"


def test_staff_without_the_admin_cannot_see_or_queue(client, make_person):
    item = kept()
    client.force_login(make_person(Role.QMS_OWNER, is_staff=True))
    assert client.get(LIST).status_code == 403
    queue_again(client, item)
    item.refresh_from_db()
    assert item.dispatched_at is None and mail.outbox == []
