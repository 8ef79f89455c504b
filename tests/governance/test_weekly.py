"""The weekly meeting (§4.4.2, §7.2.3): prepared with an agenda pulled from the plans and
projects, attendance, a note per line, short minutes and actions that stay on the owners'
dashboards until done; closing it fixes the record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.dashboard import dashboard_for
from core.roles import Role
from governance.models import (
    Goal,
    ImplementationPlan,
    PlanItem,
    Strategy,
    StrategyVersion,
    Task,
    WeeklyAction,
    WeeklyAgendaLine,
    WeeklyMeeting,
    WorkPlan,
    WorkPlanItem,
)
from governance.services import weekly as services
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
D = datetime.date
K = WeeklyAgendaLine.Kind
MONDAY = D(2026, 3, 2)


def plan_item_due(author, owner, due: datetime.date, title: str = "Самооценка ENQA") -> PlanItem:
    """An item of the year's implementation plan, written straight to the database."""
    plan = ImplementationPlan.objects.filter(year=due.year).first()
    if plan is None:
        strategy = Strategy.objects.create(
            title="Стратегия", period_start=2025, period_end=2029, created_by=author
        )
        version = StrategyVersion.objects.create(
            strategy=strategy, number=1, status="approved", created_by=author
        )
        Task.objects.create(
            goal=Goal.objects.create(version=version, position=1, title="Цель"), position=1, title="Задача"
        )
        plan = ImplementationPlan.objects.create(strategy_version=version, year=due.year, created_by=author)
    task = Task.objects.get(goal__version=plan.strategy_version)
    return PlanItem.objects.create(plan=plan, task=task, title=title, owner=owner, due_date=due)


@pytest.fixture
def world(qms_owner, project_manager, staff_member):
    overdue = plan_item_due(qms_owner, staff_member, D(2026, 2, 20), "Отчёт об аудите")
    due = plan_item_due(qms_owner, project_manager, D(2026, 3, 5), "Семинар для экспертов")
    later = plan_item_due(qms_owner, staff_member, D(2026, 3, 20), "Опрос вузов")
    done = plan_item_due(qms_owner, staff_member, D(2026, 2, 1), "Сделано")
    PlanItem.objects.filter(pk=done.pk).update(status="done")
    project = ProjectFactory(stage_due=D(2026, 3, 4), status="visit", project_manager=project_manager)
    ProjectFactory(stage_due=D(2026, 3, 12), status="visit")
    plan = WorkPlan.objects.create(
        author=project_manager, period="month", year=2026, number=3, status="approved"
    )
    work = WorkPlanItem.objects.create(
        work_plan=plan, title="Визит ВЭК", due_date=D(2026, 3, 6), project=project
    )
    return {"overdue": overdue, "due": due, "later": later, "project": project, "work": work}


@pytest.fixture
def meeting(world, qms_owner):
    return services.weekly_meeting_prepare(actor=qms_owner, date=MONDAY)


def test_the_agenda_is_pulled_from_the_plans_and_projects(meeting, world):
    lines = [(line.kind, line.subject) for line in meeting.agenda.all()]
    assert lines == [
        (K.OVERDUE, world["overdue"]),
        (K.DUE, world["due"]),
        (K.WORK, world["work"]),
        (K.PROJECT, world["project"]),
    ]


def test_attendance_lists_the_staff(director, meeting, qms_owner, project_manager, staff_member):
    people = set(meeting.attendance.values_list("person", flat=True))
    assert {qms_owner.pk, project_manager.pk, staff_member.pk, director.pk} <= people
    assert not meeting.attendance.filter(present=True).exists()


def test_pulling_again_adds_only_what_is_new(meeting, qms_owner, staff_member):
    assert services.weekly_agenda_refresh(meeting=meeting, actor=qms_owner) == 0
    plan_item_due(qms_owner, staff_member, D(2026, 3, 8), "Новый пункт")
    assert services.weekly_agenda_refresh(meeting=meeting, actor=qms_owner) == 1
    assert meeting.agenda.count() == 5


