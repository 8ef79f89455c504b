"""The collegial bodies' reads: the bodies, a body's roster and meetings, a meeting's quorum and
the tally of each item's votes (by the council's own rule, accreditation.selectors.majority_of)."""

import datetime
import math
from collections import Counter

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accreditation.selectors.council import majority_of, meetings_listed
from core.access import url_for_reader

from ..models.bodies import Body, BodyMeeting, DecisionAction, MeetingItem, Membership
from ..workflow_bodies import VIEW

ENDING_SOON_DAYS = 60


def bodies_for(user) -> QuerySet[Body]:
    if user.is_authenticated and user.has_perm(VIEW):
        return Body.objects.all()
    return Body.objects.none()


def body_get_for(user, pk: int) -> Body:
    return get_object_or_404(bodies_for(user).select_related("regulation"), pk=pk)


def meetings_for(user) -> QuerySet[BodyMeeting]:
    return BodyMeeting.objects.filter(body__in=bodies_for(user)).select_related("body", "secretary")


def meeting_get_for(user, pk: int) -> BodyMeeting:
    return get_object_or_404(meetings_for(user), pk=pk)


def item_get(meeting: BodyMeeting, pk: int) -> MeetingItem:
    return get_object_or_404(MeetingItem, meeting=meeting, pk=pk)


def actions_for(user) -> QuerySet[DecisionAction]:
    return DecisionAction.objects.filter(item__meeting__in=meetings_for(user)).select_related(
        "owner", "item__meeting__body"
    )


def roster(body: Body, today: datetime.date | None = None) -> dict:
    """The body's members now (with a mark on terms ending within 60 days) and its former ones."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=ENDING_SOON_DAYS)
    order = {Membership.Role.CHAIR: 0, Membership.Role.SECRETARY: 1}
    seats = sorted(
        body.memberships.select_related("person"),
        key=lambda s: (order.get(s.role, 2), s.person.last_name, s.person.first_name),
    )
    current = [s for s in seats if s.is_current(today)]
    for seat in current:
        seat.ending_soon = seat.term_end <= soon
    return {
        "current": current,
        "future": [s for s in seats if s.term_start > today],
        "former": [s for s in seats if s.term_end < today],
    }


def quorum_needed(members: int, rule: str) -> int:
    if rule == Body.Quorum.TWO_THIRDS:
        return math.ceil(members * 2 / 3 - 1e-9)
    return members // 2 + 1


def quorum(meeting: BodyMeeting) -> dict:
    rows = list(meeting.attendance.all())
    needed = quorum_needed(len(rows), meeting.body.quorum_rule)
    present = sum(1 for r in rows if r.present)
    return {"members": len(rows), "present": present, "needed": needed, "met": present >= max(needed, 1)}


def tally(item: MeetingItem) -> dict:
    """Count an item's votes by the body's quorum and the council's majority rule."""
    meeting = item.meeting
    q = quorum(meeting)
    recused = {r.member_id for r in item.recusals.all()}
    present = {r.member_id for r in meeting.attendance.all() if r.present}
    eligible = present - recused
    counts = Counter(v.choice for v in item.votes.all())
    winner, note = majority_of(counts, eligible=len(eligible), needed=q["needed"])
    labels = dict(item.votes.model.Choice.choices)
    return {
        "rows": [(labels.get(code, code), n) for code, n in counts.most_common()],
        "counts": dict(counts),
        "cast": sum(counts.values()),
        "eligible": len(eligible),
        "quorate": len(eligible) >= max(q["needed"], 1),
        "winner": winner,
        "note": note,
        "quorum": q,
    }


def meeting_page(user, meeting: BodyMeeting) -> dict:
    """A meeting as a member (or its secretary) sees it, in a fixed number of queries."""
    from ..workflow_bodies import sits_at

    attendance = list(meeting.attendance.select_related("member"))
    may_vote = meeting.status == BodyMeeting.Status.OPEN and sits_at(user, meeting)
    agenda = list(
        meeting.items.select_related(
            "document_version__document", "appeal", "strategy_version__strategy"
        ).prefetch_related(
            "votes__member",
            "recusals__member",
            Prefetch("actions", queryset=DecisionAction.objects.select_related("owner")),
        )
    )
    items = []
    for item in agenda:
        mine = next((v for v in item.votes.all() if v.member_id == user.pk), None)
        recused = any(r.member_id == user.pk for r in item.recusals.all())
        items.append(
            {
                "item": item,
                "tally": tally(item),
                "my_vote": mine,
                "recused": recused,
                "can_vote": may_vote
                and item.state == MeetingItem.State.PENDING
                and mine is None
                and not recused,
            }
        )
    return {
        "meeting": meeting,
        "body": meeting.body,
        "attendance": attendance,
        "quorum": quorum(meeting),
        "items": items,
        "signatures": list(meeting.signatures.all()),
    }


def council_meetings():
    """The Accreditation Council's meetings, kept by the accreditation app."""
    return meetings_listed()


def members_for_choice() -> QuerySet:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")


def terms_ending(today: datetime.date) -> QuerySet[Membership]:
    """Current seats whose term ends within 60 days and whose secretary has not been told."""
    return Membership.objects.filter(
        term_start__lte=today,
        term_end__gte=today,
        term_end__lte=today + datetime.timedelta(days=ENDING_SOON_DAYS),
        reminder_sent_at__isnull=True,
    ).select_related("body", "person")


def appeal_hearings(user, appeal) -> list[dict]:
    """The appeals commission's meetings with the appeal on their agenda, for the appeal's page:
    only those this reader may open, with the item's state and, once decided, its outcome."""
    items = (
        MeetingItem.objects.filter(appeal=appeal)
        .select_related("meeting__body")
        .order_by("meeting__date", "pk")
    )
    rows = []
    for item in items:
        url = url_for_reader(user, item.meeting)
        if url:
            rows.append(
                {
                    "meeting": str(item.meeting),
                    "url": url,
                    "state": item.get_state_display(),
                    "outcome": item.get_outcome_display() if item.state == MeetingItem.State.DECIDED else "",
                }
            )
    return rows
