"""Terms ending within 60 days remind the body's secretary (§1.6): a daily beat job, once a seat."""

import datetime
import time

import pytest
from django.utils import timezone

from core.models import Notification
from core.roles import Role
from governance import tasks
from governance.models.bodies import Body, Membership
from governance.services import bodies as services
from iaar_qms.celery import app
from tests.core.test_worker import worker, worker_queue  # noqa: F401 - the real worker's fixtures

TODAY = timezone.localdate()


def _body(make_person, *, ending_in: int):
    admin = make_person(Role.QMS_OWNER)
    body = services.body_create(actor=admin, name="Апелляционная комиссия", kind=Body.Kind.APPEALS_COMMISSION)
    secretary = make_person(Role.STAFF, email="aigerim@example.org", language="ru")
    member = make_person(Role.STAFF, first_name="Бакыт", last_name="Осмонов")
    services.membership_add(
        actor=admin,
        body=body,
        person=secretary,
        role="secretary",
        constituency="agency",
        term_start=TODAY - datetime.timedelta(days=400),
        term_end=TODAY + datetime.timedelta(days=700),
    )
    seat = services.membership_add(
        actor=admin,
        body=body,
        person=member,
        role="member",
        constituency="employer",
        term_start=TODAY - datetime.timedelta(days=400),
        term_end=TODAY + datetime.timedelta(days=ending_in),
    )
    return body, secretary, seat


@pytest.mark.django_db
def test_the_secretary_is_reminded_once_of_a_term_ending_within_60_days(make_person):
    body, secretary, seat = _body(make_person, ending_in=45)
    assert tasks.remind_terms_ending() == 1
    assert tasks.remind_terms_ending() == 0  # a second run sends nothing more
    (note,) = Notification.objects.filter(recipient=secretary)
    assert "Осмонов" in note.params["name"]
    assert note.url == body.get_absolute_url()
    seat.refresh_from_db()
    assert seat.reminder_sent_at is not None


@pytest.mark.django_db
def test_a_term_further_away_is_not_reminded_and_a_new_end_is_reminded_again(make_person):
    _, secretary, seat = _body(make_person, ending_in=90)
    assert tasks.remind_terms_ending() == 0
    services.membership_edit(
        actor=make_person(Role.COUNCIL_SECRETARY),
        membership=seat,
        role="member",
        constituency="employer",
        term_start=seat.term_start,
        term_end=TODAY + datetime.timedelta(days=10),
    )
    assert tasks.remind_terms_ending() == 1
    assert Notification.objects.filter(recipient=secretary).count() == 1


def test_the_beat_schedule_runs_the_reminder_daily():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["governance-remind-terms-ending"]
    assert entry["task"] == tasks.remind_terms_ending.name


@pytest.mark.celery_worker
def test_a_real_worker_reminds_the_secretary_by_e_mail(worker, make_person):  # noqa: F811
    mail_dir, process = worker
    _, secretary, seat = _body(make_person, ending_in=30)
    app.send_task("governance.tasks.remind_terms_ending")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (mail_dir.exists() and any(mail_dir.iterdir())):
        if process.poll() is not None:
            break
        time.sleep(0.5)
    seat = Membership.objects.get(pk=seat.pk)
    if seat.reminder_sent_at is None:
        process.terminate()
        pytest.fail(f"The worker did not run the job:\n{process.communicate(timeout=20)[0][-4000:]}")
    (message,) = mail_dir.iterdir()
    assert "To: aigerim@example.org" in message.read_text()
    assert Notification.objects.filter(recipient=secretary).count() == 1
