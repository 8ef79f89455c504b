"""A real Celery worker process, on the broker the settings name (Redis in CI), makes last
month's KPI report when beat's task name is sent, stores it and e-mails the PDF once."""

import datetime
import email
import hashlib
import io
import time

import pytest
from django.utils import timezone
from pypdf import PdfReader

from core.roles import Role
from iaar_qms.celery import app
from improvement.models import KpiReport, Nonconformity
from tests.core.test_worker import worker  # noqa: F401  (the fixture: a worker on its own queue)
from tests.factories import NonconformityFactory, kpi_target_in_force


@pytest.mark.celery_worker
def test_a_real_worker_makes_and_emails_the_monthly_kpi_report(worker, make_person):  # noqa: F811
    mail_dir, process = worker
    make_person(Role.DIRECTOR, email="director@iaar.test")
    qms = make_person(Role.QMS_OWNER, Role.STAFF, email="qms@iaar.test")
    # Last month: 2 nonconformities raised, 1 repeating the other (KPI 4: 1 of 2, 50.0 %).
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
    first = NonconformityFactory()
    second = NonconformityFactory(repeated_of=first)
    moment = timezone.make_aware(datetime.datetime.combine(last_month, datetime.time(12)))
    Nonconformity.objects.filter(pk__in=[first.pk, second.pk]).update(raised_at=moment)
    kpi_target_in_force(qms=qms, code="kpi4", year=last_month.year, target_percent=20)

    app.send_task("improvement.tasks.make_monthly_kpi_report")

    deadline = time.monotonic() + 120
    report = None
    while time.monotonic() < deadline:
        report = KpiReport.objects.filter(emailed_at__isnull=False).first()
        if report is not None or process.poll() is not None:
            break
        time.sleep(0.5)
    if report is None:
        process.terminate()
        pytest.fail(
            f"The worker made no report in time. Worker output:\n{process.communicate(timeout=20)[0][-4000:]}"
        )

    assert (report.kind, report.period_start) == ("monthly", last_month.replace(day=1))
    (message_file,) = mail_dir.iterdir()
    message = email.message_from_bytes(message_file.read_bytes())
    assert sorted(a.strip() for a in message["To"].split(",")) == ["director@iaar.test", "qms@iaar.test"]
    (attachment,) = [part for part in message.walk() if part.get_content_type() == "application/pdf"]
    content = attachment.get_payload(decode=True)
    assert hashlib.sha256(content).hexdigest() == report.sha256  # the stored report is what was sent
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Nonconformities repeated after corrective actions" in text
    assert "1 / 2" in text and "50.0 %" in text and "≤ 20.0 %" in text and "not met" in text

    # Beat firing again (or a late retry) sends nothing more. The worker takes one task at a
    # time, in order: once the yearly report sent after it is made, the repeat has run.
    app.send_task("improvement.tasks.make_monthly_kpi_report")
    app.send_task("improvement.tasks.make_yearly_kpi_report", args=[f"{last_month.year - 1}-01-01"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not KpiReport.objects.filter(
        kind="yearly", emailed_at__isnull=False
    ):
        if process.poll() is not None:
            break
        time.sleep(0.5)
    assert KpiReport.objects.filter(kind="yearly").count() == 1, process.communicate(timeout=20)[0][-4000:]
    assert KpiReport.objects.filter(kind="monthly").count() == 1
    assert len(list(mail_dir.iterdir())) == 2  # the monthly once, the yearly once
