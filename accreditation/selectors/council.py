"""The council's reads: meetings, quorum, the choices on an item and the tally of its votes."""

import math
from collections import Counter

from django.conf import settings
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..models import AgendaItem, CouncilMeeting, EECReport, Vote

# --- The council ------------------------------------------------------------------------------


def quorum(meeting) -> dict:
    rows = list(meeting.attendance.all())
    needed = math.ceil(len(rows) * settings.IAAR_COUNCIL_QUORUM - 1e-9)
    present = sum(1 for r in rows if r.present)
    return {"members": len(rows), "present": present, "needed": needed, "met": present >= max(needed, 1)}


def majority_of(counts: Counter, *, eligible: int, needed: int) -> tuple[str | None, str]:
    """The rule of an open vote, for the council and every collegial body: with enough members
    able to vote (the quorum, less those who stepped aside), the option with more than half of
    the votes cast wins; a tie or no majority is no decision. Returns (winner or None, why not)."""
    cast = sum(counts.values())
    top = counts.most_common(2)
    if eligible < max(needed, 1):
        return None, _("No quorum for this item: %(eligible)s members may vote, %(needed)s needed.") % {
            "eligible": eligible,
            "needed": needed,
        }
    if not cast:
        return None, _("Nobody has voted.")
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None, _("A tie: no decision.")
    if top[0][1] * 2 <= cast:
        return None, _("No option has more than half of the votes cast.")
    return top[0][0], ""


def choices_for(item) -> list[tuple[str, str]]:
    allowed = Vote.MONITORING_CHOICES if item.is_monitoring else Vote.ACCREDITATION_CHOICES
    return [(code, label) for code, label in Vote.CHOICES if code in allowed]


def tally(item) -> dict:
    """Count the votes: a decision needs a quorum and more than half of the votes cast."""
    meeting = item.meeting
    q = quorum(meeting)
    # Read through the related managers, so a page that prefetched them asks no more.
    recused = {r.member_id for r in item.recusals.all()}
    present = {r.member_id for r in meeting.attendance.all() if r.present}
    eligible = present - recused
    counts = Counter(v.choice for v in item.votes.all())
    cast = sum(counts.values())
    labels = dict(Vote.CHOICES)  # every label: the item's choices change once the project moves on
    rows = [(labels.get(code, code), n) for code, n in counts.most_common()]
    top = counts.most_common(2)
    winner, note = majority_of(counts, eligible=len(eligible), needed=q["needed"])
    return {
        "rows": rows,
        "cast": cast,
        "eligible": len(eligible),
        "winner": winner,
        "winner_votes": top[0][1] if top else 0,
        "note": note,
        "quorum": q,
    }


def meeting_page(user, meeting) -> dict:
    """A council meeting as one member (or the secretary) sees it: a fixed number of queries
    whatever the agenda's length."""
    attendance = list(meeting.attendance.select_related("member"))
    me = next((a for a in attendance if a.member_id == user.pk), None)
    agenda = list(
        meeting.items.select_related("project__organization", "decision").prefetch_related(
            "votes__member", "recusals__member"
        )
    )
    reports = {
        r.project_id: r
        for r in EECReport.objects.filter(
            project__in=[i.project_id for i in agenda], submitted_at__isnull=False
        )
    }
    items = []
    for item in agenda:
        mine = next((v for v in item.votes.all() if v.member_id == user.pk), None)
        recused = any(r.member_id == user.pk for r in item.recusals.all())
        items.append(
            {
                "item": item,
                "choices": choices_for(item),
                "tally": tally(item),
                "report": reports.get(item.project_id),
                "my_vote": mine,
                "recused": recused,
                "can_vote": me is not None
                and me.present
                and meeting.status == "open"
                and item.state == "pending"
                and mine is None
                and not recused,
            }
        )
    return {"meeting": meeting, "attendance": attendance, "quorum": quorum(meeting), "items": items}


def meetings_listed() -> QuerySet[CouncilMeeting]:
    return CouncilMeeting.objects.annotate(item_count=Count("items")).order_by("-date", "-pk")


def meeting_get(pk: int) -> CouncilMeeting:
    return get_object_or_404(
        CouncilMeeting.objects.select_related("secretary").prefetch_related("attendance"), pk=pk
    )


def agenda_item_get(meeting, pk: int) -> AgendaItem:
    return get_object_or_404(AgendaItem, meeting=meeting, pk=pk)
