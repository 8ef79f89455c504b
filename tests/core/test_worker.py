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

from core.models import Notification
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


@pytest.fixture
def worker(transactional_db, tmp_path):
    """Start a worker on a queue of its own, so no other worker on the machine takes the task."""
    queue = f"test-{uuid.uuid4().hex[:8]}"
    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "TEST_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "iaar_qms",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    eager, default_queue = app.conf.task_always_eager, app.conf.task_default_queue
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    try:
        yield mail_dir, process
    finally:
        app.conf.task_always_eager, app.conf.task_default_queue = eager, default_queue
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


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
