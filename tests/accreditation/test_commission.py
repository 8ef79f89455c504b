"""Forming the expert commission without conflicts of interest, the visit, the report and its
internal expertise (§5.2, §6.3, §6.6)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from accreditation.models import (
    AccreditationProject,
    CommissionMember,
    CommissionState,
    CriterionScore,
    EECReport,
    ReportReview,
)
from accreditation.services import commission as sc
from core.roles import Role
from demo.walkthrough import drive

S = AccreditationProject.Status


@pytest.fixture
def forming(cast):
    return drive(cast.project, cast, S.EEC_FORMATION)


def test_a_declared_affiliation_is_a_warning_that_needs_a_reason(cast, forming):
    expert = cast.experts[0]
    expert.affiliations.add(cast.organization)
    with pytest.raises(ValidationError, match="Declared an affiliation"):
        sc.member_add(project=forming, actor=cast.coordinator, expert=expert, role="chair")
    assert not CommissionMember.objects.exists()
    seat = sc.member_add(
        project=forming, actor=cast.coordinator, expert=expert, role="chair", conflict_note="Left in 2015."
    )
    assert seat.conflicts and seat.conflict_note == "Left in 2015."


def test_same_city_employer_and_recent_engagement_are_warned(cast, forming):
    expert = cast.experts[1]
    expert.city, expert.employer = "Almaty", "Eurasian Tech University"
    expert.save()
    warnings = sc.conflicts_for(expert, forming)
    assert any("same city" in w for w in warnings)
    assert any("Works or studies" in w for w in warnings)
    # An earlier commission on the same organization within the look-back period.
    earlier = AccreditationProject.objects.create(organization=cast.organization, kind="institutional")
    CommissionMember.objects.create(project=earlier, expert=cast.experts[2], added_by=cast.pm)
    assert any("within the last 3 years" in w for w in sc.conflicts_for(cast.experts[2], forming))


def test_one_chair_and_one_seat_per_expert(cast, forming):
    sc.member_add(project=forming, actor=cast.coordinator, expert=cast.experts[0], role="chair")
    with pytest.raises(ValidationError, match="has a chair already"):
        sc.member_add(project=forming, actor=cast.coordinator, expert=cast.experts[1], role="chair")
    with pytest.raises(ValidationError, match="on this commission already"):
        sc.member_add(project=forming, actor=cast.coordinator, expert=cast.experts[0], role="member")
    with pytest.raises(IntegrityError), transaction.atomic():
        CommissionMember.objects.create(project=forming, expert=cast.experts[0], added_by=cast.pm)


def test_only_the_coordinator_or_a_project_manager_forms_it(cast, forming, make_person):
    other = make_person(Role.COORDINATOR, username="other_coord")
    with pytest.raises(PermissionDenied):
        sc.member_add(project=forming, actor=other, expert=cast.experts[0], role="chair")


def _seat_all(cast, project):
    sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[0], role="chair")
    sc.member_add(project=project, actor=cast.coordinator, expert=cast.experts[1], role="member")


def test_the_organization_objects_and_the_coordinator_changes_the_composition(cast, forming):
    _seat_all(cast, forming)
    sc.commission_propose(project=forming, actor=cast.coordinator)
    with pytest.raises(ValidationError, match="Say why"):
        sc.commission_respond(project=forming, actor=cast.rep, agree=False, reasons=" ")
    sc.commission_respond(project=forming, actor=cast.rep, agree=False, reasons="Dr No1 advised us in 2024.")
    forming.refresh_from_db()
    assert forming.commission_state == CommissionState.OBJECTED
    seat = forming.members.get(expert=cast.experts[1])
    sc.member_remove(member=seat, actor=cast.coordinator)
    sc.member_add(project=forming, actor=cast.coordinator, expert=cast.experts[2], role="member")
    sc.commission_propose(project=forming, actor=cast.coordinator)
    sc.commission_respond(project=forming, actor=cast.rep, agree=True)
    # Removed seats stay on record, inactive.
    assert CommissionMember.objects.filter(project=forming).count() == 3
    assert forming.members.filter(is_active=True).count() == 2


def test_the_director_approves_only_an_agreed_commission_with_every_declaration(cast, forming, make_person):
    _seat_all(cast, forming)
    with pytest.raises(ValidationError, match="not agreed"):
        sc.commission_approve(project=forming, actor=cast.director)
    sc.commission_propose(project=forming, actor=cast.coordinator)
    sc.commission_respond(project=forming, actor=cast.rep, agree=True)
    with pytest.raises(ValidationError, match="declarations"):
        sc.commission_approve(project=forming, actor=cast.director)
    first, second = forming.members.filter(is_active=True).order_by("pk")
    with pytest.raises(PermissionDenied):
        sc.declaration_sign(member=second, actor=cast.experts[0].user)  # not their own
    for seat in (first, second):
        sc.declaration_sign(member=seat, actor=seat.expert.user)
    with pytest.raises(ValidationError, match="already"):
        sc.declaration_sign(member=first, actor=first.expert.user)
    with pytest.raises(PermissionDenied):
        sc.commission_approve(project=forming, actor=cast.coordinator)
    project = sc.commission_approve(project=forming, actor=cast.director)
    assert project.status == S.VISIT and project.commission_approved_by == cast.director


def test_a_representative_of_another_organization_cannot_answer(cast, forming, make_person):
    _seat_all(cast, forming)
    sc.commission_propose(project=forming, actor=cast.coordinator)
    stranger = make_person(Role.EO_REPRESENTATIVE, username="stranger")
    with pytest.raises(PermissionDenied):
        sc.commission_respond(project=forming, actor=stranger, agree=True)


def test_the_visit_is_recorded_only_after_it_starts_and_with_every_rating(cast, forming):
    project = drive(forming, cast, S.VISIT)
    project.visit.starts_on = datetime.date.today() + datetime.timedelta(days=3)
    project.visit.ends_on = project.visit.starts_on
    project.visit.save()
    ratings = {"preparation": 5, "conduct": 4, "competence": 5, "teamwork": 4, "reporting": 5}
    with pytest.raises(ValidationError, match="not started"):
        sc.visit_held(project=project, actor=cast.coordinator, ratings=ratings)
    project.visit.starts_on = project.visit.ends_on = datetime.date.today()
    project.visit.save()
    with pytest.raises(ValidationError, match="Rate every aspect"):
        sc.visit_held(project=project, actor=cast.coordinator, ratings={**ratings, "reporting": 9})
    assert sc.visit_held(project=project, actor=cast.coordinator, ratings=ratings).status == S.EEC_REPORT


def test_evidence_of_the_wrong_type_is_refused(cast, forming):
    project = drive(forming, cast, S.VISIT)
    fake = SimpleUploadedFile("photo.pdf", b"MZ\\x90\\x00 not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError):
        sc.evidence_add(project=project, actor=cast.experts[1].user, title="Photo", upload=fake)
    assert not project.evidence.exists()


def test_the_report_needs_every_criterion_consolidated_and_a_returned_round_counts_for_kpi_2(cast, forming):
    project = drive(forming, cast, S.EEC_REPORT)
    chair = cast.experts[0].user
    criteria = sc.criteria_of(project)
    with pytest.raises(PermissionDenied):
        sc.consolidate(project=project, actor=cast.experts[1].user, scores={criteria[0].pk: "strong"})
    sc.consolidate(project=project, actor=chair, scores={c.pk: "satisfactory" for c in criteria[:-1]})
    sc.report_save(
        project=project,
        actor=chair,
        strengths="S",
        recommendations_eo="R",
        recommended_outcome="accredit",
        recommended_years=5,
    )
    with pytest.raises(ValidationError, match="1 left"):
        sc.report_submit(project=project, actor=chair)
    with pytest.raises(ValidationError, match="scale"):
        sc.consolidate(project=project, actor=chair, scores={criteria[-1].pk: "excellent"})
    sc.consolidate(project=project, actor=chair, scores={criteria[-1].pk: "strong"})
    sc.report_submit(project=project, actor=chair)
    with pytest.raises(ValidationError, match="what the commission must correct"):
        sc.report_review(project=project, actor=cast.pm, conforming=False)
    sc.report_review(project=project, actor=cast.pm, conforming=False, comments="Table 3 lacks evidence.")
    project.refresh_from_db()
    assert project.status == S.EEC_REPORT and EECReport.objects.get(project=project).round == 2
    sc.report_submit(project=project, actor=chair)
    sc.report_review(project=project, actor=cast.pm, conforming=True)
    assert ReportReview.objects.filter(decision="returned").count() == 1  # KPI 2
    project.refresh_from_db()
    assert project.status == S.COUNCIL
    assert CriterionScore.objects.filter(project=project, member__isnull=True).count() == len(criteria)


def test_an_expert_sees_only_commissions_they_sit_on(cast, forming, client, make_person):
    project = drive(forming, cast, S.VISIT)
    outsider = make_person(Role.EXPERT, username="outsider")
    client.force_login(outsider)
    assert client.get(reverse("accreditation:scores", args=[project.pk])).status_code == 404
    assert client.get(project.get_absolute_url()).status_code == 404
    client.force_login(cast.experts[1].user)
    assert client.get(reverse("accreditation:scores", args=[project.pk])).status_code == 200
    # A member who is not the chair does not open the chair's report page.
    assert client.get(reverse("accreditation:report_edit", args=[project.pk])).status_code == 403


def test_an_expert_scores_in_the_browser_form(cast, forming, client):
    project = drive(forming, cast, S.VISIT)
    criteria = sc.criteria_of(project)
    client.force_login(cast.experts[2].user)
    data = {f"c{criteria[0].pk}": "strong", f"c{criteria[1].pk}": "bogus"}
    response = client.post(reverse("accreditation:scores", args=[project.pk]), data)
    assert response.status_code == 200  # the bad choice is shown on the form, nothing saved
    assert not CriterionScore.objects.filter(project=project).exists()
    data[f"c{criteria[1].pk}"] = "improve"
    client.post(reverse("accreditation:scores", args=[project.pk]), data)
    assert CriterionScore.objects.filter(project=project, member__expert=cast.experts[2]).count() == 2
