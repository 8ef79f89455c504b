"""A standard's or guideline's validation (§6.3.5–6.3.6) is the decision of a collegial body's
meeting item, with the vote recorded; then the Director General approves it as any document."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from documents import services as documents
from documents.models import Document, DocumentVersion, ReviewStep
from governance.models.bodies import Body, MeetingItem
from governance.services import bodies as services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def world(make_person):
    qms = make_person(Role.QMS_OWNER, Role.STAFF, username="v_qms")
    reviewer = make_person(Role.STAFF, username="v_rev")
    peer = make_person(Role.EXPERT, username="v_peer")
    director = make_person(Role.DIRECTOR, username="v_dg")
    standard = documents.document_create(
        actor=qms,
        owner=qms,
        title="Стандарты институциональной аккредитации",
        doc_type=Document.Type.STANDARD,
        upload=SimpleUploadedFile("std.txt", b"Standard 1"),
        change_summary="Новая редакция",
    )
    version = standard.versions.get()
    documents.version_submit(version=version, actor=qms, reviewers=[reviewer], peer_reviewers=[peer])
    for step in version.steps.all():
        documents.step_decide(step=step, actor=step.reviewer, decision="agreed", password=PASSWORD)
    body = services.body_create(actor=qms, name="Экспертный совет", kind=Body.Kind.EXPERT_COUNCIL)
    people = [make_person(Role.STAFF, username=f"v_{n}") for n in ("chair", "sec", "m1")]
    for person, role in zip(people, ("chair", "secretary", "member"), strict=True):
        services.membership_add(
            actor=qms,
            body=body,
            person=person,
            role=role,
            constituency="academic",
            term_start=TODAY - datetime.timedelta(days=10),
            term_end=TODAY + datetime.timedelta(days=700),
        )
    chair, sec, m1 = people
    meeting = services.meeting_create(actor=sec, body=body, number="3", date=TODAY)
    return {
        "version": version,
        "meeting": meeting,
        "chair": chair,
        "sec": sec,
        "m1": m1,
        "director": director,
    }


def _decide(world, choices):
    sec = world["sec"]
    item = services.item_add(
        meeting=world["meeting"],
        actor=sec,
        kind=MeetingItem.Kind.DOCUMENT_VALIDATION,
        title="",
        document_version=world["version"],
    )
    services.attendance_record(
        meeting=world["meeting"], actor=sec, present_ids=[world[n].pk for n in ("chair", "sec", "m1")]
    )
    services.meeting_open(meeting=world["meeting"], actor=sec)
    for name, choice in zip(("chair", "sec", "m1"), choices, strict=True):
        services.vote_cast(item=item, actor=world[name], choice=choice)
    services.item_decide(item=item, actor=sec, decision_text="Валидировать стандарты")
    item.refresh_from_db()
    return item


def test_a_positive_decision_validates_the_standard_and_the_director_approves_it(world, client):
    item = _decide(world, ("for", "for", "against"))
    version = DocumentVersion.objects.get(pk=world["version"].pk)
    assert item.outcome == "adopted"
    assert version.status == DocumentVersion.Status.AWAITING_APPROVAL
    step = version.steps.get(kind=ReviewStep.Kind.VALIDATION)
    assert (step.body, step.meeting_date) == ("Экспертный совет", TODAY)
    assert "2 of 3 votes for" in step.comment
    client.force_login(world["director"])
    page = client.get(reverse("documents:approve", args=[version.document_id, version.pk]))
    assert page.status_code == 200
    documents.version_approve(
        version=version, actor=world["director"], password=PASSWORD, effective_from=TODAY
    )
    version.refresh_from_db()
    assert version.status == DocumentVersion.Status.EFFECTIVE  # approved, in force from today


def test_a_negative_decision_leaves_the_standard_in_review(world):
    item = _decide(world, ("against", "against", "for"))
    assert item.outcome == "rejected"
    version = DocumentVersion.objects.get(pk=world["version"].pk)
    assert version.status == DocumentVersion.Status.IN_REVIEW
    assert not version.steps.filter(kind=ReviewStep.Kind.VALIDATION).exists()


def test_only_a_version_every_reviewer_agreed_goes_on_the_agenda(world, make_person):
    qms = make_person(Role.QMS_OWNER)
    draft = documents.document_create(
        actor=qms,
        owner=qms,
        title="Руководство",
        doc_type=Document.Type.GUIDELINE,
        upload=SimpleUploadedFile("g.txt", b"Guide"),
        change_summary="x",
    ).versions.get()
    with pytest.raises(ValidationError, match="not waiting for validation"):
        services.item_add(
            meeting=world["meeting"],
            actor=world["sec"],
            kind=MeetingItem.Kind.DOCUMENT_VALIDATION,
            title="",
            document_version=draft,
        )
    assert not world["meeting"].items.exists()


def test_the_editor_can_no_longer_declare_the_validation(world, client):
    version = world["version"]
    client.force_login(version.document.owner)
    html = client.get(version.get_absolute_url()).content.decode()
    assert "/validate/" not in html
    assert "Document validation" in html
