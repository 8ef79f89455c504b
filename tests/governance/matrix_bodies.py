"""The permission matrix's rows for the collegial bodies' views (tests/test_permission_matrix.py):
a body with third persons on its roster and a meeting in the state each view works in; who may
is the views' own declaration (opens=, moves=)."""

import datetime

POST_ONLY: set[str] = {
    f"governance:{name}"
    for name in (
        "body_item_add",
        "body_attendance",
        "body_meeting_open",
        "body_vote",
        "body_recuse",
        "body_item_decide",
        "body_action_add",
        "body_action_done",
        "body_meeting_close",
    )
}

# The state of the meeting each view works in.
STATES = {
    "body_meeting_detail": "open",
    "body_item_add": "planned",
    "body_attendance": "planned",
    "body_meeting_open": "planned",
    "body_vote": "open",
    "body_recuse": "open",
    "body_item_decide": "open",
    "body_action_add": "open",
    "body_action_done": "closed",
    "body_meeting_close": "open",
    "body_minutes_sign": "closed",
    "body_minutes_pdf": "closed",
}
BODY_VIEWS = {"body_detail", "body_edit", "membership_add", "body_meeting_create", "membership_edit"}
NO_OBJECT = {"body_list", "body_create"}


def body_world(state: str) -> dict:
    """A body of three third persons (chair, secretary, member) and one meeting in ``state``
    with one item (decided once the meeting is closed) and one open action; written straight to
    the database (the services are tested on their own)."""
    from governance.models.bodies import (
        Body,
        BodyAttendance,
        BodyMeeting,
        DecisionAction,
        MeetingItem,
        Membership,
    )
    from tests.factories import UserFactory

    today = datetime.date.today()
    body = Body.objects.create(name="Matrix council", kind=Body.Kind.EXPERT_COUNCIL)
    people = [UserFactory(username=f"matrix_body_{role}") for role in ("chair", "secretary", "member")]
    for person, role in zip(people, ("chair", "secretary", "member"), strict=True):
        seat = Membership.objects.create(
            body=body,
            person=person,
            role=role,
            constituency="academic",
            term_start=today - datetime.timedelta(days=30),
            term_end=today + datetime.timedelta(days=300),
        )
    meeting = BodyMeeting.objects.create(body=body, number="1", date=today, status=state, secretary=people[1])
    for person in people:
        BodyAttendance.objects.create(meeting=meeting, member=person, present=True)
    item = MeetingItem.objects.create(
        meeting=meeting,
        title="Question",
        state="decided" if state == "closed" else "pending",
        outcome="adopted" if state == "closed" else "",
    )
    action = DecisionAction.objects.create(item=item, text="Do it", owner=people[2], due_date=today)
    return {"body": body, "seat": seat, "meeting": meeting, "item": item, "action": action}


def kwargs(name: str, person) -> dict | None:
    namespace, _sep, view = name.partition(":")
    if namespace != "governance" or not view.startswith(("body", "membership")):
        return None
    if view in NO_OBJECT:
        return {}
    world = body_world(STATES.get(view, "planned"))
    if view == "membership_edit":
        return {"pk": world["seat"].pk}
    if view in BODY_VIEWS:
        return {"pk": world["body"].pk}
    if view == "body_action_done":
        return {"pk": world["action"].pk}
    if view in ("body_vote", "body_recuse", "body_item_decide", "body_action_add"):
        return {"pk": world["meeting"].pk, "item_pk": world["item"].pk}
    return {"pk": world["meeting"].pk}


def post_data(name: str) -> dict | None:
    return None
