"""Satisfaction indices: the KPI report's survey figures (§7.4), on hand-counted answers."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from core.roles import Role
from surveys.selectors import SatisfactionIndex, likert_percent, satisfaction_indices
from tests.factories import PASSWORD
from tests.surveys import results_world

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def world():
    return results_world.build()


def test_mean_mapped_to_percent():
    assert likert_percent(Decimal(1)) == Decimal("0.0")
    assert likert_percent(Decimal(5)) == Decimal("100.0")
    assert likert_percent(Decimal(3)) == Decimal("50.0")
    assert likert_percent(None) is None


def test_indices_of_a_period(world):
    indices = satisfaction_indices(D(2025, 1, 1), D(2025, 12, 31))
    assert all(isinstance(i, SatisfactionIndex) for i in indices)
    by_code = {i.code: i for i in indices}
    # 5+4+3 and 4+4+2: 22 answers' worth over 6 answers = 3.67; 3 of 4 invited answered.
    assert by_code["t-eo-satisfaction"] == SatisfactionIndex(
        code="t-eo-satisfaction",
        title="Satisfaction of the education organization",
        mean=Decimal("3.67"),
        percent=Decimal("66.7"),
        responses=3,
        rate=Decimal("75.0"),
    )
    # Students: 25 + 6 over 9 answers; public link, so no rate.
    assert (by_code["t-student"].mean, by_code["t-student"].percent, by_code["t-student"].rate) == (
        Decimal("3.44"),
        Decimal("61.1"),
        None,
    )


def test_period_bounds_are_inclusive(world):
    # The three eo-satisfaction responses came in on 3, 4 and 5 May 2025.
    one_day = {i.code: i for i in satisfaction_indices(D(2025, 5, 5), D(2025, 5, 5))}
    assert one_day["t-eo-satisfaction"].responses == 1
    # That day's answers: overall 3, communication 2.
    assert (one_day["t-eo-satisfaction"].mean, one_day["t-eo-satisfaction"].percent) == (
        Decimal("2.50"),
        Decimal("37.5"),
    )
    none = {i.code: i for i in satisfaction_indices(D(2024, 1, 1), D(2024, 12, 31))}
    assert none["t-eo-satisfaction"].responses == 0 and none["t-eo-satisfaction"].mean is None


def test_kpi_page_shows_the_satisfaction_section(world, client_as):
    client = client_as(Role.DIRECTOR)
    html = client.get(reverse("reporting:kpi_report"), {"year": 2025}).content.decode()
    assert "Satisfaction 2025" in html
    assert "Satisfaction of the education organization" in html
    assert "66.7 %" in html and "75.0 %" in html
    assert "Satisfaction indices, %" in html  # the five-year line chart


def test_satisfaction_targets_take_effect_on_the_director_general_s_signature(world, client, make_person):
    """The IQAS owner proposes the lowest index wanted in the year; it has no effect until the
    Director General approves it with a signature: then the organizations' 66.7 % misses 70 %,
    the students' 61.1 % meets 60 %, and the KPI page and the indices say so."""
    from surveys.models import SatisfactionTarget, Survey

    qms, director = make_person(Role.QMS_OWNER), make_person(Role.DIRECTOR)
    eo = Survey.objects.get(code="t-eo-satisfaction")
    students = Survey.objects.get(code="t-student")
    client.force_login(qms)
    response = client.post(
        reverse("reporting:kpi_targets"),
        {"year": 2025, f"sat-{eo.code}": "70", f"sat-{students.code}": "60"},
        follow=True,
    )
    page = response.content.decode()
    assert "The targets for 2025 are set." in page and "take effect when the Director General" in page
    assert SatisfactionTarget.objects.count() == 2
    assert {t.status for t in SatisfactionTarget.objects.all()} == {"proposed"}
    # Proposed, not in force: the indices have no target yet.
    assert {i.code: i for i in satisfaction_indices(D(2025, 1, 1), D(2025, 12, 31))}[eo.code].target is None
    # The Director General finds them on his task list and signs each.
    client.force_login(director)
    home = client.get(reverse("core:dashboard")).content.decode()
    for target in SatisfactionTarget.objects.all():
        url = reverse("reporting:satisfaction_target_approve", args=[target.pk])
        assert url in home
        refused = client.post(url, {"password": "wrong"})
        assert refused.status_code == 200 and "password" in refused.content.decode().lower()
        target.refresh_from_db()
        assert target.status == "proposed" and target.target_percent is None
        assert client.post(url, {"password": PASSWORD}).status_code == 302
    target = SatisfactionTarget.objects.get(survey=eo)
    assert (target.status, target.target_percent, target.approved_by) == (
        "approved",
        Decimal("70.0"),
        director,
    )
    by_code = {i.code: i for i in satisfaction_indices(D(2025, 1, 1), D(2025, 12, 31))}
    assert (by_code[eo.code].target, by_code[eo.code].met) == (Decimal("70.0"), False)
    assert (by_code[students.code].target, by_code[students.code].met) == (Decimal("60.0"), True)
    html = client.get(reverse("reporting:kpi_report"), {"year": 2025}).content.decode()
    assert "≥ 70.0 %" in html and "not met" in html
    # A target of another year does not count for 2025.
    assert {i.code: i for i in satisfaction_indices(D(2024, 1, 1), D(2024, 12, 31))}[eo.code].target is None


