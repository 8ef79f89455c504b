"""A real Celery worker process, on the broker the settings name (Redis in CI), does the work."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from core.models import Notification, Process
from core.roles import Role
from core.services import notification_send
from iaar_qms.celery import app

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_start(
    queue: str,
    mail_dir: Path,
    log: Path | None = None,
    *,
    pool: tuple[str, ...] = ("--pool=solo",),
    **extra_env: str,
) -> subprocess.Popen:
    """A real worker process (solo pool, unless ``pool`` gives other options) on ``queue``,
    writing its e-mails as files into ``mail_dir`` and its output to ``log`` (a pipe when none);
    ``extra_env`` adds to its environment (a drill's pause, a visibility timeout)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "TEST_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),  # the files it stores are the test's to see
        **extra_env,
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "iaar_qms",
            "worker",
            *pool,
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("a") if log else subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def worker_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def worker_queue(transactional_db):
    """A queue of this test's own, so no other worker on the machine takes its tasks; what
    this process queues goes there."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    eager, default_queue = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    try:
        yield queue
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = eager, default_queue


@pytest.fixture
def worker(worker_queue, tmp_path):
    """Start a worker on a queue of its own, so no other worker on the machine takes the task."""
    mail_dir = tmp_path / "mail"
    process = worker_start(worker_queue, mail_dir)
    try:
        yield mail_dir, process
    finally:
        worker_stop(process)


@pytest.mark.celery_worker
def test_a_real_worker_emails_the_notification(worker, make_person):
    mail_dir, process = worker
    person = make_person(Role.STAFF, email="asel@example.org")
    (note,) = notification_send(recipients=[person], subject="Please acknowledge the new manual")

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        note.refresh_from_db()
        if note.emailed_at is not None or process.poll() is not None:
            break
        time.sleep(0.5)
    if note.emailed_at is None:
        process.terminate()
        output = process.communicate(timeout=20)[0]
        pytest.fail(f"The worker did not send the e-mail in time. Worker output:\n{output[-4000:]}")

    (message,) = mail_dir.iterdir()
    text = message.read_text()
    assert "To: asel@example.org" in text
    assert "Please acknowledge the new manual" in text
    assert Notification.objects.get(pk=note.pk).emailed_at is not None


@pytest.mark.celery_worker
def test_a_real_worker_escalates_an_overdue_action_by_name(worker, make_person):
    """The daily job, sent by the name beat uses, reminds the owner of an overdue action, and
    the reminder is e-mailed (a second run sending nothing is tested in tests/improvement)."""
    import datetime

    from django.utils import timezone

    from improvement.models import Action, Risk

    mail_dir, process = worker
    owner = make_person(Role.PROJECT_MANAGER, email="saule@example.org")
    risk = Risk.objects.create(
        number="RK-W-1",
        title="Too few student experts",
        process=Process.objects.get(code="eec-formation"),
        owner=owner,
        likelihood=3,
        impact=4,
        review_on=timezone.localdate(),
        created_by=owner,
    )
    action = Action.objects.create(
        number="ACT-W-1",
        risk=risk,
        description="Recruit student experts",
        owner=owner,
        due_on=timezone.localdate() - datetime.timedelta(days=2),
        created_by=owner,
    )
    app.send_task("improvement.tasks.escalate_overdue_actions")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (mail_dir.exists() and any(mail_dir.iterdir())):
        if process.poll() is not None:
            break
        time.sleep(0.5)
    action.refresh_from_db()
    if action.reminded_on is None:
        process.terminate()
        pytest.fail(
            f"The worker did not run the job. Worker output:\n{process.communicate(timeout=20)[0][-4000:]}"
        )
    assert action.reminded_on == timezone.localdate()
    assert Notification.objects.filter(recipient=owner).count() == 1
    (message,) = mail_dir.iterdir()
    assert "To: saule@example.org" in message.read_text()
