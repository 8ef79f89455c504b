"""The collegial bodies' rules as tables: who runs a body's meeting (its secretary, or whoever
administers the bodies), who votes (a member present whose term covers the meeting's date), who
signs the minutes (the chair and the secretary), who closes a decision's action (its owner)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, on_record, perm, rel, relation

from .models.bodies import Body, BodyMeeting, DecisionAction, MeetingItem, Membership

ADMINISTER = "governance.administer_bodies"
VIEW = "governance.view_body"

M = BodyMeeting.Status
I = MeetingItem.State  # noqa: E741 - the table reads as the manual's states
A = DecisionAction.Status


def _meeting(obj) -> BodyMeeting:
    """The meeting a rule is asked about: the meeting itself, its item's, or its action's."""
    if isinstance(obj, DecisionAction):
        return obj.item.meeting
    return obj.meeting if isinstance(obj, MeetingItem) else obj


def seat_of(user, body: Body, on, role: str | None = None) -> Membership | None:
    """The person's membership of the body whose term covers the date (of a given role)."""
    if not user.is_authenticated:
        return None
    seats = body.memberships.filter(person_id=user.pk, term_start__lte=on, term_end__gte=on)
    if role:
        seats = seats.filter(role=role)
    return seats.first()


@relation("keeps the body's meetings")
def keeps_meetings(user, obj) -> bool:
    """The body's secretary (a secretary's seat on the meeting's date, or the body's today)."""
    if isinstance(obj, Body):
        return seat_of(user, obj, timezone.localdate(), Membership.Role.SECRETARY) is not None
    meeting = _meeting(obj)
    return meeting.secretary_id == user.pk or (
        seat_of(user, meeting.body, meeting.date, Membership.Role.SECRETARY) is not None
    )


@relation("chairs the body")
def chairs(user, obj) -> bool:
    meeting = _meeting(obj)
    return seat_of(user, meeting.body, meeting.date, Membership.Role.CHAIR) is not None


@relation("sits at the body's meeting")
def sits_at(user, meeting) -> bool:
    """A member present at the meeting whose term covers its date."""
    meeting = _meeting(meeting)
    return (
        meeting.attendance.filter(member_id=user.pk, present=True).exists()
        and seat_of(user, meeting.body, meeting.date) is not None
    )


@relation("owns the decision's action")
def owns_action(user, action) -> bool:
    return user.is_authenticated and action.owner_id == user.pk


RUNS = rel("keeps the body's meetings") | perm(ADMINISTER)

MEETING_WORKFLOW = Workflow(
    BodyMeeting,
    "status",
    {
        M.PLANNED: {
            M.OPEN: Move(
                _("Open the meeting"), RUNS, via="governance:body_meeting_open", post=True, icon="play-circle"
            )
        },
        M.OPEN: {M.CLOSED: (RUNS, _("Meeting closed"))},
    },
)

ITEM_WORKFLOW = Workflow(
    MeetingItem,
    "state",
    {
        I.PENDING: {
            I.DECIDED: (RUNS, _("Decision recorded")),
            I.NO_DECISION: (RUNS, _("No decision")),
        }
    },
)

ACTION_WORKFLOW = Workflow(
    DecisionAction,
    "status",
    {A.OPEN: {A.DONE: (rel("owns the decision's action") | RUNS, _("Action done"))}},
)

# The questions the meeting's pages ask of the meeting their URL names.
VOTE = on_record(BodyMeeting, rel("sits at the body's meeting"))
RUN = on_record(BodyMeeting, RUNS)
SIGN = on_record(BodyMeeting, rel("chairs the body") | rel("keeps the body's meetings"))
KEEP_ROSTER = perm(ADMINISTER)
