"""The permission matrix's rows for the work plans and the weekly meetings (see
tests/test_permission_matrix.py): each view is opened on a third person's record in the state
it works in; who may is the view's own declaration (opens=, moves=)."""

import datetime

POST_ONLY: set[str] = {
    "governance:workplan_submit",
    "governance:workplan_approve",
    "governance:workplan_revise",
    "governance:workitem_done",
    "governance:weekly_attendance",
    "governance:weekly_record",
    "governance:weekly_refresh",
    "governance:weekly_action_add",
    "governance:weekly_close",
    "governance:weekly_action_done",
}

# The state of the work plan each view works in.
WORKPLAN_STATES = {
    "workplan_detail": "submitted",
    "workitem_add": "draft",
    "workplan_submit": "draft",
    "workplan_approve": "submitted",
    "workplan_return": "submitted",
    "workplan_revise": "approved",
    "workitem_done": "approved",
}
WEEKLY_VIEWS = {
    "weekly_detail",
    "weekly_attendance",
    "weekly_record",
    "weekly_refresh",
    "weekly_action_add",
    "weekly_close",
    "weekly_action_done",
}


def _workplan(state: str):
    """A third person's work plan with one item linked to an accreditation project, written
    straight to the database (the services are tested on their own)."""
    from governance.models import WorkPlan, WorkPlanItem
    from tests.factories import ProjectFactory, UserFactory

    author = UserFactory(username=f"matrix_wp_{state}_{WorkPlan.objects.count()}")
    plan = WorkPlan.objects.create(author=author, period="month", year=2026, number=3, status=state)
    item = WorkPlanItem.objects.create(
        work_plan=plan, title="Visit", due_date=datetime.date(2026, 3, 20), project=ProjectFactory()
    )
    return plan, item


def _meeting():
    from governance.models import WeeklyAction, WeeklyAttendance, WeeklyMeeting
    from tests.factories import UserFactory

    made = WeeklyMeeting.objects.count()  # several views' objects at once: one date each
    keeper = UserFactory(username=f"matrix_weekly_keeper_{made}")
    meeting = WeeklyMeeting.objects.create(
        date=datetime.date(2026, 3, 2) + datetime.timedelta(weeks=made), prepared_by=keeper, minutes="Minutes"
    )
    WeeklyAttendance.objects.create(meeting=meeting, person=keeper, present=True)
    action = WeeklyAction.objects.create(
        meeting=meeting, title="Call", owner=keeper, due_date=datetime.date(2026, 3, 9)
    )
    return meeting, action


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "governance":
        return None
    if view in WORKPLAN_STATES:
        plan, item = _workplan(WORKPLAN_STATES[view])
        return {"pk": item.pk if view == "workitem_done" else plan.pk}
    if view in WEEKLY_VIEWS:
        meeting, action = _meeting()
        return {"pk": action.pk if view == "weekly_action_done" else meeting.pk}
    if view in ("workplan_list", "workplan_create", "weekly_list", "weekly_prepare"):
        return {}
    return None


def post_data(name: str) -> dict | None:
    if name == "governance:weekly_action_add":
        return {"title": "Call the university", "due_date": "2026-03-09"}
    return None
