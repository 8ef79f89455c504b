"""The implementation plan is a draft until the Director General approves it with a signature
(§4.4.1), once a collegial body has discussed it: a "strategy or plan approval" item names the
plan, the body's adoption records the meeting on the plan. Refusals save nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from governance.models import ImplementationPlan, PlanSignature
from governance.models.bodies import MeetingItem
from governance.services import bodies as services
from governance.services import plan as plans
from governance.services.plan_approval import plan_approve
from tests.factories import PASSWORD
from tests.governance.test_plan import plan  # noqa: F401  (the fixture)
from tests.governance.test_strategy_discussion import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db
P = ImplementationPlan.Status
D = datetime.date


@pytest.fixture
def draft(plan, qms_owner):  # noqa: F811
    task = plan.strategy_version.goals.get().tasks.get()
    plans.item_add(
        plan=plan, actor=qms_owner, task=task, title="Отчёт", owner=qms_owner, due_date=D(2026, 5, 1)
    )
    return plan


def _discuss(world, plan, choices=("for", "for", "against")):  # noqa: F811
    sec = world["sec"]
    item = services.item_add(
        meeting=world["meeting"],
        actor=sec,
        kind=MeetingItem.Kind.STRATEGY,
        title="",
        implementation_plan=plan,
    )
    services.attendance_record(
        meeting=world["meeting"], actor=sec, present_ids=[world[n].pk for n in ("chair", "sec", "m1")]
    )
    services.meeting_open(meeting=world["meeting"], actor=sec)
    for name, choice in zip(("chair", "sec", "m1"), choices, strict=True):
        services.vote_cast(item=item, actor=world[name], choice=choice)
    services.item_decide(item=item, actor=sec, decision_text="Одобрить план")
    item.refresh_from_db()
    return item


def test_a_new_plan_is_a_draft_and_is_not_approved_before_a_body_discusses_it(draft, director):
    assert draft.status == P.DRAFT
    with pytest.raises(ValidationError, match="collegial body discusses the plan first"):
        plan_approve(plan=draft, actor=director, password=PASSWORD)
    draft.refresh_from_db()
    assert draft.status == P.DRAFT and not PlanSignature.objects.exists()


def test_the_body_s_adoption_records_the_discussion_and_the_director_signs(draft, world, director):  # noqa: F811
    item = _discuss(world, draft)
    assert item.title == ""
    with translation.override("en"):
        assert item.display_title == "Discussion of the implementation plan for 2026"
    draft.refresh_from_db()
    assert draft.discussed_at == world["meeting"]
    with pytest.raises(PermissionDenied):
        plan_approve(plan=draft, actor=world["qms"], password=PASSWORD)
    with pytest.raises(ValidationError, match="password"):
        plan_approve(plan=draft, actor=director, password="wrong")
    draft.refresh_from_db()
    assert draft.status == P.DRAFT and not PlanSignature.objects.exists()
    plan_approve(plan=draft, actor=director, password=PASSWORD)
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by) == (P.APPROVED, director)
    assert PlanSignature.objects.get(plan=draft).signer == director
    assert draft.history.first().history_user == director


def test_a_rejected_item_records_nothing_and_an_approved_plan_is_not_discussed_again(draft, world, director):  # noqa: F811
    _discuss(world, draft, ("against", "against", "for"))
    draft.refresh_from_db()
    assert draft.discussed_at is None
    draft.discussed_at = world["meeting"]
    draft.save()
    plan_approve(plan=draft, actor=director, password=PASSWORD)
    meeting = services.meeting_create(
        actor=world["sec"], body=world["meeting"].body, number="8", date=world["meeting"].date
    )
    with pytest.raises(ValidationError, match="approved already"):
        services.item_add(
            meeting=meeting,
            actor=world["sec"],
            kind=MeetingItem.Kind.STRATEGY,
            title="",
            implementation_plan=draft,
        )
    assert not meeting.items.exists()


def test_the_director_approves_on_the_plan_s_page(draft, world, director, client):  # noqa: F811
    _discuss(world, draft)
    url = reverse("governance:plan_approve", args=[draft.pk])
    client.force_login(world["qms"])
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "data-plan-draft" in page and url not in page
    assert client.get(url).status_code == 403
    client.force_login(director)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert url in page
    assert url in client.get(reverse("core:dashboard")).content.decode()
    refused = client.post(url, {"password": "wrong"})
    assert refused.status_code == 200
    draft.refresh_from_db()
    assert draft.status == P.DRAFT
    assert client.post(url, {"password": PASSWORD}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == P.APPROVED
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "data-plan-approved" in page and url not in page
