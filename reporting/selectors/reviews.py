"""Reads of the management review (§4.6): who sees a review, its neighbours and decisions, what
the order is made of and its canonical content (what the Director General signs), whether the
stored files still match their SHA-256, and what waits for whom on the dashboard."""

import datetime
import hashlib
import json

from django.db.models import Q
from django.utils import timezone

from core.permissions import people_with_perm
from improvement.models import Action, ManagementReview, ReviewDecision

S = ManagementReview.Status
VIEW = "improvement.view_managementreview"
PLAN = "improvement.add_managementreview"
MANAGE = "improvement.change_managementreview"
SIGN = "improvement.sign_review_order"
REMIND_DAYS_BEFORE = 30
# Statuses in which the input pack may still be assembled again (the meeting has not been held).
PACK_OPEN = (S.PLANNED, S.INPUTS)
# Statuses in which the meeting's record and its decisions may change.
MEETING_OPEN = (S.INPUTS, S.HELD)


def signers():
    """Who signs the order: active people whose role may sign it (the Director General)."""
    return people_with_perm(SIGN)


def managers():
    return people_with_perm(MANAGE)


def reviews_visible_to(user):
    """Every review for those who read reviews (the board, the Director General, the IQAS
    owner); for anyone else, the reviews with a decision they own."""
    rows = ManagementReview.objects.select_related("chair", "created_by", "order_signed_by", "previous")
    if user.has_perm(VIEW):
        return rows
    return rows.filter(
        pk__in=Action.objects.filter(owner=user, decision__isnull=False).values("decision__review")
    )


def previous_of(review: ManagementReview) -> ManagementReview | None:
    return (
        ManagementReview.objects.filter(period_end__lt=review.period_start)
        .exclude(pk=review.pk)
        .order_by("-period_end", "-pk")
        .first()
    )


def next_of(review: ManagementReview) -> ManagementReview | None:
    return (
        ManagementReview.objects.filter(period_start__gt=review.period_end)
        .exclude(status=S.CLOSED)
        .exclude(pk=review.pk)
        .order_by("period_start", "pk")
        .first()
    )


def decisions_of(review: ManagementReview) -> list[ReviewDecision]:
    """The review's decisions with their actions, each marked overdue when open past its date."""
    today = timezone.localdate()
    rows = list(
        review.decisions.select_related(
            "action", "action__owner", "action__done_by", "carried_from__review", "carried_to__review"
        ).order_by("pk")
    )
    for row in rows:
        action = row.action
        row.overdue = action.status == Action.Status.OPEN and action.due_on < today
    return rows


def open_decisions(review: ManagementReview):
    return review.decisions.filter(action__status=Action.Status.OPEN)


def pack_intact(review: ManagementReview) -> bool:
    return _file_intact(review.pack_file, review.pack_sha256)


def order_file_intact(review: ManagementReview) -> bool:
    return _file_intact(review.order_file, review.order_file_sha256)


def _file_intact(field, digest: str) -> bool:
    if not field or not digest:
        return False
    try:
        with field.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == digest
    except OSError:
        return False


def ordered_decisions(review: ManagementReview) -> list[ReviewDecision]:
    """The decisions the order is made of: all but those cancelled before it was signed (one
    carried over to the next review afterwards stays part of the order it came from)."""
    return list(
        review.decisions.select_related("action", "action__owner")
        .filter(~Q(action__status=Action.Status.CANCELLED) | Q(carried_to__isnull=False))
        .order_by("pk")
    )


def order_content(review: ManagementReview) -> str:
    """What the Director General signs, as canonical JSON: the order, the conclusions and each
    decision with its owner and due date. Its SHA-256 is kept with the signature."""
    decisions = [
        {
            "number": d.action.number,
            "kind": d.kind,
            "text": d.text,
            "owner": d.action.owner.username,
            "due_on": d.action.due_on.isoformat(),
        }
        for d in ordered_decisions(review)
    ]
    return json.dumps(
        {
            "review": review.number,
            "period": [review.period_start.isoformat(), review.period_end.isoformat()],
            "held_on": review.held_on.isoformat() if review.held_on else "",
            "order_number": review.order_number,
            "order_text": review.order_text,
            "conclusions": review.conclusions,
            "decisions": decisions,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def reviews_waiting_for(user, today: datetime.date | None = None):
    """(review, what) pairs for the dashboard."""
    today = today or timezone.localdate()
    found = []
    if user.has_perm(MANAGE):
        soon = today + datetime.timedelta(days=REMIND_DAYS_BEFORE)
        for review in ManagementReview.objects.filter(status=S.PLANNED, planned_on__lte=soon):
            found.append((review, "assemble"))
        for review in ManagementReview.objects.filter(status=S.INPUTS, planned_on__lte=soon):
            found.append((review, "hold"))
        for review in ManagementReview.objects.filter(status=S.HELD):
            found.append((review, "submit"))
        signed = ManagementReview.objects.filter(status=S.SIGNED).exclude(
            Q(decisions__action__status=Action.Status.OPEN)
        )
        for review in signed.distinct():
            found.append((review, "close"))
    if user.has_perm(SIGN):
        for review in ManagementReview.objects.filter(status=S.SIGNATURE):
            found.append((review, "sign"))
    return found
