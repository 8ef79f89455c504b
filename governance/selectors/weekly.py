"""The weekly meetings are read by the agency's staff; the actions of each person."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..models import WeeklyAction, WeeklyMeeting


def meetings_for(user) -> QuerySet[WeeklyMeeting]:
    if user.is_authenticated and user.has_perm("governance.view_weeklymeeting"):
        return WeeklyMeeting.objects.select_related("chair")
    return WeeklyMeeting.objects.none()


def meeting_get_for(user, pk: int) -> WeeklyMeeting:
    return get_object_or_404(meetings_for(user), pk=pk)


def actions_for(user) -> QuerySet[WeeklyAction]:
    return WeeklyAction.objects.select_related("meeting").filter(meeting__in=meetings_for(user))


def action_get_for(user, pk: int) -> WeeklyAction:
    return get_object_or_404(actions_for(user), pk=pk)


def meeting_agenda(meeting: WeeklyMeeting):
    return meeting.agenda.select_related(
        "plan_item__owner",
        "work_item__work_plan__author",
        "project__organization",
        "project__project_manager",
        "project__coordinator",
        "action__owner",
        "action__meeting",
    )


def open_actions_of(user) -> QuerySet[WeeklyAction]:
    return WeeklyAction.objects.filter(owner_id=user.pk, status=WeeklyAction.Status.OPEN).select_related(
        "meeting"
    )
