from django.core import mail
from django.urls import reverse

from core.models import Notification
from core.roles import Role
from core.services import notification_send


def test_a_notification_appears_in_the_portal_and_is_emailed_once(
    make_person, django_capture_on_commit_callbacks
):
    person = make_person(Role.STAFF, email="asel@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        (note,) = notification_send(recipients=[person, person], subject="Read the new policy", url="/x/")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["asel@example.org"]
    assert "Read the new policy" in message.subject
    assert "http://127.0.0.1:8000/x/" in message.body
    note.refresh_from_db()
    assert note.emailed_at is not None
    # A retried task finds the mark and sends nothing more.
    from core.tasks import notification_email

    notification_email(note.pk)
    assert len(mail.outbox) == 1


def test_inactive_people_get_no_notification(make_person):
    person = make_person(Role.STAFF, is_active=False)
    assert notification_send(recipients=[person], subject="Hello") == []


def test_marking_a_notification_read_by_htmx_returns_the_updated_row(client_as):
    client = client_as(Role.STAFF)
    note = Notification.objects.create(recipient=client.user, subject="Hello")
    response = client.post(reverse("core:notification_read", args=[note.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'class="list-group-item notification"' in response.content.decode()
    note.refresh_from_db()
    assert note.read_at is not None


def test_nobody_can_mark_someone_elses_notification(client_as, make_person):
    other = make_person(Role.STAFF, username="other")
    note = Notification.objects.create(recipient=other, subject="Private")
    client = client_as(Role.STAFF)
    client.post(reverse("core:notification_read", args=[note.pk]))
    note.refresh_from_db()
    assert note.read_at is None
    assert "Private" not in client.get(reverse("core:notifications")).content.decode()


def test_mark_all_read_clears_the_bell(client_as):
    client = client_as(Role.STAFF)
    for i in range(3):
        Notification.objects.create(recipient=client.user, subject=f"N{i}")
    response = client.post(reverse("core:notification_read_all"), follow=True)
    assert "3 notifications marked as read." in response.content.decode()
    assert not client.user.notifications.filter(read_at__isnull=True).exists()


def test_the_claim_is_stored_before_the_send_so_a_redelivered_task_does_not_send_again(make_person):
    from unittest import mock

    from core.tasks import notification_email

    person = make_person(Role.STAFF, email="asel@example.org")
    note = Notification.objects.create(recipient=person, subject="Read the new policy")
    seen = []
    real_send = mail.EmailMessage.send

    def watching(self, *args, **kwargs):
        # A worker killed right here: a redelivered task finds the notification claimed.
        seen.append(Notification.objects.get(pk=note.pk).emailed_at)
        return real_send(self, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", watching):
        notification_email(note.pk)
    assert seen and seen[0] is not None
    notification_email(note.pk)
    assert len(mail.outbox) == 1


def test_a_failed_send_releases_the_claim_for_the_retry(make_person):
    import smtplib
    from unittest import mock

    import pytest

    from core.tasks import notification_email

    person = make_person(Role.STAFF, email="asel@example.org")
    note = Notification.objects.create(recipient=person, subject="Read the new policy")
    down = mock.patch.object(mail.EmailMessage, "send", side_effect=smtplib.SMTPServerDisconnected("down"))
    with down, pytest.raises(smtplib.SMTPException):
        notification_email.run(note.pk)
    note.refresh_from_db()
    assert note.emailed_at is None and mail.outbox == []
    notification_email(note.pk)
    note.refresh_from_db()
    assert note.emailed_at is not None and len(mail.outbox) == 1


def test_a_plain_letter_redelivered_with_the_same_task_id_is_sent_once():
    import smtplib
    from unittest import mock

    import pytest

    from core.tasks import send_email

    down = mock.patch.object(mail.EmailMessage, "send", side_effect=smtplib.SMTPServerDisconnected("down"))
    with down, pytest.raises(Exception, match="down"):  # the retry carries the SMTP error
        send_email.apply(args=[["a@example.org"], "Hello", "Text"], task_id="t-1", throw=True)
    assert mail.outbox == []
    send_email.apply(args=[["a@example.org"], "Hello", "Text"], task_id="t-1")
    send_email.apply(args=[["a@example.org"], "Hello", "Text"], task_id="t-1")
    assert len(mail.outbox) == 1
    send_email.apply(args=[["a@example.org"], "Hello", "Text"], task_id="t-2")
    assert len(mail.outbox) == 2
