"""The code of ethics (§5.2.1): staff and experts accept its effective version by signature,
are asked again when a new version becomes effective, and a commission is not approved while a
member has not accepted it, nor while a member's seminar training has expired."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from accreditation.models import AccreditationProject, CommissionState
from accreditation.services import commission as sc
from core.dashboard import dashboard_for
from demo.walkthrough import drive
from people.models import Attendance, Certificate, EthicsAcceptance, Training, TrainingPlan
from people.services import ethics as services
from tests.factories import PASSWORD, DocumentFactory

from .conftest import make_effective

TODAY = timezone.localdate()


@pytest.fixture
def code(agency):
    document = DocumentFactory(title="Code of ethics", owner=agency.qms)
    make_effective(document, major=1, owner=agency.qms)
    services.code_set(actor=agency.qms, document=document)
    return document


def _tasks(user):
    return [t.title for t in dashboard_for(user).waiting]


def test_staff_accept_the_code_by_signature_and_are_asked_again_for_a_new_version(agency, code):
    assert "Accept the code of ethics, version 1.0" in _tasks(agency.trainee)
    with pytest.raises(ValidationError, match="password is not right"):
        services.ethics_accept(actor=agency.trainee, password="wrong")
    assert not EthicsAcceptance.objects.exists()
    acceptance = services.ethics_accept(actor=agency.trainee, password=PASSWORD)
    assert (
        acceptance.version == code.effective_version
        and acceptance.content_sha256 == code.effective_version.sha256
    )
    assert not any("code of ethics" in t for t in _tasks(agency.trainee))
    with pytest.raises(ValidationError, match="already"):
        services.ethics_accept(actor=agency.trainee, password=PASSWORD)
    make_effective(code, major=2, owner=agency.qms)
    assert "Accept the code of ethics, version 2.0" in _tasks(agency.trainee)
    services.ethics_accept(actor=agency.trainee, password=PASSWORD)
    assert EthicsAcceptance.objects.filter(person=agency.trainee).count() == 2


def test_someone_not_bound_by_the_code_is_not_asked(code, make_person):
    outsider = make_person()
    assert not _tasks(outsider)
    with pytest.raises(PermissionDenied):
        services.ethics_accept(actor=outsider, password=PASSWORD)


def test_the_page_takes_the_signature_and_the_register_shows_who_is_missing(agency, code, client):
    client.force_login(agency.trainee)
    url = reverse("people:ethics")
    assert "Accept the code by signature" in client.get(url).content.decode()
    assert client.post(url, {"password": PASSWORD}).status_code == 302
    assert EthicsAcceptance.objects.filter(person=agency.trainee).exists()
    client.force_login(agency.qms)
    page = client.get(reverse("people:ethics_register")).content.decode()
    assert "3 people have not accepted the version in force." in page


def test_the_code_must_be_an_effective_document(agency):
    draft = DocumentFactory(title="Draft code", owner=agency.qms, status="draft")
    with pytest.raises(ValidationError, match="effective"):
        services.code_set(actor=agency.qms, document=draft)


# --- The commission -------------------------------------------------------------------------


@pytest.fixture
def agreed(cast):
    """A commission of two experts, agreed by the organization, every declaration signed."""
    project = drive(cast.project, cast, AccreditationProject.Status.EEC_FORMATION)
    sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[0], role="chair")
    sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[1], role="member")
    sc.commission_propose(project=project, actor=cast.coordinator)
    sc.commission_respond(project=project, actor=cast.rep, agree=True)
    for seat in project.members.filter(is_active=True):
        sc.declaration_sign(member=seat, actor=seat.expert.user)
    return project


def test_a_commission_with_a_member_who_has_not_accepted_the_code_is_not_approved(cast, agreed, make_person):
    qms = make_person("qms_owner")
    document = DocumentFactory(title="Code of ethics of experts", owner=qms)
    make_effective(document, major=1, owner=qms)
    services.code_set(actor=qms, document=document)
    services.ethics_accept(actor=cast.experts[0].user, password=PASSWORD)
    with pytest.raises(ValidationError) as refused:
        sc.commission_approve(project=agreed, actor=cast.director)
    assert (
        f"{cast.experts[1]} has not accepted the code of ethics in force (version 1.0)."
        in refused.value.messages
    )
    assert str(cast.experts[0]) not in " ".join(refused.value.messages)
    agreed.refresh_from_db()
    assert agreed.commission_state == CommissionState.AGREED and agreed.status == "eec_formation"
    services.ethics_accept(actor=cast.experts[1].user, password=PASSWORD)
    assert (
        sc.commission_approve(project=agreed, actor=cast.director).commission_state
        == CommissionState.APPROVED
    )


def _seminar(cast, expert, *, expires_on):
    plan, _ = TrainingPlan.objects.get_or_create(year=2025, defaults={"created_by": cast.pm})
    training = Training.objects.create(
        plan=plan,
        title="Seminar for external experts",
        kind="expert_seminar",
        audience="experts",
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2025, 3, 2),
        trainer="IAAR",
    )
    attendance = Attendance.objects.create(training=training, person=expert.user, recorded_by=cast.pm)
    certificate = Certificate(
        attendance=attendance, issued_on=datetime.date(2025, 3, 2), expires_on=expires_on, recorded_by=cast.pm
    )
    certificate.file.save("c.pdf", ContentFile(b"%PDF-1.4"), save=False)
    certificate.file_name = "c.pdf"
    certificate.save()


def test_an_expert_whose_training_expired_is_flagged_when_seated_and_holds_up_the_approval(cast):
    project = drive(cast.project, cast, AccreditationProject.Status.EEC_FORMATION)
    _seminar(cast, cast.experts[1], expires_on=TODAY - datetime.timedelta(days=3))
    _seminar(cast, cast.experts[0], expires_on=TODAY + datetime.timedelta(days=300))
    sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[0], role="chair")
    with pytest.raises(ValidationError, match="The training expired on"):
        sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[1], role="member")
    seat = sc.member_add(
        project=project,
        actor=cast.coordinator,
        expert=cast.experts[1],
        role="member",
        conflict_note="Re-training booked for next month.",
    )
    assert any("training expired" in w for w in seat.conflicts)
    sc.commission_propose(project=project, actor=cast.coordinator)
    sc.commission_respond(project=project, actor=cast.rep, agree=True)
    for member in project.members.filter(is_active=True):
        sc.declaration_sign(member=member, actor=member.expert.user)
    with pytest.raises(ValidationError, match=f"{cast.experts[1]}'s training expired"):
        sc.commission_approve(project=project, actor=cast.director)
    project.refresh_from_db()
    assert project.commission_state == CommissionState.AGREED