def test_only_the_director_general_approves_and_a_returned_proposal_leaves_the_target(world, make_person):
    from django.core.exceptions import PermissionDenied, ValidationError

    from surveys.models import Survey
    from surveys.services import (
        satisfaction_target_approve,
        satisfaction_target_propose,
        satisfaction_target_return,
    )

    qms, director = make_person(Role.QMS_OWNER), make_person(Role.DIRECTOR)
    eo = Survey.objects.get(code="t-eo-satisfaction")
    with pytest.raises(PermissionDenied):
        satisfaction_target_propose(actor=director, survey=eo, year=2025, target_percent=70)
    target = satisfaction_target_propose(actor=qms, survey=eo, year=2025, target_percent=70)
    with pytest.raises((PermissionDenied, ValidationError)):
        satisfaction_target_approve(target=target, actor=qms, password=PASSWORD)
    satisfaction_target_approve(target=target, actor=director, password=PASSWORD)
    again = satisfaction_target_propose(actor=qms, survey=eo, year=2025, target_percent=80)
    assert (again.status, again.target_percent, again.proposed_percent) == (
        "proposed",
        Decimal("70.0"),
        Decimal("80.0"),
    )
    satisfaction_target_return(target=again, actor=director)
    again.refresh_from_db()
    assert (again.status, again.target_percent, again.proposed_percent) == ("returned", Decimal("70.0"), None)
    assert again.history.count() >= 4


def test_a_satisfaction_target_out_of_range_changes_nothing(world, client_as):
    from surveys.models import SatisfactionTarget

    client = client_as(Role.QMS_OWNER)
    response = client.post(
        reverse("reporting:kpi_targets"),
        {"year": 2025, "kpi1": "10", "sat-t-eo-satisfaction": "150"},
        follow=True,
    )
    assert "A target is a share from 0 to 100 %; nothing was changed." in response.content.decode()
    assert not SatisfactionTarget.objects.exists()
    from improvement.models import KpiTarget

    assert not KpiTarget.objects.exists()


def test_the_demo_tells_two_years_of_surveys(seeded_demo, client):
    """Two years of campaigns told at their own dates; run twice, it adds nothing (counted in
    tests/demo/test_seed_demo.py, the one test that seeds the demo twice)."""
    from django.utils import timezone

    from surveys import selectors
    from surveys.models import Campaign, Invitation, Response

    for year in (2025, 2026):
        indices = {i.code: i for i in satisfaction_indices(D(year, 1, 1), D(year, 12, 31))}
        assert set(indices) >= {
            "eo-satisfaction",
            "expert-feedback",
            "eec-evaluation",
            "student",
            "teaching-staff",
        }
        assert all(i.mean is not None and Decimal(1) <= i.mean <= Decimal(5) for i in indices.values()), year
        assert indices["student"].responses >= 40
    # Believable, not uniform: the organizations differ.
    student = Campaign.objects.filter(version__survey__code="student").first().survey
    means = [g.mean for g in selectors.compare_organizations(student) if g.mean is not None]
    assert len(set(means)) >= 4
    # One group stays below the minimum size: its figures are hidden.
    assert any(g.hidden for g in selectors.compare_organizations(student))
    # Responses carry their own dates, not the day the demo ran.
    assert Response.objects.filter(submitted_on__year=2025).count() >= 80
    # The 2025 summary is on the public site.
    published = Campaign.objects.filter(summary_published_at__isnull=False)
    assert published.exists() and all(c.opens_on.year == 2025 for c in published)
    assert published.first().title in client.get(reverse("surveys:published")).content.decode()
    # The latest campaigns are open and wait for some answers.
    open_now = Campaign.objects.filter(status="open", closes_on__gte=timezone.localdate())
    assert Invitation.objects.filter(campaign__in=open_now, answered_on__isnull=True).exists()
    assert Response.objects.filter(campaign__in=open_now).exists()
    # Written answers in Russian and Kazakh.
    texts = " ".join(Response.objects.filter(answers__text__gt="").values_list("answers__text", flat=True))
    assert "Преподаватели" in texts or "Библиотека" in texts
    assert "ә" in texts or "қ" in texts


def test_the_demo_s_satisfaction_targets_are_signed_and_one_waits_for_the_director(seeded_demo, client):
    from surveys.models import SatisfactionTarget

    targets = SatisfactionTarget.objects.all()
    assert targets.filter(status="approved", approved_by__username="director").count() >= 2
    waiting = targets.get(status="proposed")
    client.force_login(waiting.set_by.__class__.objects.get(username="director"))
    home = client.get(reverse("core:dashboard")).content.decode()
    assert reverse("reporting:satisfaction_target_approve", args=[waiting.pk]) in home
