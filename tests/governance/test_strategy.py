"""The strategy (§4.3): drafted by the IQAS owner, discussed, approved by the Director General's
signature, published to staff and experts, and on the public site when marked public."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import WorkflowEvent
from core.roles import Role
from governance import services
from governance.models import StrategySignature, StrategyVersion
from tests.factories import PASSWORD

S = StrategyVersion.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(qms_owner):
    strategy = services.strategy_create(
        actor=qms_owner, title="Стратегия НААР", period_start=2025, period_end=2029
    )
    version = strategy.versions.get()
    services.version_edit(
        version=version, actor=qms_owner, mission="Миссия", vision="Видение", values="Ценности"
    )
    goal = services.goal_add(version=version, actor=qms_owner, title="Признание")
    services.task_add(goal=goal, actor=qms_owner, title="Пройти внешний обзор ENQA")
    services.indicator_add(
        goal=goal,
        actor=qms_owner,
        name="Доля удовлетворённых вузов",
        unit="%",
        baseline=80,
        targets={2025: 82, 2026: 84, 2027: 86, 2028: 88, 2029: 90},
    )
    return version


def _discussed(version, actor):
    services.version_discuss(version=version, actor=actor)
    services.version_edit(
        version=version,
        actor=actor,
        mission=version.mission,
        vision=version.vision,
        values=version.values,
        discussed_on=datetime.date(2025, 1, 20),
        discussed_by="Наблюдательный совет",
        minutes=SimpleUploadedFile("minutes.txt", b"The board discussed the draft."),
    )
    return version


def test_the_director_signs_and_the_version_becomes_effective(draft, qms_owner, director):
    _discussed(draft, qms_owner)
    services.version_approve(version=draft, actor=director, password=PASSWORD)
    draft.refresh_from_db()
    assert draft.status == S.APPROVED and draft.approved_by == director
    signature = StrategySignature.objects.get(version=draft)
    assert signature.content_sha256 == services.content_sha256(draft)
    # One history row and one event per move.
    assert draft.history.filter(status=S.APPROVED).count() == 1
    assert WorkflowEvent.objects.filter(object_id=draft.pk, to_state=S.APPROVED).count() == 1
    assert draft.strategy.effective_version == draft


def test_a_wrong_password_saves_nothing(draft, qms_owner, director):
    _discussed(draft, qms_owner)
    with pytest.raises(ValidationError, match="The password is not right"):
        services.version_approve(version=draft, actor=director, password="wrong")
    draft.refresh_from_db()
    assert draft.status == S.DISCUSSION
    assert not StrategySignature.objects.exists()


def test_only_the_director_approves(draft, qms_owner):
    _discussed(draft, qms_owner)
    with pytest.raises(PermissionDenied):
        services.version_approve(version=draft, actor=qms_owner, password=PASSWORD)


def test_an_undiscussed_draft_cannot_be_approved(draft, qms_owner, director):
    services.version_discuss(version=draft, actor=qms_owner)
    with pytest.raises(ValidationError, match="Record the draft's discussion"):
        services.version_approve(version=draft, actor=director, password=PASSWORD)


def test_a_new_version_supersedes_the_effective_one(draft, qms_owner, director):
    _discussed(draft, qms_owner)
    services.version_approve(version=draft, actor=director, password=PASSWORD)
    second = services.version_new(strategy=draft.strategy, actor=qms_owner)
    assert second.number == 2 and second.goals.get().indicators.get().targets.count() == 5
    with pytest.raises(ValidationError):
        services.version_new(strategy=draft.strategy, actor=qms_owner)
    _discussed(second, qms_owner)
    services.version_approve(version=second, actor=director, password=PASSWORD)
    draft.refresh_from_db()
    assert draft.status == S.SUPERSEDED
    assert draft.strategy.effective_version == second


def test_an_approved_version_is_never_edited(draft, qms_owner, director):
    _discussed(draft, qms_owner)
    services.version_approve(version=draft, actor=director, password=PASSWORD)
    with pytest.raises(ValidationError):
        services.version_edit(version=draft, actor=qms_owner, mission="x", vision="", values="")
    with pytest.raises(ValidationError):
        services.goal_add(version=draft, actor=qms_owner, title="x")


def test_an_indicator_needs_a_target_for_every_year(draft, qms_owner):
    goal = draft.goals.get()
    with pytest.raises(ValidationError, match="missing: 2028, 2029"):
        services.indicator_add(
            goal=goal, actor=qms_owner, name="x", unit="", baseline=1, targets={2025: 1, 2026: 1, 2027: 1}
        )
    assert goal.indicators.count() == 1


def test_staff_cannot_edit(draft, make_person):
    with pytest.raises(PermissionDenied):
        services.goal_add(version=draft, actor=make_person(Role.STAFF), title="x")


# Pages


def _approved(draft, qms_owner, director, public=False):
    _discussed(draft, qms_owner)
    services.version_approve(version=draft, actor=director, password=PASSWORD)
    services.strategy_publish(strategy=draft.strategy, actor=qms_owner, is_public=public)
    return draft


def test_experts_and_staff_read_the_effective_strategy(draft, qms_owner, director, client_as):
    _approved(draft, qms_owner, director)
    for role in (Role.EXPERT, Role.STAFF):
        client = client_as(role)
        page = client.get(reverse("governance:strategy_list"))
        assert "Стратегия НААР" in page.content.decode()
        page = client.get(reverse("governance:version_detail", args=[draft.pk]))
        assert page.status_code == 200
        assert "Пройти внешний обзор ENQA" in page.content.decode()


def test_staff_do_not_see_drafts(draft, client_as):
    client = client_as(Role.STAFF)
    assert client.get(reverse("governance:version_detail", args=[draft.pk])).status_code == 404


def test_the_public_page_shows_only_a_public_strategy(draft, qms_owner, director, client):
    _approved(draft, qms_owner, director)
    url = reverse("governance_public:public_strategy", args=[draft.strategy.pk])
    assert client.get(url).status_code == 404
    services.strategy_publish(strategy=draft.strategy, actor=qms_owner, is_public=True)
    page = client.get(url)
    assert page.status_code == 200 and "Миссия" in page.content.decode()


def test_a_wrong_password_on_the_page_says_so(draft, qms_owner, director, client):
    _discussed(draft, qms_owner)
    client.force_login(director)
    page = client.post(reverse("governance:version_approve", args=[draft.pk]), {"password": "wrong"})
    assert page.status_code == 200
    assert "The password is not right; nothing was signed." in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DISCUSSION


def test_the_director_approves_on_the_page(draft, qms_owner, director, client):
    _discussed(draft, qms_owner)
    client.force_login(director)
    page = client.post(
        reverse("governance:version_approve", args=[draft.pk]), {"password": PASSWORD}, follow=True
    )
    assert "Approved and signed" in page.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.APPROVED


def test_a_missing_target_on_the_page_is_a_message(draft, qms_owner, client):
    client.force_login(qms_owner)
    goal = draft.goals.get()
    page = client.post(
        reverse("governance:indicator_add", args=[goal.pk]),
        {"name": "x", "unit": "", "baseline": "1", "target_2025": "1"},
    )
    assert page.status_code == 200
    assert goal.indicators.count() == 1


def test_the_menu_shows_the_strategy_to_staff_not_to_organizations(client_as):
    assert (
        reverse("governance:strategy_list")
        in client_as(Role.STAFF).get(reverse("core:dashboard")).content.decode()
    )
    eo = client_as(Role.EO_REPRESENTATIVE)
    assert reverse("governance:strategy_list") not in eo.get(reverse("core:dashboard")).content.decode()
    assert eo.get(reverse("governance:strategy_list")).status_code == 403


def test_the_iqas_owner_builds_a_strategy_through_the_pages(qms_owner, client):
    client.force_login(qms_owner)
    page = client.post(
        reverse("governance:strategy_create"),
        {"title": "Стратегия", "period_start": 2025, "period_end": 2029},
        follow=True,
    )
    assert page.status_code == 200
    version = StrategyVersion.objects.get()
    page = client.post(reverse("governance:goal_add", args=[version.pk]), {"title": "Цель"}, follow=True)
    assert "Цель" in page.content.decode()
    page = client.post(reverse("governance:version_discuss", args=[version.pk]), follow=True)
    version.refresh_from_db()
    assert version.status == S.DISCUSSION
