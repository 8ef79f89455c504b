"""The collegial bodies' services (§1.6, §6.3.5–6.3.6, §6.5.2), one module per aggregate: the
roster (bodies, seats, terms) and the meetings (agenda, votes, decisions, minutes)."""

from .meetings import (
    action_add,
    action_done,
    attendance_record,
    item_add,
    item_decide,
    meeting_close,
    meeting_create,
    meeting_open,
    minutes_content,
    minutes_sha256,
    minutes_sign,
    recuse,
    vote_cast,
)
from .rosters import (
    body_create,
    body_edit,
    membership_add,
    membership_edit,
    terms_ending_remind,
)

__all__ = [
    "action_add",
    "action_done",
    "attendance_record",
    "body_create",
    "body_edit",
    "item_add",
    "item_decide",
    "meeting_close",
    "meeting_create",
    "meeting_open",
    "membership_add",
    "membership_edit",
    "minutes_content",
    "minutes_sha256",
    "minutes_sign",
    "recuse",
    "terms_ending_remind",
    "vote_cast",
]
