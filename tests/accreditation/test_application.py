"""The first stages of an accreditation: application, threshold check, contract (§6.1–6.2)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accreditation import services
from accreditation.models import AccreditationProject, Contract
from accreditation.selectors.standards import checklist_for
from core.models import Notification
from core.roles import Role
from core.selectors import events_for

S = AccreditationProject.Status


@pytest.fixture
def world(make_person):
    pm = make_person(Role.PROJECT_MANAGER, username="pm")
    rep = make_person(username="rep", first_name="Kairat")
    org = services.organization_register(
        actor=pm, name="Eurasian Tech University", org_type="university", levels=["higher"]
    )
    other = services.organization_register(
        actor=pm, name="Rival University", org_type="university", levels=["higher"]
    )
    programme = services.programme_save(
        organization=org,
        actor=pm,
        code="6B06101",
        name="Information systems",
        level="bachelor",
        languages=["ru"],
    )
    rival_programme = services.programme_save(
        organization=other, actor=pm, code="6B06101", name="IS", level="bachelor", languages=["ru"]
    )
    services.representative_add(organization=org, actor=pm, user=rep)
    rep = type(rep).objects.get(pk=rep.pk)
    return {
        "pm": pm,
        "rep": rep,
        "org": org,
        "other": other,
        "programme": programme,
        "rival_programme": rival_programme,
    }


def _apply(world, **extra):
    data = {
        "actor": world["rep"],
        "organization": world["org"],
        "kind": "specialized",
        "level": "higher",
        "programmes": [world["programme"]],
        **extra,
    }
    return services.project_apply(**data)


def test_a_representative_applies_and_project_managers_are_told(client, world):
    client.force_login(world["rep"])
    response = client.post(
        reverse("accreditation:project_apply"),
        {
            "organization": world["org"].pk,
            "kind": "specialized",
            "level": "higher",
            "programmes": [world["programme"].pk],
            "note": "We would like a visit in April.",
        },
        follow=True,
    )
    project = AccreditationProject.objects.get()
    assert "Your application is submitted." in response.content.decode()
    assert (project.status, project.applicant, list(project.programmes.all())) == (
        S.APPLICATION,
        world["rep"],
        [world["programme"]],
    )
    (note,) = Notification.objects.filter(recipient=world["pm"])
    assert note.subject_text == "New application for accreditation: Eurasian Tech University"
    assert [e.label for e in events_for(project)] == ["Application submitted"]


def test_nobody_applies_for_an_organization_they_do_not_represent(client, world, make_person):
    with pytest.raises(PermissionDenied):
        _apply(world, organization=world["other"], programmes=[])
    client.force_login(world["rep"])
    response = client.post(
        reverse("accreditation:project_apply"),
        {"organization": world["other"].pk, "kind": "institutional", "level": "higher"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not AccreditationProject.objects.exists()


def test_programmes_must_belong_to_the_applicant(world):
    with pytest.raises(ValidationError, match="programmes of the applying organization only"):
        _apply(world, programmes=[world["rival_programme"]])
    with pytest.raises(ValidationError, match="needs at least one programme"):
        _apply(world, programmes=[])


def test_the_representative_sees_their_project_but_not_others(client, world, make_person):
    project = _apply(world)
    stranger = make_person(Role.EO_REPRESENTATIVE, username="stranger")
    client.force_login(world["rep"])
    assert client.get(project.get_absolute_url()).status_code == 200
    client.force_login(stranger)
    assert client.get(project.get_absolute_url()).status_code == 404


def test_threshold_check_passed_leads_to_the_contract_then_self_assessment(client, world):
    project = _apply(world)
    client.force_login(world["pm"])
    client.post(reverse("accreditation:project_move", args=[project.pk]), {"target": "threshold_check"})
    items = {f"item_{code}": "on" for code, _label in checklist_for("higher")}
    client.post(reverse("accreditation:project_threshold", args=[project.pk]), items)
    project.refresh_from_db()
    assert project.status == S.CONTRACT
    response = client.post(
        reverse("accreditation:project_contract", args=[project.pk]),
        {
            "number": "IAAR-C-2026-017",
            "cost": "4500000",
            "currency": "KZT",
            "signed_on": "2026-11-20",
            "valid_until": "2027-11-20",
        },
        follow=True,
    )
    assert "The contract is registered" in response.content.decode()
    project.refresh_from_db()
    assert project.status == S.SELF_ASSESSMENT
    assert Contract.objects.get(project=project).cost == 4500000
    labels = [e.label for e in events_for(project)]
    assert labels[-3:] == ["Start the threshold check", "Threshold requirements met", "Contract signed"]


def test_a_failed_requirement_needs_a_reason_and_the_applicant_reads_it(client, world):
    project = _apply(world)
    services.project_move(project=project, actor=world["pm"], target="threshold_check")
    client.force_login(world["pm"])
    url = reverse("accreditation:project_threshold", args=[project.pk])
    response = client.post(url, {"item_licence": "on"})
    assert "Say why the organization does not meet" in response.content.decode()
    project.refresh_from_db()
    assert project.status == S.THRESHOLD_CHECK
    client.post(url, {"item_licence": "on", "reasons": "No graduates yet in the programme."})
    project.refresh_from_db()
    assert project.status == S.REJECTED
    assert Notification.objects.filter(recipient=world["rep"], subject__contains="not met").exists()
    client.force_login(world["rep"])
    assert "No graduates yet in the programme." in client.get(project.get_absolute_url()).content.decode()


def test_illegal_moves_and_bad_contracts_are_refused(world):
    project = _apply(world)
    with pytest.raises(ValidationError, match="cannot be moved"):
        services.project_move(project=project, actor=world["pm"], target="contract")
    with pytest.raises(ValidationError, match="after the threshold check is passed"):
        services.contract_register(
            project=project,
            actor=world["pm"],
            number="C-1",
            cost=1,
            signed_on=date(2026, 1, 1),
            valid_until=date(2027, 1, 1),
        )
    services.project_move(project=project, actor=world["pm"], target="threshold_check")
    services.threshold_decide(
        project=project, actor=world["pm"], items={code: True for code, _label in checklist_for("higher")}
    )
    with pytest.raises(ValidationError, match="must end after"):
        services.contract_register(
            project=project,
            actor=world["pm"],
            number="C-1",
            cost=1,
            signed_on=date(2027, 1, 1),
            valid_until=date(2026, 1, 1),
        )
    second = _apply(world)
    services.project_move(project=second, actor=world["pm"], target="threshold_check")
    services.threshold_decide(
        project=second, actor=world["pm"], items={code: True for code, _label in checklist_for("higher")}
    )
    services.contract_register(
        project=project,
        actor=world["pm"],
        number="C-1",
        cost=1,
        signed_on=date(2026, 1, 1),
        valid_until=date(2027, 1, 1),
    )
    with pytest.raises(ValidationError, match="already used"):
        services.contract_register(
            project=second,
            actor=world["pm"],
            number="C-1",
            cost=1,
            signed_on=date(2026, 1, 1),
            valid_until=date(2027, 1, 1),
        )
    second.refresh_from_db()
    assert second.status == S.CONTRACT


def test_project_managers_see_new_applications_on_their_dashboard(client, world):
    _apply(world)
    client.force_login(world["pm"])
    html = client.get(reverse("core:dashboard")).content.decode()
    assert "New application: start the threshold check" in html
    assert "Eurasian Tech University" in html


def test_the_application_form_starts_from_the_organizations_level(client, world):
    client.force_login(world["rep"])
    html = client.get(reverse("accreditation:project_apply")).content.decode()
    assert '<option value="higher" selected>' in html


def _to_self_assessment(world):
    project = _apply(world)
    services.project_move(project=project, actor=world["pm"], target="threshold_check")
    services.threshold_decide(
        project=project, actor=world["pm"], items={code: True for code, _label in checklist_for("higher")}
    )
    services.contract_register(
        project=project,
        actor=world["pm"],
        number=f"C-{project.pk}",
        cost=1,
        signed_on=date(2026, 1, 1),
        valid_until=date(2027, 1, 1),
    )
    return project


def test_the_self_assessment_is_returned_then_accepted_and_the_eec_stage_opens(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accreditation.models import SelfAssessment

    project = _to_self_assessment(world)
    client.force_login(world["rep"])
    url = reverse("accreditation:self_assessment_submit", args=[project.pk])
    response = client.post(url, {"file": SimpleUploadedFile("report.exe", b"MZ\x90\x00\x03\x00\x00\xff")})
    assert "This type of file is not accepted" in response.content.decode()
    client.post(url, {"file": SimpleUploadedFile("report.txt", b"Standard 1. Mission.")})
    first = SelfAssessment.objects.get()
    assert Notification.objects.filter(recipient=world["pm"], subject__contains="to review").exists()
    response = client.post(url, {"file": SimpleUploadedFile("again.txt", b"x")})
    assert "still being reviewed" in response.content.decode()

    client.force_login(world["pm"])
    review = reverse("accreditation:self_assessment_review", args=[project.pk, first.pk])
    response = client.post(review, {"decision": "returned"})
    assert "Say what does not conform" in response.content.decode()
    client.post(review, {"decision": "returned", "comments": "Standard 3 has no evidence."})
    first.refresh_from_db()
    project.refresh_from_db()
    assert first.decision == "returned" and project.status == S.SELF_ASSESSMENT

    client.force_login(world["rep"])
    assert "Standard 3 has no evidence." in client.get(project.get_absolute_url()).content.decode()
    client.post(url, {"file": SimpleUploadedFile("report-v2.txt", b"Standard 3 evidence added.")})
    second = SelfAssessment.objects.get(round=2)
    client.force_login(world["pm"])
    client.post(
        reverse("accreditation:self_assessment_review", args=[project.pk, second.pk]),
        {"decision": "conforming"},
    )
    project.refresh_from_db()
    assert project.status == S.EEC_FORMATION
    assert (
        SelfAssessment.objects.filter(project=project, decision="returned").count() == 1
    )  # counts for KPI 1
    file = client.get(reverse("accreditation:self_assessment_file", args=[project.pk, second.pk]))
    assert b"".join(file.streaming_content) == b"Standard 3 evidence added."


def test_a_contract_amendment_changes_the_term_and_keeps_the_old_one(world):
    from datetime import timedelta

    project = _apply(world)
    services.project_move(project=project, actor=world["pm"], target="threshold_check")
    items = {code: True for code, _label in checklist_for(project.level)}
    services.threshold_decide(project=project, actor=world["pm"], items=items)
    services.contract_register(
        project=project,
        actor=world["pm"],
        number="C-1",
        cost=1000,
        signed_on=date(2026, 1, 10),
        valid_until=date(2026, 12, 31),
    )
    with pytest.raises(ValidationError, match="before the contract"):
        services.contract_amend(project=project, actor=world["pm"], signed_on=date(2025, 12, 1), summary="x")
    with pytest.raises(PermissionDenied):
        services.contract_amend(project=project, actor=world["rep"], signed_on=date(2026, 3, 1), summary="x")
    services.contract_amend(
        project=project,
        actor=world["pm"],
        signed_on=date(2026, 3, 1),
        summary="Visit moved to spring",
        new_valid_until=date(2027, 6, 30),
    )
    contract = Contract.objects.get(project=project)
    assert contract.valid_until == date(2027, 6, 30) and contract.amendments.get().number == 1
    assert contract.history.filter(valid_until=date(2026, 12, 31)).exists()
    assert "Contract amendment 1 recorded" in [e.label for e in events_for(project)]
    assert timedelta(0) < contract.valid_until - contract.signed_on
