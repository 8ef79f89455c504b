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
from tests.core.test_worker import worker, worker_queue  # noqa: F401  (the real worker fixtures)

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


@pytest.fixture
def web(transactional_db, tmp_path):
    """The portal under gunicorn (one worker), on the test database."""
    import os
    import socket
    import subprocess
    import sys
    import urllib.request

    from tests.core.test_worker import ROOT, _database_url

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.test",
        "DATABASE_URL": _database_url(),
        "CONN_MAX_AGE": "600",  # the web keeps its connection between requests, as in production
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "iaar_qms.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/registry/", timeout=5)
            break
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    try:
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def _database_ok(base: str) -> bool:
    """/healthz (never cached) asks the database; 503 may come from another check."""
    import json
    import urllib.error
    import urllib.request

    try:
        body = urllib.request.urlopen(base + "/healthz", timeout=20).read()
    except urllib.error.HTTPError as error:
        body = error.read()
    return json.loads(body)["database"]["ok"]


@pytest.fixture
def persistent_connections(monkeypatch):
    """The worker and the web keep their connection between tasks and requests, as in production."""
    monkeypatch.setenv("CONN_MAX_AGE", "600")


@pytest.mark.postgres
@pytest.mark.celery_worker
def test_after_the_database_drops_every_connection_the_web_and_the_worker_reconnect(
    persistent_connections,
    worker,  # noqa: F811
    web,
    make_person,
):
    import psycopg
    from django.db import connection

    from core.models import Notification
    from core.roles import Role
    from core.services import notification_send
    from tests.core.test_worker import _database_url

    mail_dir, process = worker
    base, _server = web
    person = make_person(Role.STAFF, email="asel@example.org")

    def mailed(note, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and process.poll() is None:
            if Notification.objects.get(pk=note.pk).emailed_at is not None:
                return True
            time.sleep(0.3)
        return False

    assert _database_ok(base)
    (first,) = notification_send(recipients=[person], subject="Before the restart")
    assert mailed(first)  # the worker holds a connection now

    with psycopg.connect(_database_url(), autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    print(f"database restart: {killed} connections terminated")  # noqa: T201  (the drill's figure)
    # The web's (kept between requests) and this test's own; Celery's Django fixup closes the
    # worker's connection after each task, so its next task opens a fresh one in any case.
    connection.close()  # this test's own connection was one of them
    assert killed >= 2

    started = time.monotonic()
    assert _database_ok(base)
    print(f"database restart: the next page took {time.monotonic() - started:.2f} s")  # noqa: T201
    (second,) = notification_send(recipients=[person], subject="After the restart")
    started = time.monotonic()
    assert mailed(second), process.poll()
    print(f"database restart: the next task was done in {time.monotonic() - started:.2f} s")  # noqa: T201
    assert len(list(mail_dir.iterdir())) == 2


KPI_TASK = "improvement.tasks.make_monthly_kpi_report"  # the name beat uses


def _wait_for(what: str, done, log, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return
        time.sleep(0.3)
    pytest.fail(f"{what}: not seen in {seconds:.0f} s. Worker output:\n{log.read_text()[-4000:]}")


@pytest.mark.redis  # the drill is Redis's redelivery of an unacknowledged task
@pytest.mark.celery_worker
@pytest.mark.parametrize("point", ["pdf", "mail"])
def test_a_worker_killed_during_the_kpi_report_leaves_one_report_one_pdf_one_mail(
    point,
    worker_queue,  # noqa: F811
    tmp_path,
    make_person,
):
    """SIGKILL a real worker while the KPI report task is storing its PDF (the file written, its
    row not committed) or right after its e-mail went to the mail server (the task not
    returned, the message not acknowledged); Redis hands the task to a new worker once the
    visibility timeout has passed. One report row, one PDF matching its SHA-256, one e-mail."""
    import hashlib

    from core.outbox import enqueue_now
    from core.roles import Role
    from improvement.models import KpiReport
    from reporting.tasks import make_monthly_kpi_report
    from tests.core.test_worker import worker_start, worker_stop

    assert make_monthly_kpi_report.name == KPI_TASK

    make_person(Role.DIRECTOR, username="kill_dg", email="dg@iaar.test")
    make_person(Role.QMS_OWNER, username="kill_qms", email="qms@iaar.test")
    media, mail_dir, mark, log = (
        tmp_path / "media",
        tmp_path / "mail",
        tmp_path / "mark",
        tmp_path / "worker.log",
    )
    media.mkdir()
    common = {"TEST_MEDIA_ROOT": str(media), "IAAR_VISIBILITY_TIMEOUT": "10"}

    def pdfs():
        return sorted(media.rglob("kpi-monthly-2026-03*.pdf"))

    def letters():
        return sorted(mail_dir.iterdir()) if mail_dir.exists() else []

    first = worker_start(
        worker_queue,
        mail_dir,
        log,
        **common,
        TEST_FILE_STORAGE="tests.drill_hooks.PausingStorage",
        TEST_EMAIL_BACKEND="tests.drill_hooks.PausingFileEmailBackend",
        IAAR_DRILL_PAUSE_AT=point,
        IAAR_DRILL_PAUSE_FILE="kpi-reports/",
        IAAR_DRILL_MARK=str(mark),
    )
    try:
        assert enqueue_now(KPI_TASK, ["2026-03-01"], {})
        _wait_for(f"the task reaching the {point} pause", mark.exists, log)
        first.kill()  # SIGKILL: no clean-up, no acknowledgement
        first.wait(timeout=20)
    finally:
        worker_stop(first)
    killed = time.monotonic()
    if point == "pdf":  # the file is on disk, nothing is committed
        assert len(pdfs()) == 1 and not KpiReport.objects.exists() and letters() == []
    else:  # the report is stored and the e-mail is out, the task never returned
        assert len(letters()) == 1 and KpiReport.objects.get().emailed_at is not None

    log.write_text("")
    second = worker_start(worker_queue, mail_dir, log, **common)
    try:
        _wait_for("the redelivered task", lambda: '"task_succeeded"' in log.read_text(), log)
        print(f"worker killed at the {point}: redelivered and done {time.monotonic() - killed:.1f} s later")  # noqa: T201
        time.sleep(2)  # a second copy would come now
    finally:
        worker_stop(second)

    if point == "pdf":
        assert "left by an interrupted run" in log.read_text()  # the orphan replaced, not kept
    report = KpiReport.objects.get()
    (pdf,) = pdfs()
    assert report.file.name.endswith(pdf.name)
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == report.sha256
    assert report.emailed_at is not None
    (letter,) = letters()
    text = letter.read_text()
    assert "dg@iaar.test" in text and "qms@iaar.test" in text and pdf.name in text


def _letter_to_a_complainant(make_person):
    from core.outbox import enqueue_now
    from core.tasks import send_email

    assert enqueue_now(send_email.name, [["parent@example.org"], "Your complaint", "We received it."], {})
    return "parent@example.org"


def _notification(make_person):
    from core.roles import Role
    from core.services import notification_send

    person = make_person(Role.STAFF, email="asel@example.org")
    notification_send(recipients=[person], subject="Please acknowledge the new manual")
    return "asel@example.org"


@pytest.mark.redis
@pytest.mark.celery_worker
@pytest.mark.parametrize(
    "letter", [_letter_to_a_complainant, _notification], ids=["send_email", "notification"]
)
def test_a_worker_killed_after_a_mail_left_does_not_send_it_again(
    letter,
    worker_queue,  # noqa: F811
    tmp_path,
    make_person,
):
    """The plain letter (claimed in the shared cache by its task id) and the notification
    (claimed on its row): SIGKILLed after the mail server took the message, the task is
    redelivered to a new worker, which finds the claim and sends nothing."""
    from django.conf import settings

    from tests.core.test_worker import worker_start, worker_stop

    mail_dir, mark, log = tmp_path / "mail", tmp_path / "mark", tmp_path / "worker.log"
    common = {"IAAR_VISIBILITY_TIMEOUT": "10", "TEST_REDIS_CACHE": settings.CELERY_BROKER_URL}
    first = worker_start(
        worker_queue,
        mail_dir,
        log,
        **common,
        TEST_EMAIL_BACKEND="tests.drill_hooks.PausingFileEmailBackend",
        IAAR_DRILL_PAUSE_AT="mail",
        IAAR_DRILL_MARK=str(mark),
    )
    try:
        to = letter(make_person)
        _wait_for("the mail leaving", mark.exists, log)
        first.kill()
        first.wait(timeout=20)
    finally:
        worker_stop(first)
    killed = time.monotonic()
    assert len(list(mail_dir.iterdir())) == 1

    log.write_text("")
    second = worker_start(worker_queue, mail_dir, log, **common)
    try:
        _wait_for("the redelivered task", lambda: '"task_succeeded"' in log.read_text(), log)
        print(f"worker killed after the mail: redelivered {time.monotonic() - killed:.1f} s later")  # noqa: T201
        time.sleep(2)
    finally:
        worker_stop(second)
        import redis

        shared = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        if claims := shared.keys("iaar-test-drill:*"):
            shared.delete(*claims)
    (sent,) = mail_dir.iterdir()
    assert f"To: {to}" in sent.read_text()
