"""The collegial bodies on "my tasks": a decision's actions until done, minutes waiting for the
chair's or the secretary's signature."""

from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .models.bodies import BodyMeeting, DecisionAction, Membership


def body_tasks(user):
    actions = DecisionAction.objects.filter(
        owner_id=user.pk, status=DecisionAction.Status.OPEN
    ).select_related("item__meeting__body")
    for action in actions:
        yield TaskItem(
            action.text,
            action.get_absolute_url(),
            action.item.meeting.body.name,
            due=action.due_date,
            detail=_("An action of the body's decision"),
        )
    seats = Membership.objects.filter(
        person_id=user.pk, role__in=[Membership.Role.CHAIR, Membership.Role.SECRETARY]
    ).values_list("body_id", "role", "term_start", "term_end")
    for body_id, role, start, end in seats:
        unsigned = (
            BodyMeeting.objects.filter(
                body_id=body_id, status=BodyMeeting.Status.CLOSED, date__gte=start, date__lte=end
            )
            .exclude(signatures__role=role)
            .select_related("body")
        )
        for meeting in unsigned:
            yield TaskItem(
                str(meeting),
                meeting.get_absolute_url(),
                meeting.body.name,
                detail=_("Sign the minutes"),
            )
