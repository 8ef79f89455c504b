"""The scheduled KPI report: the PDF shows the hand-counted indicators, is stored once per
period with its SHA-256, and is e-mailed once to the Director General and the IQAS owner —
also when a run is repeated or the mail server failed in between."""

import datetime
import hashlib
import io
import smtplib
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.roles import Role
from improvement.models import IncomingInspection, KpiReport, Nonconformity, PurchaseContract, Supplier
from reporting.selectors.kpis import INDICATORS
from reporting.services import kpi_reports
from reporting.tasks import make_monthly_kpi_report
from tests.factories import NonconformityFactory, kpi_target_in_force

MARCH = datetime.date(2026, 3, 1)
AFTER = datetime.date(2026, 4, 1)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def pdf_text(content: bytes) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.fixture
def people(make_person):
    return {
        "director": make_person(Role.DIRECTOR, username="kr_dg", email="dg@iaar.test"),
        "qms": make_person(Role.QMS_OWNER, Role.STAFF, username="kr_qms", email="qms@iaar.test"),
        "staff": make_person(Role.STAFF, username="kr_staff", email="staff@iaar.test"),
    }


@pytest.fixture
def march(people):
    """Hand-counted for March 2026: KPI 4 — 4 nonconformities raised, 1 repeats one closed
    before (25.0 %, target 10 → not met); KPI 5 — 5 deliveries, 1 nonconforming (20.0 %,
    target 30 → met); one more nonconformity in April that March must not count."""
    qms = people["qms"]
    first = NonconformityFactory()
    ncs = [first, NonconformityFactory(repeated_of=first), NonconformityFactory(), NonconformityFactory()]
    Nonconformity.objects.filter(pk__in=[nc.pk for nc in ncs]).update(
        raised_at=_at(datetime.date(2026, 3, 12))
    )
    april = NonconformityFactory(repeated_of=first)
    Nonconformity.objects.filter(pk=april.pk).update(raised_at=_at(datetime.date(2026, 4, 2)))
    supplier = Supplier.objects.create(name="Print house", supplies="Printing", created_by=qms)
    contract = PurchaseContract.objects.create(
        number="C-KR",
        supplier=supplier,
        subject="Blanks",
        signed_on=datetime.date(2026, 1, 1),
        created_by=qms,
    )
    for n, result in enumerate(["nonconforming", "conforming", "conforming", "conforming", "conforming"]):
        IncomingInspection.objects.create(
            contract=contract,
            received_on=datetime.date(2026, 3, 3 + n),
            item="Forms",
            result=result,
            inspected_by=qms,
        )
    kpi_target_in_force(qms=qms, code="kpi4", year=2026, target_percent=10)
    kpi_target_in_force(qms=qms, code="kpi5", year=2026, target_percent=30)
    return people


def test_the_monthly_pdf_shows_every_indicator_with_its_hand_counted_value(march):
    report = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)

    content = report.file.read()
    assert hashlib.sha256(content).hexdigest() == report.sha256
    text = pdf_text(content)
    assert "KPI report for March 2026" in text
    for indicator in INDICATORS:
        assert str(indicator.title) in text
    assert "1 / 4" in text and "25.0 %" in text  # KPI 4 of March only, April left out
    assert "1 / 5" in text and "20.0 %" in text  # KPI 5
    assert "≤ 10.0 %" in text and "≤ 30.0 %" in text
    assert "not met" in text
    assert "1 met, 1 not met" in text
    assert "Satisfaction indices" in text
    assert report.file.name.startswith("kpi-reports/")


def test_the_report_is_emailed_to_the_director_and_the_qms_owner_with_the_pdf(march):
    report = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)

    (message,) = mail.outbox
    assert sorted(message.to) == ["dg@iaar.test", "qms@iaar.test"]
    assert "KPI report for March 2026" in message.subject
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "application/pdf" and name.endswith(".pdf")
    assert hashlib.sha256(content).hexdigest() == report.sha256
    assert report.emailed_at is not None and "dg@iaar.test" in report.recipients


def test_running_twice_for_the_same_period_stores_one_report_and_sends_one_email(march):
    first = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    second = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    make_monthly_kpi_report.apply(args=["2026-03-01"]).get()

    assert first.pk == second.pk
    assert KpiReport.objects.filter(kind="monthly", period_start=MARCH).count() == 1
    assert len(mail.outbox) == 1
    assert second.sha256 == first.sha256


