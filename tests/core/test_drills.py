"""Faults drilled against the real thing: the broker down (the portal keeps serving, the task is
kept in the outbox and queued once the broker is back, done exactly once by a real worker)."""

import time
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.urls import reverse

from accreditation.models import Appeal
from core.models import OutboxTask
from iaar_qms.celery import app
from tests.core.test_worker import worker  # noqa: F401  (the real worker fixture)

CLOSED_PORT = "redis://127.0.0.1:1/0"


@contextmanager
def broker(url: str):
    """Point this process's Celery at another broker (the worker keeps its own)."""
    old = app.conf.broker_write_url

    def switch(to: str) -> None:
        app.conf.broker_write_url = to  # what the sending side reads
        app._pool = None
        app.amqp._producer_pool = None

    switch(url)
    try:
        yield
    finally:
        switch(old)


def _wait_for_mail(mail_dir, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if mail_dir.exists() and any(mail_dir.iterdir()):
            time.sleep(1)  # a second copy would come now
            return
        if process.poll() is not None:
            break
        time.sleep(0.3)
    process.terminate()
    pytest.fail("The worker sent no mail. Worker output:\n" + process.communicate(timeout=20)[0][-4000:])


@pytest.mark.celery_worker
def test_with_the_broker_down_the_portal_serves_and_the_task_waits_in_the_outbox(worker, client, roles):  # noqa: F811
    mail_dir, process = worker
    url = reverse("accreditation:complaint_file")
    data = {"name": "A. Parent", "email": "p@example.org", "subject": "Late", "text": "Slow."}
    with broker(CLOSED_PORT):
        started = time.monotonic()
        response = client.post(url, data)
        took = time.monotonic() - started
    print(f"broker down: the complaint took {took:.2f} s")  # noqa: T201  (the drill's figure)
    assert response.status_code in (200, 302) and took < 2
    assert Appeal.objects.filter(email="p@example.org").count() == 1
    (kept,) = OutboxTask.objects.all()
    assert kept.name == "core.tasks.send_email" and kept.dispatched_at is None
    assert kept.args[0] == ["p@example.org"]

    with broker(CLOSED_PORT):  # still down: the flush keeps it
        call_command("flush_outbox")
    kept.refresh_from_db()
    assert kept.dispatched_at is None and kept.attempts == 1

    call_command("flush_outbox")  # the broker is back
    _wait_for_mail(mail_dir, process)
    (letter,) = mail_dir.iterdir()
    assert "To: p@example.org" in letter.read_text()
    kept.refresh_from_db()
    assert kept.dispatched_at is not None
    call_command("flush_outbox")  # nothing left: nothing sent again
    time.sleep(2)
    assert len(list(mail_dir.iterdir())) == 1
    assert OutboxTask.objects.count() == 1  # kept, marked queued, never deleted


def test_every_task_of_the_project_is_queued_through_the_outbox():
    """No ``.delay(`` or ``.apply_async(`` outside core/outbox.py: a task queued another way
    would be lost while the broker is down."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    apps = [
        "accreditation",
        "audits",
        "core",
        "demo",
        "documents",
        "improvement",
        "registry",
        "reporting",
        "surveys",
    ]
    found = [
        f"{path.relative_to(root)}:{number}"
        for app_name in apps
        for path in (root / app_name).rglob("*.py")
        if path.name != "outbox.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\.(delay|delay_on_commit|apply_async|send_task)\(", line)
    ]
    assert found == []
