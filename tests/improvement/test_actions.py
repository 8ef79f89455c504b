"""Actions shared by corrective actions and risks: preventive actions on a risk, the owner's
"My actions", the dashboard, and the escalation ladder of overdue actions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from core.dashboard import dashboard_for
from core.models import Notification
from core.roles import Role
from improvement.models import Action, Risk
from improvement.services import actions, risks
from tests.improvement.capa_world import open_capa, to_actions_step, to_verification

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def risk(world) -> Risk:
    return risks.risk_record(
        actor=world.owner,
        title="An expert with an undeclared conflict sits on a commission",
        process=world.process,
        owner=world.owner,
        likelihood=3,
        impact=4,
        review_on=timezone.localdate(),
    )


def _risk_action(world, risk, due_on, owner=None) -> Action:
    return actions.action_add(
        actor=world.owner,
        risk=risk,
        description="Check declarations before the visit",
        owner=owner or world.doer,
        due_on=due_on,
        today=due_on,
    )


def test_the_risk_owner_adds_a_preventive_action_that_its_owner_completes(client, world, risk):
    client.force_login(world.owner)
    due = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        reverse("improvement:risk_action_add", args=[risk.pk]),
        {
            "description": "Check declarations before the visit",
            "owner": world.doer.pk,
            "due_on": due.isoformat(),
        },
        follow=True,
    )
    assert "The preventive action is added" in response.content.decode()
    action = risk.actions.get()
    assert (action.owner, action.due_on, action.status) == (world.doer, due, "open")
    assert Notification.objects.filter(recipient=world.doer, subject__startswith="Action").exists()
    # The action's owner reads the risk (without the risk role) and marks the action done.
    client.force_login(world.doer)
    page = client.get(reverse("improvement:risk_detail", args=[risk.pk])).content.decode()
    assert "Preventive actions" in page and "Mark done" in page
    response = client.post(
        reverse("improvement:action_complete", args=[action.pk]),
        {"evidence": "All five declarations checked on 1 March."},
        follow=True,
    )
    action.refresh_from_db()
    assert action.status == "done" and action.done_by == world.doer
    assert "All five declarations checked" in response.content.decode()


def test_someone_who_may_not_change_the_risk_cannot_add_actions(client, world, risk):
    with pytest.raises(PermissionDenied):
        actions.action_add(
            actor=world.staff, risk=risk, description="Mine", owner=world.doer, due_on=timezone.localdate()
        )
    client.force_login(world.staff)
    due = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("improvement:risk_action_add", args=[risk.pk]),
        {"description": "x", "owner": world.doer.pk, "due_on": due},
    )
    assert response.status_code == 403
    assert not Action.objects.exists()


def test_a_due_date_in_the_past_is_refused_with_a_message(client, world, risk):
    client.force_login(world.owner)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("improvement:risk_action_add", args=[risk.pk]),
        {"description": "Check declarations", "owner": world.doer.pk, "due_on": yesterday},
    )
    assert response.status_code == 200
    assert "The due date cannot be in the past." in response.content.decode()
    assert not Action.objects.exists()


def test_my_actions_lists_open_ones_first_and_the_qms_owner_sees_every_overdue_one(client, world, risk):
    late = _risk_action(world, risk, TODAY)
    soon = _risk_action(world, risk, timezone.localdate() + datetime.timedelta(days=2))
    done = _risk_action(world, risk, timezone.localdate() + datetime.timedelta(days=1))
    actions.action_complete(action=done, actor=world.doer, evidence="Done early")
    client.force_login(world.doer)
    html = client.get(reverse("improvement:action_list")).content.decode()
    assert html.index(late.number) < html.index(soon.number) < html.index(done.number)
    assert "overdue" in html and "Every overdue action" not in html
    client.force_login(world.qms)
    html = client.get(reverse("improvement:action_list")).content.decode()
    assert "Every overdue action" in html and late.number in html and soon.number not in html


def test_the_dashboard_shows_my_actions_steps_waiting_for_me_and_checks_to_make(world, risk):
    late = _risk_action(world, risk, TODAY)
    board = dashboard_for(world.doer)
    assert [t.title for t in board.overdue if t.title.startswith(late.number)]
    corrective = open_capa(world)
    waiting = dashboard_for(world.owner).waiting
    assert any(corrective.number in t.title and "Step waiting for you" in t.detail for t in waiting)
    corrective = to_verification(world, corrective)
    for verifier in (world.auditor, world.director, world.qms):
        items = [*dashboard_for(verifier).waiting, *dashboard_for(verifier).due_soon]
        assert any("Verify the effectiveness" in t.detail for t in items), verifier
    owner_items = dashboard_for(world.owner).waiting
    assert not any("Verify the effectiveness" in t.detail for t in owner_items)
    assert not any("Verify the effectiveness" in t.detail for t in dashboard_for(world.doer).waiting)


@override_settings(IAAR_ACTION_ESCALATE_AFTER_DAYS=7)
def test_the_escalation_ladder_reminds_once_then_escalates_once(world, risk):
    action = _risk_action(world, risk, TODAY)
    assert actions.actions_escalate(today=TODAY) == 0  # due today: not late yet
    day1 = TODAY + datetime.timedelta(days=1)
    assert actions.actions_escalate(today=day1) == 1
    assert actions.actions_escalate(today=day1) == 0  # a second run the same day sends nothing
    action.refresh_from_db()
    assert action.reminded_on == day1 and action.escalated_on is None
    reminders = Notification.objects.filter(
        recipient=world.doer, subject__startswith="Action %(number)s was due"
    )
    assert reminders.count() == 1
    assert actions.actions_escalate(today=day1 + datetime.timedelta(days=6)) == 0
    day8 = day1 + datetime.timedelta(days=7)
    assert actions.actions_escalate(today=day8) == 1
    assert actions.actions_escalate(today=day8 + datetime.timedelta(days=5)) == 0
    action.refresh_from_db()
    assert action.escalated_on == day8
    escalations = Notification.objects.filter(subject__startswith="Escalated")
    assert [n.recipient for n in escalations] == [world.qms]
    assert escalations.get().subject_text.endswith("is 8 days overdue")
    assert reminders.count() == 1


def test_done_actions_are_never_chased(world, risk):
    action = _risk_action(world, risk, TODAY)
    actions.action_complete(action=action, actor=world.doer, evidence="Done")
    assert actions.actions_escalate(today=TODAY + datetime.timedelta(days=30)) == 0


def test_the_task_runs_by_its_name(world, risk, django_capture_on_commit_callbacks):
    from celery import current_app

    import improvement.tasks  # noqa: F401  (registers the task)

    _risk_action(world, risk, TODAY)
    task = current_app.tasks["improvement.tasks.escalate_overdue_actions"]
    with django_capture_on_commit_callbacks(execute=True):
        assert task.apply().get() == 1
        assert task.apply().get() == 0


def test_actions_are_added_to_a_capa_only_at_steps_three_and_four(world):
    corrective = open_capa(world)
    with pytest.raises(ValidationError, match="step 3"):
        actions.action_add(
            actor=world.owner,
            capa=corrective,
            description="Early",
            owner=world.doer,
            due_on=timezone.localdate(),
        )
    corrective = to_actions_step(world, corrective)
    action = actions.action_add(
        actor=world.qms, capa=corrective, description="Now", owner=world.doer, due_on=timezone.localdate()
    )
    assert action.number.startswith(f"ACT-{timezone.localdate().year}-")


def test_a_cancelled_action_does_not_hold_up_step_four(world):
    from improvement.services import capa

    corrective = to_actions_step(world, open_capa(world))
    extra = actions.action_add(
        actor=world.owner,
        capa=corrective,
        description="Not needed",
        owner=world.doer,
        due_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="Say why"):
        actions.action_cancel(action=extra, actor=world.owner, reason="")
    with pytest.raises(PermissionDenied):
        actions.action_cancel(action=extra, actor=world.doer, reason="I don't want to")
    actions.action_cancel(action=extra, actor=world.owner, reason="Covered by the other action")
    from tests.improvement.capa_world import done_action

    done_action(world, corrective)
    assert capa.capa_advance(capa=corrective, actor=world.owner).step == "results"


def test_staff_without_role_cannot_open_a_third_persons_action(client, make_person, world, risk):
    action = _risk_action(world, risk, TODAY)
    client.force_login(make_person(Role.STAFF, username="someone_else"))
    assert client.get(reverse("improvement:action_complete", args=[action.pk])).status_code == 404
