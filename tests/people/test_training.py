"""The training plan (§5.2.2): attendance, certificates with their expiry and the re-training
reminder (once per certificate, by a real worker too), and the effectiveness checked by the
person's head after the set period — never by the trainee; an ineffective one raises a need."""

import datetime
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.dashboard import dashboard_for
from core.models import Notification
from iaar_qms.celery import app
from people import tasks
from people.models import Certificate, EffectivenessCheck, TrainingNeed
from people.services import training as services
from tests.core.test_worker import worker, worker_queue  # noqa: F401 - the real worker's fixtures

TODAY = timezone.localdate()


def _pdf(name="certificate.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 certificate\n%%EOF", "application/pdf")


def _trained(agency, *, ended_days_ago=100, check_after=90):
    plan = services.plan_create(
        actor=agency.qms, year=TODAY.year - (1 if TODAY.timetuple().tm_yday <= ended_days_ago + 5 else 0)
    )
    ends = TODAY - datetime.timedelta(days=ended_days_ago)
    starts = max(ends - datetime.timedelta(days=2), datetime.date(plan.year, 1, 1))
    ends = max(ends, starts)
    training = services.training_add(
        actor=agency.qms,
        plan=plan,
        title="Risk-based internal audit",
        kind="course",
        audience="staff",
        starts_on=starts,
        ends_on=ends,
        trainer="Dr. Karimova",
        check_after_days=check_after,
    )
    attendance = services.attendance_record(actor=agency.qms, training=training, person=agency.trainee)
    return training, attendance


def test_a_training_marked_effective_by_the_trainee_is_refused_and_nothing_is_saved(agency, client):
    _training, attendance = _trained(agency)
    with pytest.raises(PermissionDenied, match="does not mark their own"):
        services.effectiveness_check(
            actor=agency.trainee, attendance=attendance, effective=True, evidence="I liked it"
        )
    # Nor through the page: the trainee cannot open the check.
    client.force_login(agency.trainee)
    response = client.post(
        reverse("people:effectiveness_check", args=[attendance.pk]), {"effective": "yes", "evidence": "Fine"}
    )
    assert response.status_code == 404
    assert not EffectivenessCheck.objects.exists()


def test_the_head_checks_after_the_period_with_evidence(agency, client):
    _training, attendance = _trained(agency)
    assert any(
        t.url.endswith(f"/attendance/{attendance.pk}/check/") for t in dashboard_for(agency.head).overdue
    )
    client.force_login(agency.head)
    url = reverse("people:effectiveness_check", args=[attendance.pk])
    response = client.post(url, {"effective": "yes", "evidence": ""})
    assert "evidence" in response.content.decode() and not EffectivenessCheck.objects.exists()
    response = client.post(
        url, {"effective": "yes", "evidence": "Led the audit of the records process alone."}
    )
    assert response.status_code == 302
    check = EffectivenessCheck.objects.get()
    assert check.effective and check.checked_by == agency.head
    assert not TrainingNeed.objects.exists()
    assert not dashboard_for(agency.head).total or all(
        "check" not in t.url for t in dashboard_for(agency.head).overdue
    )


def test_the_check_is_not_made_before_the_set_period(agency):
    _training, attendance = _trained(agency, ended_days_ago=10, check_after=90)
    with pytest.raises(ValidationError, match="after the set period"):
        services.effectiveness_check(
            actor=agency.head, attendance=attendance, effective=True, evidence="Early"
        )
    assert not EffectivenessCheck.objects.exists()


def test_only_the_head_checks_not_another_manager(agency):
    _training, attendance = _trained(agency)
    with pytest.raises(PermissionDenied, match="Only the head"):
        services.effectiveness_check(actor=agency.qms, attendance=attendance, effective=True, evidence="Seen")


