"""A real Celery worker sends the agency-review reminders (ESG 3.7) once each: the follow-up
report due and the next review due, by e-mail to the IQAS owner; beat firing again sends nothing."""

import datetime
import time

import pytest
from django.utils import timezone

from core.roles import Role
from governance.models import AgencyReview
from governance.services import external_review as services
from iaar_qms.celery import app
from tests.core.test_worker import worker, worker_queue  # noqa: F401 - the real worker's fixtures


@pytest.mark.celery_worker
def test_a_real_worker_sends_each_review_reminder_once(worker, make_person):  # noqa: F811
    mail_dir, process = worker
    today = timezone.localdate()
    keeper = make_person(Role.QMS_OWNER, Role.STAFF, email="qms@iaar.test")
    review = services.review_create(actor=keeper, body="enqa", title="ENQA review 2021")
    services.review_update(
        review=review,
        actor=keeper,
        decided_on=today - datetime.timedelta(days=365 * 4 + 200),
        follow_up_due=today + datetime.timedelta(days=30),
    )
    app.send_task("governance.tasks.remind_agency_reviews")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (mail_dir.exists() and len(list(mail_dir.iterdir())) >= 2):
        if process.poll() is not None:
            break
        time.sleep(0.5)
    review = AgencyReview.objects.get(pk=review.pk)
    if review.follow_up_reminded_on is None or review.next_review_reminded_on is None:
        process.terminate()
        pytest.fail(f"The worker did not send the reminders:\n{process.communicate(timeout=20)[0][-4000:]}")
    texts = [m.read_text() for m in mail_dir.iterdir()]
    assert len(texts) == 2 and all("To: qms@iaar.test" in t for t in texts)
    assert any("follow-up report of ENQA review 2021" in t for t in texts)
    assert any("next ENQA review of the agency" in t for t in texts)

    # Beat fires again: nothing more is sent. The heartbeat after it proves the repeat has run.
    app.send_task("governance.tasks.remind_agency_reviews")
    app.send_task("core.tasks.heartbeat")
    time.sleep(5)
    assert len(list(mail_dir.iterdir())) == 2
