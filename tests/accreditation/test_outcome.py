"""After the council: certificates (KPI 3), publication, refusal letters, appeals, monitoring,
reminders and re-accreditation."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from pypdf import PdfReader

from accreditation import services as council
from accreditation import services as outcome
from accreditation.models import (
    AccreditationProject,
    Appeal,
    Certificate,
    ExpiryReminder,
    MonitoringTask,
    Publication,
)
from accreditation.services.certificates import _new_certificate
from core.models import Notification
from core.services import sequence_next
from demo.walkthrough import drive, pdf_upload

S = AccreditationProject.Status


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def decided(cast):
    return drive(cast.project, cast, S.DECIDED)


def test_the_director_signs_with_the_password_and_a_wrong_one_changes_nothing(cast, decided):
    certificate = decided.certificates.get()
    with pytest.raises(ValidationError, match="password"):
        outcome.certificate_sign(certificate=certificate, actor=cast.director, password="wrong")
    certificate.refresh_from_db()
    assert certificate.status == "draft" and not certificate.signed_at
    with pytest.raises(PermissionDenied):
        outcome.certificate_sign(certificate=certificate, actor=cast.secretary, password=cast.password)
    outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
    certificate.refresh_from_db()
    assert certificate.status == "valid" and "Director General" in certificate.signer_name
    with pytest.raises(ValidationError, match="signed or withdrawn"):
        outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)


def test_the_certificate_pdf_names_the_holder_and_the_public_check_address(cast, decided, client):
    certificate = decided.certificates.get()
    outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
    client.force_login(cast.rep)
    response = client.get(reverse("accreditation:certificate_pdf", args=[certificate.pk]))
    text = _text(response.content)
    assert certificate.number in text and "Eurasian Tech University" in text
    assert certificate.verify_path() in text.replace("\n", "")


def test_publication_waits_for_every_signature_then_starts_monitoring(cast, decided):
    with pytest.raises(ValidationError, match="not signed"):
        outcome.publish(project=decided, actor=cast.secretary)
    outcome.certificate_sign(
        certificate=decided.certificates.get(), actor=cast.director, password=cast.password
    )
    publication = outcome.publish(project=decided, actor=cast.secretary)
    decided.refresh_from_db()
    assert decided.status == S.POST_MONITORING
    assert "Decision of the Accreditation Council" in _text(publication.decision_pdf.read())
    assert "Report of the External Expert Commission" in _text(publication.report_pdf.read())
    assert Notification.objects.filter(recipient=cast.rep, subject__contains="is published").exists()


def test_a_refusal_is_published_with_a_letter_and_no_certificate(cast):
    cast.votes = ["refuse"] * 5
    project = drive(cast.project, cast, S.DECIDED)
    assert not project.certificates.exists()
    publication = outcome.publish(project=project, actor=cast.secretary)
    project.refresh_from_db()
    assert project.status == S.PUBLISHED
    assert "Notice of refusal of accreditation" in _text(publication.decision_pdf.read())


def test_a_number_collision_issues_nothing(cast, decided):
    taken = decided.certificates.get().number
    count = Certificate.objects.count()
    with pytest.raises(ValidationError, match="taken"):
        _new_certificate(
            number=taken,
            project=decided,
            decision=decided.decisions.get(),
            organization=decided.organization,
            kind=decided.kind,
            valid_from=datetime.date.today(),
            valid_until=datetime.date.today() + datetime.timedelta(days=365),
        )
    assert Certificate.objects.count() == count
    assert outcome.certificate_number("specialized", 2026) != outcome.certificate_number("specialized", 2026)


def test_a_reissue_for_an_error_replaces_the_certificate_and_counts_for_kpi_3(cast, decided):
    old = decided.certificates.get()
    outcome.certificate_sign(certificate=old, actor=cast.director, password=cast.password)
    new = outcome.certificate_reissue(
        certificate=old, actor=cast.secretary, reason="error", note="Typo in the name"
    )
    with pytest.raises(ValidationError, match="waiting already"):
        outcome.certificate_reissue(certificate=old, actor=cast.secretary, reason="error")
    old.refresh_from_db()
    assert old.status == "valid" and new.number != old.number
    outcome.certificate_sign(certificate=new, actor=cast.director, password=cast.password)
    old.refresh_from_db()
    assert old.status == "replaced"
    from registry.selectors import standing

    assert standing(old)["reissue"] == new and standing(new) is None
    assert Certificate.objects.filter(reissue_reason="error").count() == 1  # KPI 3


def test_suspension_shows_at_once_on_the_public_check(cast, client):
    project = drive(cast.project, cast, S.POST_MONITORING)
    certificate = project.certificates.get()
    url = reverse("accreditation:certificate_verify", args=[certificate.token])
    assert "genuine and in force" in client.get(url, follow=True).content.decode()
    meeting = council.meeting_create(
        actor=cast.secretary, number="AC-S", date=datetime.date.today(), members=cast.council
    )
    item = council.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
    council.attendance_record(meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council])
    council.meeting_open(meeting=meeting, actor=cast.secretary)
    with pytest.raises(ValidationError):
        council.vote_cast(item=item, actor=cast.council[0], choice="accredit_5")  # not offered on monitoring
    for member in cast.council[:3]:
        council.vote_cast(item=item, actor=member, choice="suspend")
    council.item_close(item=item, actor=cast.secretary)
    html = client.get(url, follow=True).content.decode()
    assert "not in force" in html and "Suspended" in html
    # Since when and why: the council's decision, its date and meeting.
    assert "the Accreditation Council decided “Suspend the accreditation” at its meeting AC-S." in html
    from django.utils import formats

    assert f"Since {formats.date_format(datetime.date.today(), 'DATE_FORMAT')}:" in html
    unknown = reverse("accreditation:certificate_verify", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(unknown).status_code == 404


def test_an_upheld_appeal_sets_the_decision_aside_and_returns_to_the_council(cast, decided, make_person):
    from core.roles import Role

    commission = make_person(Role.APPEALS_COMMISSION, username="appeals")
    appeal = outcome.appeal_file(
        actor=cast.rep, project=decided, subject="Term", text="We meet every criterion."
    )
    assert appeal.due_on == datetime.date.today() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError, match="being heard"):
        outcome.appeal_file(actor=cast.rep, project=decided, subject="Again", text="Again")
    with pytest.raises(PermissionDenied):
        outcome.appeal_decide(appeal=appeal, actor=cast.rep, result="upheld", reasons="x")
    outcome.appeal_take(appeal=appeal, actor=commission)
    with pytest.raises(ValidationError, match="reasons"):
        outcome.appeal_decide(appeal=appeal, actor=commission, result="upheld", reasons="", meeting="AC № 1")
    # No one member decides an appeal alone: the commission's meeting does.
    with pytest.raises(ValidationError, match="decided by the appeals commission at its meeting"):
        outcome.appeal_decide(appeal=appeal, actor=commission, result="upheld", reasons="Alone.")
    appeal.refresh_from_db()
    assert appeal.status == "under_review" and not appeal.result
    outcome.appeal_decide(
        appeal=appeal, actor=commission, result="upheld", reasons="Criterion 3.2 misread.", meeting="AC № 1"
    )
    decided.refresh_from_db()
    assert decided.status == S.COUNCIL
    decision = decided.decisions.get()
    assert decision.set_aside and decided.certificates.get().status == "cancelled"


def test_anyone_may_complain_without_an_account(client, roles):
    url = reverse("accreditation:complaint_file")
    response = client.post(
        url, {"name": "A. Parent", "email": "not-an-email", "subject": "Late", "text": "Slow."}
    )
    assert response.status_code == 200 and not Appeal.objects.exists()
    client.post(url, {"name": "A. Parent", "email": "p@example.org", "subject": "Late", "text": "Slow."})
    appeal = Appeal.objects.get()
    assert appeal.kind == "complaint" and appeal.filed_by is None
    client.post(
        url, {"name": "Bot", "email": "b@example.org", "subject": "x", "text": "x", "website": "spam"}
    )
    assert Appeal.objects.count() == 1


def test_monitoring_reports_and_reminders(cast, client):
    project = drive(cast.project, cast, S.POST_MONITORING)
    first = MonitoringTask.objects.filter(project=project, kind="annual_report").first()
    tasks = MonitoringTask.objects.filter(project=project)
    assert tasks.exists()
    for task in tasks:  # each scheduled task has its history
        assert task.history.filter(history_type="+").count() == 1
    today = first.due_on - datetime.timedelta(days=20)
    sent = outcome.reminders_send(today)
    assert sent["monitoring"] == 1
    assert outcome.reminders_send(today)["monitoring"] == 0  # each reminder once
    with pytest.raises(PermissionDenied):
        outcome.monitoring_submit(task=first, actor=cast.coordinator, upload=pdf_upload("m.pdf", "Report"))
    outcome.monitoring_submit(task=first, actor=cast.rep, upload=pdf_upload("m.pdf", "Monitoring report"))
    with pytest.raises(ValidationError, match="correct"):
        outcome.monitoring_review(task=first, actor=cast.coordinator, accepted=False)
    outcome.monitoring_review(task=first, actor=cast.coordinator, accepted=True)
    first.refresh_from_db()
    assert first.status == "accepted"


def test_expiry_reminders_go_out_at_12_6_and_3_months_once_each(cast):
    project = drive(cast.project, cast, S.POST_MONITORING)
    certificate = project.certificates.get()
    for months, days_before in ((12, 360), (6, 180), (3, 85)):
        today = certificate.valid_until - datetime.timedelta(days=days_before)
        outcome.reminders_send(today)
        outcome.reminders_send(today)
        assert ExpiryReminder.objects.filter(certificate=certificate, months=months).count() == 1
    assert ExpiryReminder.objects.count() == 3


def test_re_accreditation_opens_a_linked_project_and_closes_the_old_one(cast):
    project = drive(cast.project, cast, S.POST_MONITORING)
    new = outcome.reaccreditation_start(project=project, actor=cast.rep)
    project.refresh_from_db()
    assert project.status == S.CLOSED and new.previous_project == project
    assert list(new.programmes.all()) == [cast.programme] and new.status == S.APPLICATION
    assert Publication.objects.filter(project=project).exists()


def test_beat_runs_the_reminders_every_morning(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["accreditation-reminders"]
    assert entry["task"] == "accreditation.tasks.send_accreditation_reminders"
    from accreditation.tasks import send_accreditation_reminders

    assert send_accreditation_reminders.name == entry["task"]


def test_sequences_never_reuse_a_number(db):
    assert sequence_next("certificate-SA-2030") + 1 == sequence_next("certificate-SA-2030")


def test_a_signed_certificate_never_changes(cast, decided):
    certificate = decided.certificates.get()
    outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
    certificate.refresh_from_db()
    certificate.valid_until = certificate.valid_until + datetime.timedelta(days=365)
    with pytest.raises(ValueError, match="never changed"):
        certificate.save()
    certificate.refresh_from_db()
    certificate.status = "suspended"  # its standing may change; what it says may not
    certificate.save()


def test_each_certificate_move_leaves_one_history_row_and_one_event_with_its_reason(cast, decided):
    from core.models import WorkflowEvent

    old = decided.certificates.get()
    before = old.history.count()
    outcome.certificate_sign(certificate=old, actor=cast.director, password=cast.password)
    assert old.history.count() == before + 1
    signed = old.history.first()
    assert signed.status == "valid" and signed.history_user == cast.director
    new = outcome.certificate_reissue(certificate=old, actor=cast.secretary, reason="error")
    outcome.certificate_sign(certificate=new, actor=cast.director, password=cast.password)
    replaced = old.history.first()
    assert replaced.status == "replaced" and replaced.history_change_reason == f"Replaced by {new.number}"
    assert old.history.count() == before + 2
    events = WorkflowEvent.objects.filter(object_id=old.pk, content_type__model="certificate")
    assert [(e.from_state, e.to_state) for e in events.order_by("at", "pk")] == [
        ("draft", "valid"),
        ("valid", "replaced"),
    ]
    # The table refuses what it does not list: a replaced certificate is never signed again.
    with pytest.raises(ValidationError):
        from accreditation.workflow import CERTIFICATE_WORKFLOW
        from core.workflow import transition_perform

        transition_perform(obj=old, workflow=CERTIFICATE_WORKFLOW, target="valid", actor=cast.director)


def test_the_appeal_page_sends_an_appeal_to_the_commissions_meeting_but_a_member_answers_a_complaint(
    client, cast, decided, make_person
):
    from core.roles import Role

    commission = make_person(Role.APPEALS_COMMISSION, username="appeals_page")
    appeal = outcome.appeal_file(
        actor=cast.rep, project=decided, subject="Term", text="We meet every criterion."
    )
    outcome.appeal_take(appeal=appeal, actor=commission)
    complaint = outcome.complaint_file(
        name="A visitor", email="v@example.org", subject="Late", text="No answer."
    )
    outcome.appeal_take(appeal=complaint, actor=commission)
    client.force_login(commission)
    page = client.get(appeal.get_absolute_url()).content.decode()
    assert "data-decided-by-body" in page and "Record the outcome" not in page
    # Posting the outcome anyway is refused with the reason, and nothing changes.
    response = client.post(appeal.get_absolute_url(), {"result": "upheld", "reasons": "Alone."})
    assert (
        response.status_code == 200
        and "decided by the appeals commission at its meeting" in response.content.decode()
    )
    appeal.refresh_from_db()
    assert appeal.status == "under_review"
    assert "Record the outcome" in client.get(complaint.get_absolute_url()).content.decode()
    client.post(complaint.get_absolute_url(), {"result": "rejected", "reasons": "Answered on 4 December."})
    complaint.refresh_from_db()
    assert complaint.status == "decided" and complaint.decided_by == commission