def test_a_failed_send_is_retried_by_the_task_and_sends_exactly_once(march):
    calls = []
    real_send = mail.EmailMessage.send

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise smtplib.SMTPServerDisconnected("mail server went away")
        return real_send(self, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", flaky):
        # As a worker runs it: the failure is not raised to the caller, the task retries itself.
        result = make_monthly_kpi_report.apply(args=["2026-03-01"], throw=False)
    assert result.successful()
    assert len(calls) == 2  # the first failed, the retry sent
    assert len(mail.outbox) == 1
    report = KpiReport.objects.get(kind="monthly", period_start=MARCH)
    assert report.emailed_at is not None
    # Yet another run (a retry that comes late) sends nothing more.
    make_monthly_kpi_report.apply(args=["2026-03-01"])
    assert len(mail.outbox) == 1
    assert KpiReport.objects.count() == 1


def test_a_failure_after_the_report_is_stored_keeps_it_and_the_next_run_only_sends(march):
    with (
        mock.patch.object(mail.EmailMessage, "send", side_effect=smtplib.SMTPException("down")),
        pytest.raises(smtplib.SMTPException),
    ):
        kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    report = KpiReport.objects.get()
    assert report.sha256 and report.emailed_at is None and mail.outbox == []
    with mock.patch.object(kpi_reports, "report_pdf", side_effect=AssertionError("made twice")):
        again = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    assert again.pk == report.pk and again.emailed_at is not None
    assert len(mail.outbox) == 1


def test_the_scheduled_task_makes_last_months_report(march):
    with mock.patch("django.utils.timezone.localdate", return_value=AFTER):
        pk = make_monthly_kpi_report.apply().get()
    report = KpiReport.objects.get(pk=pk)
    assert (report.kind, report.period_start, report.period_end) == (
        "monthly",
        MARCH,
        datetime.date(2026, 3, 31),
    )


def test_the_yearly_report_covers_the_whole_year(march):
    report = kpi_reports.kpi_report_make(
        "yearly", datetime.date(2026, 1, 1), today=datetime.date(2027, 1, 15)
    )
    text = pdf_text(report.file.read())
    assert "KPI report for 2026" in text
    assert "2 / 5" in text  # KPI 4 over the year: March's repeat and April's
    assert report.period_end == datetime.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("kind", "start", "message"),
    [
        ("monthly", datetime.date(2026, 4, 1), "has ended"),  # April still running on 1 April
        ("weekly", MARCH, "monthly or yearly"),
        ("yearly", datetime.date(2026, 1, 1), "has ended"),
        ("monthly", datetime.date(1999, 1, 1), "from 2000"),
    ],
)
def test_a_period_not_ended_or_unknown_is_refused_and_nothing_is_stored(march, kind, start, message):
    with pytest.raises(ValidationError, match=message):
        kpi_reports.kpi_report_make(kind, start, today=AFTER)
    assert not KpiReport.objects.exists() and mail.outbox == []


def test_only_the_qms_owner_makes_one_out_of_schedule(march):
    with pytest.raises(PermissionDenied):
        kpi_reports.kpi_report_make("monthly", MARCH, actor=march["director"], today=AFTER)
    assert not KpiReport.objects.exists()


def test_the_pages_list_download_and_make_reports(march, client):
    client.force_login(march["qms"])
    response = client.post(
        reverse("reporting:kpi_report_make"), {"kind": "monthly", "year": 2026, "month": 3}
    )
    assert response.status_code == 302
    report = KpiReport.objects.get()
    assert report.created_by == march["qms"] and len(mail.outbox) == 1
    # The same month again: nothing new is made or sent.
    client.post(reverse("reporting:kpi_report_make"), {"kind": "monthly", "year": 2026, "month": 3})
    assert KpiReport.objects.count() == 1 and len(mail.outbox) == 1

    client.force_login(march["director"])
    page = client.get(reverse("reporting:kpi_report_list"))
    assert page.status_code == 200
    assert reverse("reporting:kpi_report_download", args=[report.pk]) in page.content.decode()
    assert "Make a report now" not in page.content.decode()  # the director reads, does not make
    download = client.get(reverse("reporting:kpi_report_download", args=[report.pk]))
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == report.sha256


def test_a_tampered_report_is_not_served(march, client):
    report = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    with Path(report.file.path).open("ab") as handle:
        handle.write(b"tampered")
    client.force_login(march["qms"])
    response = client.get(reverse("reporting:kpi_report_download", args=[report.pk]), follow=True)
    assert response.redirect_chain and "no longer matches" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "monthly", "year": 2026},  # no month
        {"kind": "monthly", "year": 2026, "month": 13},
        {"kind": "daily", "year": 2026, "month": 3},
        {"kind": "yearly", "year": "twenty"},
        "this month",  # still running
    ],
)
def test_bad_input_on_the_make_button_is_refused_with_a_message(march, client, data):
    if data == "this month":
        today = timezone.localdate()
        data = {"kind": "monthly", "year": today.year, "month": today.month}
    client.force_login(march["qms"])
    response = client.post(reverse("reporting:kpi_report_make"), data, follow=True)
    assert response.status_code == 200
    assert "alert-danger" in response.content.decode()
    assert not KpiReport.objects.exists() and mail.outbox == []


def test_the_schedule_is_declared_for_beat():
    from django.conf import settings

    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"improvement.tasks.make_monthly_kpi_report", "improvement.tasks.make_yearly_kpi_report"} <= tasks


def test_the_claim_is_stored_before_the_send_so_a_redelivered_task_does_not_send_again(march):
    seen = []
    real_send = mail.EmailMessage.send

    def watching(self, *args, **kwargs):
        # A worker killed right here: a redelivered task finds the report already claimed.
        seen.append(KpiReport.objects.get().emailed_at)
        return real_send(self, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", watching):
        kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    assert seen and seen[0] is not None
    assert kpi_reports.kpi_report_send(KpiReport.objects.get()) is False
    assert len(mail.outbox) == 1


def test_a_pdf_left_by_a_killed_run_is_replaced_not_kept_beside_the_new_one(march):
    """A worker killed after storing the PDF and before its commit leaves a file and no row;
    the redelivered task stores one PDF under the same name (drilled with a real worker in
    tests/core/test_drills.py)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = KpiReport._meta.get_field("file").generate_filename(None, "kpi-monthly-2026-03.pdf")
    for earlier in Path(default_storage.path(name)).parent.glob("kpi-monthly-2026-03*"):
        earlier.unlink()  # other tests' reports of March, in this run's media folder
    left = default_storage.save(name, ContentFile(b"%PDF-1.7 half"))
    assert left == name
    report = kpi_reports.kpi_report_make("monthly", MARCH, today=AFTER)
    assert report.file.name == left
    folder = Path(default_storage.path(left)).parent
    assert [p.name for p in folder.glob("kpi-monthly-2026-03*")] == ["kpi-monthly-2026-03.pdf"]
    assert hashlib.sha256(Path(default_storage.path(left)).read_bytes()).hexdigest() == report.sha256
    report.file.delete(save=False)
