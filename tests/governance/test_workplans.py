"""Project managers' work plans (§4.4.2): a plan per person per month or quarter, its items due
within the period and linked to a plan item or a project; submitted by the manager, approved or
returned with a reason by the head (the Director General), items reported done; all kept."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.dashboard import dashboard_for
from core.models import WorkflowEvent
from core.roles import Role
from governance.models import WorkPlan, WorkPlanItem
from governance.services import workplans as services
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date
WP = WorkPlan.Status


@pytest.fixture
def project():
    return ProjectFactory()


@pytest.fixture
def draft(project_manager):
    return services.workplan_create(actor=project_manager, period="quarter", year=2026, number=2)


@pytest.fixture
def submitted(draft, project_manager, project):
    services.workitem_add(
        plan=draft, actor=project_manager, title="Визит ВЭК", due_date=D(2026, 5, 20), project=project
    )
    return services.workplan_submit(plan=draft, actor=project_manager)


def test_a_quarter_plan_covers_its_three_months(draft):
    assert (draft.starts, draft.ends) == (D(2026, 4, 1), D(2026, 6, 30))
    month = WorkPlan(period="month", year=2026, number=2)
    assert (month.starts, month.ends) == (D(2026, 2, 1), D(2026, 2, 28))


def test_one_plan_per_person_and_period(draft, project_manager):
    with pytest.raises(ValidationError, match="already have a work plan"):
        services.workplan_create(actor=project_manager, period="quarter", year=2026, number=2)
    with pytest.raises(ValidationError, match="month or quarter"):
        services.workplan_create(actor=project_manager, period="quarter", year=2026, number=5)
    assert WorkPlan.objects.count() == 1


def test_only_a_project_manager_draws_up_a_plan(staff_member):
    with pytest.raises(PermissionDenied):
        services.workplan_create(actor=staff_member, period="month", year=2026, number=1)


def test_an_item_due_outside_the_period_is_refused(draft, project_manager, project):
    with pytest.raises(ValidationError, match="within the plan's period"):
        services.workitem_add(
            plan=draft, actor=project_manager, title="Визит", due_date=D(2026, 7, 1), project=project
        )
    assert not draft.items.exists()


def test_an_item_is_linked_to_a_plan_item_or_a_project(draft, project_manager):
    with pytest.raises(ValidationError, match="Link the item"):
        services.workitem_add(plan=draft, actor=project_manager, title="Визит", due_date=D(2026, 5, 1))
    assert not draft.items.exists()


def test_an_item_links_a_plan_item_of_the_same_year(draft, project_manager, qms_owner):
    from tests.governance.test_weekly import plan_item_due

    item = plan_item_due(qms_owner, project_manager, D(2026, 5, 30))
    services.workitem_add(
        plan=draft, actor=project_manager, title="Отчёт", due_date=D(2026, 5, 25), plan_item=item
    )
    other = WorkPlan.objects.create(author=project_manager, period="month", year=2027, number=1)
    with pytest.raises(ValidationError, match="implementation plan of 2027"):
        services.workitem_add(
            plan=other, actor=project_manager, title="x", due_date=D(2027, 1, 5), plan_item=item
        )


def test_an_empty_plan_is_not_submitted(draft, project_manager):
    with pytest.raises(ValidationError, match="at least one item"):
        services.workplan_submit(plan=draft, actor=project_manager)
    draft.refresh_from_db()
    assert draft.status == WP.DRAFT


def test_the_director_approves_and_the_manager_is_told(submitted, director, project_manager):
    services.workplan_approve(plan=submitted, actor=director)
    submitted.refresh_from_db()
    assert submitted.status == WP.APPROVED and submitted.decided_by == director
    assert submitted.history.count() >= 3
    assert WorkflowEvent.objects.filter(object_id=submitted.pk, to_state=WP.APPROVED, actor=director).exists()
    assert project_manager.notifications.filter(subject__contains="is approved").exists()


def test_approval_by_someone_not_the_head_is_refused(submitted, project_manager, qms_owner, make_person):
    for person in (project_manager, qms_owner, make_person(Role.PROJECT_MANAGER, username="pm2")):
        with pytest.raises(PermissionDenied):
            services.workplan_approve(plan=submitted, actor=person)
    submitted.refresh_from_db()
    assert submitted.status == WP.SUBMITTED


def test_the_head_never_approves_their_own_plan(make_person):
    both = make_person(Role.DIRECTOR, Role.PROJECT_MANAGER, username="both")
    plan = services.workplan_create(actor=both, period="month", year=2026, number=4)
    services.workitem_add(plan=plan, actor=both, title="x", due_date=D(2026, 4, 2), project=ProjectFactory())
    services.workplan_submit(plan=plan, actor=both)
    with pytest.raises(PermissionDenied):
        services.workplan_approve(plan=plan, actor=both)


def test_returning_needs_a_reason(submitted, director):
    with pytest.raises(ValidationError, match="Say why"):
        services.workplan_return(plan=submitted, actor=director, reason="  ")
    submitted.refresh_from_db()
    assert submitted.status == WP.SUBMITTED and submitted.return_reason == ""


def test_a_returned_plan_is_changed_and_submitted_again(submitted, director, project_manager, project):
    services.workplan_return(plan=submitted, actor=director, reason="Добавьте сроки по отчёту ВЭК")
    submitted.refresh_from_db()
    assert submitted.status == WP.RETURNED and "отчёту" in submitted.return_reason
    services.workitem_add(
        plan=submitted, actor=project_manager, title="Отчёт ВЭК", due_date=D(2026, 6, 10), project=project
    )
    services.workplan_submit(plan=submitted, actor=project_manager)
    services.workplan_approve(plan=submitted, actor=director)
    assert list(WorkflowEvent.objects.filter(object_id=submitted.pk).values_list("to_state", flat=True)) == [
        "",
        "submitted",
        "returned",
        "submitted",
        "approved",
    ]


def test_an_approved_plan_is_not_changed_until_made_a_draft(submitted, director, project_manager, project):
    services.workplan_approve(plan=submitted, actor=director)
    with pytest.raises(ValidationError, match="Only a draft or a returned plan"):
        services.workitem_add(
            plan=submitted, actor=project_manager, title="x", due_date=D(2026, 5, 2), project=project
        )
    services.workplan_revise(plan=submitted, actor=project_manager)
    assert submitted.status == WP.DRAFT


def test_the_manager_reports_items_of_an_approved_plan_done(submitted, director, project_manager):
    item = submitted.items.get()
    with pytest.raises(ValidationError, match="once the plan is approved"):
        services.workitem_done(item=item, actor=project_manager)
    services.workplan_approve(plan=submitted, actor=director)
    with pytest.raises(PermissionDenied):
        services.workitem_done(item=WorkPlanItem.objects.get(pk=item.pk), actor=director)
    services.workitem_done(
        item=WorkPlanItem.objects.get(pk=item.pk), actor=project_manager, note="Визит проведён"
    )
    item.refresh_from_db()
    assert item.status == WorkPlanItem.Status.DONE and item.done_note == "Визит проведён"


def test_dashboards_show_due_items_and_plans_awaiting_approval(submitted, director, project_manager):
    assert any("awaits" in t.detail or "Approve" in t.detail for t in dashboard_for(director).waiting)
    services.workplan_approve(plan=submitted, actor=director)
    board = dashboard_for(project_manager, today=D(2026, 5, 10))
    assert "Визит ВЭК" in [t.title for t in board.due_soon + board.waiting + board.overdue]
    assert not any("Work plan of" in t.title for t in dashboard_for(director).waiting)


# The pages


def test_the_manager_draws_up_a_plan_and_adds_an_item_on_the_pages(client, project_manager, project):
    client.force_login(project_manager)
    response = client.post(
        reverse("governance:workplan_create"), {"period": "month", "year": 2026, "number": 5}
    )
    plan = WorkPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    url = reverse("governance:workitem_add", args=[plan.pk])
    response = client.post(url, {"title": "Визит", "due_date": "2026-06-03", "project": project.pk})
    assert response.status_code == 200
    assert "within the plan&#x27;s period" in response.content.decode() and not plan.items.exists()
    response = client.post(url, {"title": "Визит", "due_date": "2026-05-13", "project": project.pk})
    assert response.status_code == 302 and plan.items.count() == 1
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Submit for approval" in page and "Approve" not in page


def test_the_director_returns_a_plan_without_a_reason_and_sees_a_message(client, director, submitted):
    client.force_login(director)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert reverse("governance:workplan_approve", args=[submitted.pk]) in page
    response = client.post(reverse("governance:workplan_return", args=[submitted.pk]), {"reason": ""})
    assert response.status_code == 200 and "Say why the plan is returned" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == WP.SUBMITTED


def test_a_manager_cannot_approve_by_posting(client, project_manager, submitted):
    client.force_login(project_manager)
    response = client.post(reverse("governance:workplan_approve", args=[submitted.pk]))
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == WP.SUBMITTED


def test_another_manager_does_not_see_the_plan(client, make_person, submitted):
    client.force_login(make_person(Role.PROJECT_MANAGER, username="pm_other"))
    assert client.get(submitted.get_absolute_url()).status_code == 404
    assert "Визит" not in client.get(reverse("governance:workplan_list")).content.decode()


def test_the_timeline_names_what_happened(submitted, director):
    services.workplan_approve(plan=submitted, actor=director)
    actions = list(WorkflowEvent.objects.filter(object_id=submitted.pk).values_list("action", flat=True))
    assert actions == ["Work plan drawn up", "Submitted for approval", "Work plan approved"]