def test_an_ineffective_training_raises_a_new_need(agency):
    _training, attendance = _trained(agency)
    check = services.effectiveness_check(
        actor=agency.head,
        attendance=attendance,
        effective=False,
        evidence="Two audit findings were misclassified.",
    )
    need = TrainingNeed.objects.get()
    assert need.person == agency.trainee and need.raised_by_check == check and need.status == "open"
    assert Notification.objects.filter(recipient=agency.qms).exists()
    with pytest.raises(ValidationError, match="checked already"):
        services.effectiveness_check(
            actor=agency.head, attendance=attendance, effective=True, evidence="Again"
        )


def test_a_certificate_expiring_before_it_was_issued_is_refused(agency, client):
    _training, attendance = _trained(agency)
    issued = TODAY - datetime.timedelta(days=50)
    with pytest.raises(ValidationError, match="cannot expire"):
        services.certificate_add(
            actor=agency.qms,
            attendance=attendance,
            upload=_pdf(),
            issued_on=issued,
            expires_on=issued - datetime.timedelta(days=1),
        )
    client.force_login(agency.qms)
    response = client.post(
        reverse("people:certificate_add", args=[attendance.pk]),
        {
            "issued_on": issued.isoformat(),
            "expires_on": (issued - datetime.timedelta(days=3)).isoformat(),
            "upload": _pdf(),
        },
    )
    assert response.status_code == 200 and "cannot expire" in response.content.decode()
    assert not Certificate.objects.exists()


def _certificate(agency, *, expires_in: int):
    _training, attendance = _trained(agency)
    return services.certificate_add(
        actor=agency.qms,
        attendance=attendance,
        upload=_pdf(),
        issued_on=TODAY - datetime.timedelta(days=90),
        expires_on=TODAY + datetime.timedelta(days=expires_in),
        number="IAAR-T-001",
    )


def test_the_holder_is_reminded_of_retraining_once_per_certificate(agency):
    certificate = _certificate(agency, expires_in=30)
    assert tasks.remind_retraining() == 1
    assert tasks.remind_retraining() == 0  # a second run sends nothing more
    (note,) = Notification.objects.filter(recipient=agency.trainee)
    assert "Re-training due" in note.subject_text
    assert Certificate.objects.get(pk=certificate.pk).reminded_at is not None


def test_a_certificate_far_from_expiry_is_not_reminded(agency):
    _certificate(agency, expires_in=400)
    assert tasks.remind_retraining() == 0


def test_the_beat_schedule_runs_the_retraining_reminder_daily():
    from django.conf import settings

    assert settings.CELERY_BEAT_SCHEDULE["people-remind-retraining"]["task"] == tasks.remind_retraining.name


def test_the_certificate_file_is_read_by_its_holder_not_by_a_colleague(agency, client, make_person):
    certificate = _certificate(agency, expires_in=300)
    url = reverse("people:certificate_file", args=[certificate.pk])
    client.force_login(agency.trainee)
    assert client.get(url).status_code == 200
    client.force_login(make_person("staff"))
    assert client.get(url).status_code == 404


@pytest.mark.celery_worker
def test_a_real_worker_reminds_the_holder_by_e_mail(worker, agency):  # noqa: F811
    mail_dir, process = worker
    agency.trainee.email = "asel@example.org"
    agency.trainee.save()
    certificate = _certificate(agency, expires_in=20)
    app.send_task("people.tasks.remind_retraining")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not (mail_dir.exists() and len(list(mail_dir.iterdir())) >= 2):
        if process.poll() is not None:
            break
        time.sleep(0.5)
    if Certificate.objects.get(pk=certificate.pk).reminded_at is None:
        process.terminate()
        pytest.fail(f"The worker did not run the job:\n{process.communicate(timeout=20)[0][-4000:]}")
    app.send_task("people.tasks.remind_retraining")  # again: nothing more is sent
    time.sleep(5)
    texts = [m.read_text() for m in mail_dir.iterdir()]
    assert sum("To: asel@example.org" in t for t in texts) == 1
    assert Notification.objects.filter(recipient=agency.trainee).count() == 1
