"""The life of a document through the services: route, entry into force, familiarization,
distribution, periodic review, withdrawal and records."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from core.models import Notification, Process
from core.roles import Role
from core.selectors import events_for
from documents import services, tasks
from documents.models import Document, DocumentVersion, ReviewStep, Signature
from documents.selectors import documents_visible_to, familiarization_of
from tests.factories import PASSWORD

S = DocumentVersion.Status


def _agree(step, person):
    services.step_decide(step=step, actor=person, decision="agreed", password=PASSWORD)


def test_codes_follow_the_type_prefix_and_sequence(people, upload):
    codes = [
        services.document_create(
            actor=people["owner"],
            owner=people["owner"],
            title=f"Policy {i}",
            doc_type=Document.Type.POLICY,
            upload=upload(),
            change_summary="x",
        ).code
        for i in range(2)
    ]
    standard = services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Standard",
        doc_type=Document.Type.STANDARD,
        upload=upload(),
        change_summary="x",
    )
    assert codes == ["POL-001", "POL-002"]
    assert standard.code == "STD-001"


def test_parallel_review_notifies_everyone_and_any_return_sends_it_back(
    people, draft, django_capture_on_commit_callbacks
):
    version = draft.versions.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.version_submit(
            version=version, actor=people["owner"], reviewers=[people["reviewer"], people["reviewer2"]]
        )
    assert {m.to[0] for m in mail.outbox} == {people["reviewer"].email, people["reviewer2"].email}
    first, second = version.steps.order_by("position")
    _agree(first, people["reviewer"])
    services.step_decide(
        step=second, actor=people["reviewer2"], decision="returned", comment="Clause 2 is unclear"
    )
    version.refresh_from_db()
    assert version.status == S.DRAFT
    second.refresh_from_db()
    assert second.comment == "Clause 2 is unclear"
    assert Notification.objects.filter(
        recipient=people["owner"], subject__contains="returned with comments"
    ).exists()
    # A second round starts clean; the first round's comments stay on record.
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer2"]])
    assert version.steps.filter(round=2).count() == 1
    assert version.steps.get(round=1, reviewer=people["reviewer2"]).comment == "Clause 2 is unclear"


def test_sequential_review_waits_for_each_turn(people, draft):
    version = draft.versions.get()
    services.version_submit(
        version=version,
        actor=people["owner"],
        mode="sequential",
        reviewers=[people["reviewer"], people["reviewer2"]],
    )
    first, second = version.steps.order_by("position")
    with pytest.raises(ValidationError, match="It is not your turn yet"):
        _agree(second, people["reviewer2"])
    _agree(first, people["reviewer"])
    _agree(second, people["reviewer2"])
    version.refresh_from_db()
    assert version.status == S.AWAITING_APPROVAL


def test_the_author_cannot_review_their_own_draft(people, draft):
    with pytest.raises(ValidationError, match="cannot review their own draft"):
        services.version_submit(
            version=draft.versions.get(), actor=people["owner"], reviewers=[people["owner"]]
        )


def test_standards_need_peer_review_and_validation_before_approval(people, upload):
    standard = services.document_create(
        actor=people["qms"],
        owner=people["qms"],
        title="Standards",
        doc_type=Document.Type.STANDARD,
        upload=upload(),
        change_summary="x",
    )
    version = standard.versions.get()
    with pytest.raises(ValidationError, match="at least one peer reviewer"):
        services.version_submit(version=version, actor=people["qms"], reviewers=[people["reviewer"]])
    services.version_submit(
        version=version,
        actor=people["qms"],
        reviewers=[people["reviewer"]],
        peer_reviewers=[people["reviewer2"]],
    )
    for step in version.steps.all():
        _agree(step, step.reviewer)
    version.refresh_from_db()
    assert version.status == S.IN_REVIEW  # waiting for the collegial body
    # The body's decision is recorded by governance's meeting service (tests/governance/test_bodies.py).
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.version_validation_from_body(
            version=version,
            actor=people["qms"],
            body="Expert council",
            meeting_date=timezone.localdate() + timedelta(days=1),
        )
    services.version_validation_from_body(
        version=version,
        actor=people["qms"],
        body="Expert council",
        meeting_date=timezone.localdate(),
        comment="Minutes 7",
    )
    version.refresh_from_db()
    assert version.status == S.AWAITING_APPROVAL
    meanings = set(Signature.objects.filter(version=version).values_list("meaning", flat=True))
    assert meanings == {"agreed", "verified"}  # the body signs its minutes, not the document
    assert version.steps.get(kind=ReviewStep.Kind.VALIDATION).body == "Expert council"


def test_the_signature_records_who_what_and_the_files_hash(people, effective):
    version = effective.effective_version
    approval = Signature.objects.get(version=version, meaning="approved")
    assert approval.signer == people["director"]
    assert approval.signer_role == "Director General"
    assert approval.file_sha256 == version.sha256
    with pytest.raises(ValueError, match="immutable"):
        approval.save()


def test_effective_today_sets_the_next_review_and_asks_staff_to_read(people, effective):
    version = effective.effective_version
    assert effective.status == Document.Status.EFFECTIVE
    assert version.status == S.EFFECTIVE
    assert effective.next_review_date.year == timezone.localdate().year + 1
    readers = set(version.acknowledgements.values_list("person__username", flat=True))
    assert {"owner", "qms", "rev1", "rev2", "clerk"} <= readers
    events = [e.label for e in events_for(version)]
    assert events[-2:] == ["Approved by the Director General", "Became effective"]


def test_a_future_date_waits_for_the_daily_job_which_is_idempotent(people, draft):
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    _agree(version.steps.get(), people["reviewer"])
    later = timezone.localdate() + timedelta(days=10)
    services.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=later
    )
    version.refresh_from_db()
    assert version.status == S.APPROVED
    assert services.versions_activate_due(today=timezone.localdate()) == 0
    assert services.versions_activate_due(today=later) == 1
    assert services.versions_activate_due(today=later) == 0
    version.refresh_from_db()
    assert version.status == S.EFFECTIVE
    tasks.activate_due_versions.delay()  # the beat job runs through Celery (eagerly in tests)


def test_a_new_version_supersedes_the_old_and_calls_copies_back(people, effective, upload):
    old = effective.effective_version
    services.distribution_issue(
        version=old, actor=people["owner"], recipients=[people["staff"]], external="Ministry"
    )
    revision = services.version_create(
        document=effective,
        actor=people["owner"],
        upload=upload(content="v1.1"),
        change_summary="Clarified clause 2",
    )
    assert revision.number == "1.1"
    services.version_submit(version=revision, actor=people["owner"], reviewers=[people["reviewer"]])
    _agree(revision.steps.get(), people["reviewer"])
    services.version_approve(
        version=revision, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    old.refresh_from_db()
    assert old.status == S.SUPERSEDED
    assert old.download_name == "POL-001_v1.0_SUPERSEDED.txt"
    assert DocumentVersion.objects.filter(document=effective, status=S.EFFECTIVE).count() == 1
    assert Notification.objects.filter(
        recipient=people["staff"], subject__contains="return or destroy"
    ).exists()
    copy = old.distributions.get(recipient=people["staff"])
    services.distribution_confirm_withdrawal(distribution=copy, actor=people["owner"])
    with pytest.raises(ValidationError, match="confirmed already"):
        services.distribution_confirm_withdrawal(distribution=copy, actor=people["owner"])


def test_only_one_revision_at_a_time(people, effective, upload):
    services.version_create(document=effective, actor=people["owner"], upload=upload(), change_summary="a")
    with pytest.raises(ValidationError, match="already in progress"):
        services.version_create(
            document=effective, actor=people["owner"], upload=upload(), change_summary="b"
        )


def test_familiarization_counts_and_late_reminders_once_a_day(people, effective):
    version = effective.effective_version
    ack = version.acknowledgements.get(person=people["staff"])
    services.acknowledgement_record_open(version=version, person=people["qms"], via="download")
    services.acknowledgement_confirm(
        acknowledgement=version.acknowledgements.get(person=people["qms"]), actor=people["qms"]
    )
    stats = familiarization_of(version)
    assert stats["done"] == 1 and stats["total"] >= 5
    late_day = ack.due_date + timedelta(days=1)
    sent = services.acknowledgements_remind(today=late_day)
    assert sent == stats["total"] - 1
    assert services.acknowledgements_remind(today=late_day) == 0
    assert Notification.objects.filter(recipient=people["staff"], subject__startswith="Reminder").count() == 1
    with pytest.raises(ValidationError, match="already"):
        services.acknowledgement_confirm(
            acknowledgement=version.acknowledgements.get(person=people["qms"]), actor=people["qms"]
        )


def test_periodic_review_reminders_30_7_0_days_and_a_signed_no_change(people, effective):
    due = effective.next_review_date
    assert services.reviews_remind(today=due - timedelta(days=40)) == 0
    assert services.reviews_remind(today=due - timedelta(days=30)) == 1
    assert services.reviews_remind(today=due - timedelta(days=29)) == 0
    assert services.reviews_remind(today=due - timedelta(days=7)) == 1
    assert services.reviews_remind(today=due) == 1
    assert services.reviews_remind(today=due) == 0
    # The review falls due next week; the owner finds nothing to change and signs.
    effective.next_review_date = timezone.localdate() + timedelta(days=7)
    effective.save()
    with pytest.raises(ValidationError, match="password"):
        services.document_review_no_change(document=effective, actor=people["owner"], password="nope")
    services.document_review_no_change(document=effective, actor=people["owner"], password=PASSWORD)
    effective.refresh_from_db()
    assert effective.next_review_date == due  # a full interval from today
    assert Signature.objects.filter(meaning="reviewed").count() == 1


def test_restricted_documents_are_seen_only_by_named_readers(people, upload, make_person):
    secret = services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Personal data",
        doc_type=Document.Type.PROCEDURE,
        upload=upload(),
        change_summary="x",
        confidentiality=Document.Confidentiality.RESTRICTED,
        readers=[people["reviewer"]],
    )
    assert secret in documents_visible_to(people["reviewer"])
    assert secret not in documents_visible_to(people["staff"])
    assert secret in documents_visible_to(people["qms"])
    board = make_person(Role.SUPERVISORY_BOARD)
    assert secret not in documents_visible_to(board)


def test_withdraw_needs_a_reason_then_archive_freezes_it(people, effective, upload):
    with pytest.raises(ValidationError, match="Say why"):
        services.document_withdraw(document=effective, actor=people["owner"], comment=" ")
    services.document_withdraw(document=effective, actor=people["owner"], comment="Replaced by law")
    services.document_archive(document=effective, actor=people["owner"])
    effective.refresh_from_db()
    assert effective.status == Document.Status.ARCHIVED
    assert effective.versions.get().status == S.ARCHIVED
    with pytest.raises(ValidationError, match="archived document cannot be revised"):
        services.version_create(
            document=effective, actor=people["owner"], upload=upload(), change_summary="x"
        )
    assert effective.history.count() >= 3  # nothing deleted, every change kept


def test_records_use_an_effective_form_and_are_kept_for_its_retention(people, upload):
    form = services.document_create(
        actor=people["owner"],
        owner=people["owner"],
        title="Declaration form",
        doc_type=Document.Type.FORM,
        upload=upload(),
        change_summary="x",
        retention_years=3,
    )
    version = form.versions.get()
    process = Process.objects.get(code="eec-formation")
    with pytest.raises(ValidationError, match="not in force"):
        services.record_create(
            actor=people["staff"],
            title="Declaration",
            template_version=version,
            process=process,
            upload=upload(),
        )
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    _agree(version.steps.get(), people["reviewer"])
    services.version_approve(
        version=version, actor=people["director"], password=PASSWORD, effective_from=timezone.localdate()
    )
    version.refresh_from_db()
    record = services.record_create(
        actor=people["staff"],
        title="Declaration of N. Abenov",
        template_version=version,
        process=process,
        upload=upload(),
    )
    assert record.retention_until.year == timezone.localdate().year + 3
    services.record_archive(record=record, actor=people["owner"])
    with pytest.raises(ValidationError, match="already archived"):
        services.record_archive(record=record, actor=people["owner"])