def test_one_meeting_per_date_and_only_the_keepers_prepare(meeting, qms_owner, staff_member):
    with pytest.raises(ValidationError, match="already a weekly meeting"):
        services.weekly_meeting_prepare(actor=qms_owner, date=MONDAY)
    with pytest.raises(PermissionDenied):
        services.weekly_meeting_prepare(actor=staff_member, date=D(2026, 3, 9))
    assert WeeklyMeeting.objects.count() == 1


def test_an_action_without_owner_is_refused(meeting, qms_owner):
    with pytest.raises(ValidationError, match="Choose who owns the action"):
        services.weekly_action_add(
            meeting=meeting, actor=qms_owner, title="Позвонить", owner=None, due_date=MONDAY
        )
    assert not meeting.actions.exists()


def test_an_action_owner_is_staff_and_its_date_not_before_the_meeting(
    meeting, qms_owner, expert, staff_member
):
    with pytest.raises(ValidationError, match="member of the agency's staff"):
        services.weekly_action_add(meeting=meeting, actor=qms_owner, title="x", owner=expert, due_date=MONDAY)
    with pytest.raises(ValidationError, match="on or after"):
        services.weekly_action_add(
            meeting=meeting, actor=qms_owner, title="x", owner=staff_member, due_date=D(2026, 3, 1)
        )
    assert not meeting.actions.exists()


def test_an_action_is_on_its_owners_dashboard_until_done(meeting, qms_owner, staff_member):
    action = services.weekly_action_add(
        meeting=meeting,
        actor=qms_owner,
        title="Подготовить письмо в вуз",
        owner=staff_member,
        due_date=D(2026, 3, 6),
    )
    assert staff_member.notifications.filter(subject__startswith="Action from the weekly meeting").exists()
    board = dashboard_for(staff_member, today=MONDAY)
    assert "Подготовить письмо в вуз" in [t.title for t in board.due_soon]
    services.weekly_action_done(action=action, actor=staff_member)
    action.refresh_from_db()
    assert action.status == WeeklyAction.Status.DONE and action.history.count() == 2
    assert "Подготовить письмо в вуз" not in [
        t.title for t in dashboard_for(staff_member, today=MONDAY).due_soon
    ]


def test_only_the_owner_or_a_keeper_marks_an_action_done(meeting, qms_owner, staff_member, project_manager):
    action = services.weekly_action_add(
        meeting=meeting, actor=qms_owner, title="x", owner=staff_member, due_date=MONDAY
    )
    with pytest.raises(PermissionDenied):
        services.weekly_action_done(action=action, actor=project_manager)


def test_open_actions_are_on_the_next_meetings_agenda(meeting, qms_owner, staff_member):
    action = services.weekly_action_add(
        meeting=meeting, actor=qms_owner, title="Письмо", owner=staff_member, due_date=D(2026, 3, 13)
    )
    later = services.weekly_meeting_prepare(actor=qms_owner, date=D(2026, 3, 9))
    assert (K.ACTION, action) in [(line.kind, line.subject) for line in later.agenda.all()]


def test_closing_needs_minutes_and_attendance_then_fixes_the_record(meeting, qms_owner, staff_member):
    with pytest.raises(ValidationError, match="Write the minutes"):
        services.weekly_meeting_close(meeting=meeting, actor=qms_owner)
    line = meeting.agenda.first()
    services.weekly_record(
        meeting=meeting, actor=qms_owner, minutes="Обсудили отчёт.", notes={line.pk: "Готово на 80%"}
    )
    with pytest.raises(ValidationError, match="Mark who attended"):
        services.weekly_meeting_close(meeting=WeeklyMeeting.objects.get(pk=meeting.pk), actor=qms_owner)
    services.weekly_attendance_set(meeting=meeting, actor=qms_owner, present={qms_owner.pk, staff_member.pk})
    services.weekly_meeting_close(meeting=WeeklyMeeting.objects.get(pk=meeting.pk), actor=qms_owner)
    meeting.refresh_from_db()
    assert meeting.status == "closed" and meeting.closed_by == qms_owner
    with pytest.raises(ValidationError, match="record is fixed"):
        services.weekly_record(meeting=meeting, actor=qms_owner, minutes="Иначе", notes={})
    with pytest.raises(ValidationError, match="record is fixed"):
        services.weekly_action_add(
            meeting=meeting, actor=qms_owner, title="x", owner=staff_member, due_date=MONDAY
        )
    with pytest.raises(ValidationError, match="record is fixed"):
        services.weekly_attendance_set(meeting=meeting, actor=qms_owner, present=set())
    meeting.refresh_from_db()
    assert meeting.minutes == "Обсудили отчёт." and meeting.attendance.filter(present=True).count() == 2
    assert WeeklyAgendaLine.objects.get(pk=line.pk).note == "Готово на 80%"


