"""core.events: subscribers run once the publishing transaction commits, never after a rollback,
and one failing subscriber neither stops the others nor undoes what was committed."""

import pytest
from django.db import transaction

from core import events
from core.models import Process

pytestmark = pytest.mark.django_db
EVENT = "tests.something_happened"


@pytest.fixture
def heard(monkeypatch):
    """A private subscriber table for the test, with one subscriber that notes what it heard."""
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list))
    calls: list = []
    events.subscribe(EVENT, lambda **payload: calls.append(payload))
    return calls


def test_subscribers_run_after_commit_with_the_payload(heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        events.publish(EVENT, project_id=7)
        assert heard == []  # not yet: the transaction is still open
    assert heard == [{"project_id": 7}]


def test_nothing_runs_when_the_transaction_rolls_back(heard, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        events.publish(EVENT, project_id=7)
        raise RuntimeError
    assert heard == [] and callbacks == []


def test_a_failing_subscriber_stops_neither_the_others_nor_the_record(
    heard, django_capture_on_commit_callbacks
):
    def broken(**payload):
        raise RuntimeError("the mail server is down")

    later: list = []
    events.subscribe(EVENT, broken)
    events.subscribe(EVENT, lambda **payload: later.append(payload))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Process.objects.create(code="EV", name="Events", group=Process.Group.DOCUMENTS)
        events.publish(EVENT, project_id=7)
    assert heard == [{"project_id": 7}] and later == [{"project_id": 7}]
    assert Process.objects.filter(code="EV").exists()


def test_a_handler_subscribes_once(heard):
    def handler(**payload):
        pass

    events.subscribe(EVENT, handler)
    events.subscribe(EVENT, handler)
    assert events.subscribers(EVENT).count(handler) == 1
    assert events.subscribers("tests.nobody_listens") == []