# The pages


def test_the_keeper_records_the_meeting_on_its_page(client, meeting, qms_owner, staff_member):
    client.force_login(qms_owner)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Семинар для экспертов" in page and "Close the weekly meeting" in page
    line = meeting.agenda.first()
    url = reverse("governance:weekly_record", args=[meeting.pk])
    assert client.post(url, {"minutes": "Коротко", f"note-{line.pk}": "В работе"}).status_code == 302
    response = client.post(
        reverse("governance:weekly_action_add", args=[meeting.pk]),
        {"title": "Письмо", "due_date": "2026-03-06"},
        follow=True,
    )
    assert "Choose who owns the action" in response.content.decode() and not meeting.actions.exists()
    response = client.post(
        reverse("governance:weekly_action_add", args=[meeting.pk]),
        {"title": "Письмо", "owner": staff_member.pk, "due_date": "2026-03-06"},
    )
    assert meeting.actions.count() == 1
    client.post(reverse("governance:weekly_attendance", args=[meeting.pk]), {"present": [staff_member.pk]})
    client.post(reverse("governance:weekly_close", args=[meeting.pk]))
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "the record is fixed" in page and "<textarea" not in page


def test_staff_read_the_meeting_but_do_not_record_it(client, meeting, staff_member):
    client.force_login(staff_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Отчёт об аудите" in page and "<textarea" not in page and "Close the meeting" not in page
    response = client.post(reverse("governance:weekly_record", args=[meeting.pk]), {"minutes": "x"})
    assert response.status_code == 403


def test_an_expert_does_not_see_the_weekly_meetings(client, meeting, expert):
    client.force_login(expert)
    assert client.get(reverse("governance:weekly_list")).status_code == 403


def test_the_action_owner_marks_it_done_from_the_page(client, meeting, qms_owner, staff_member):
    action = services.weekly_action_add(
        meeting=meeting, actor=qms_owner, title="Письмо", owner=staff_member, due_date=MONDAY
    )
    client.force_login(staff_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("governance:weekly_action_done", args=[action.pk]) in page
    assert client.post(reverse("governance:weekly_action_done", args=[action.pk])).status_code == 302
    action.refresh_from_db()
    assert action.status == "done"


def test_nobody_but_staff_owns_an_action(make_person, meeting, qms_owner):
    board = make_person(Role.SUPERVISORY_BOARD, username="board_member")
    with pytest.raises(ValidationError):
        services.weekly_action_add(meeting=meeting, actor=qms_owner, title="x", owner=board, due_date=MONDAY)


def test_the_demo_work_plans_and_four_weeks_of_meetings(roles):
    from demo import governance as demo_governance
    from demo import governance_weekly
    from demo.people import seed_people

    people = seed_people()
    demo_governance.seed(people)
    ProjectFactory(status="visit", project_manager=people["pm"])
    governance_weekly.seed(people)
    governance_weekly.seed(people)
    assert sorted(WorkPlan.objects.values_list("status", flat=True)) == ["approved", "submitted"]
    meetings = WeeklyMeeting.objects.all()
    assert meetings.count() == 4 and {m.status for m in meetings} == {"closed"}
    for meeting in meetings:
        assert (
            meeting.minutes and meeting.agenda.exists() and meeting.attendance.filter(present=True).exists()
        )
    statuses = set(WeeklyAction.objects.values_list("status", flat=True))
    assert statuses == {"open", "done"}
    assert WeeklyAgendaLine.objects.exclude(note="").exists()
