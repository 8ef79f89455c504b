"""A body's roster: the body itself, its members' seats with their terms, and the reminder
of terms ending within 60 days (§1.6)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored_date
from core.permissions import require_perm
from core.services import notification_send
from core.workflow import event_record

from ...models.bodies import (
    Body,
    BodyMeeting,
    MeetingItem,
    Membership,
)
from ...selectors import bodies as selectors
from ...workflow_bodies import (
    ADMINISTER,
)

M = BodyMeeting.Status
I = MeetingItem.State  # noqa: E741


def _administer(actor) -> None:
    require_perm(actor, ADMINISTER, _("Only whoever administers the collegial bodies keeps their rosters."))


# --- The body and its roster ------------------------------------------------------------------


@transaction.atomic
def body_create(*, actor, name: str, kind: str, quorum_rule: str = Body.Quorum.HALF, regulation=None) -> Body:
    _administer(actor)
    if not name.strip():
        raise ValidationError(_("Name the body."))
    body = Body(name=name.strip(), kind=kind, quorum_rule=quorum_rule, regulation=regulation)
    body._history_user = actor
    body.save()
    return body


@transaction.atomic
def body_edit(*, body: Body, actor, name: str, quorum_rule: str, regulation=None) -> Body:
    _administer(actor)
    body.name, body.quorum_rule, body.regulation = name.strip(), quorum_rule, regulation
    body._history_user = actor
    body.save()
    return body


def _check_seat(body: Body, person, role: str, start, end, exclude_pk=None) -> None:
    if end < start:
        raise ValidationError(_("The term cannot end before it starts."))
    overlapping = body.memberships.filter(term_start__lte=end, term_end__gte=start).exclude(pk=exclude_pk)
    if overlapping.filter(person=person).exists():
        raise ValidationError(
            _("%(name)s already has a seat on this body for part of that term.") % {"name": person}
        )
    if role in (Membership.Role.CHAIR, Membership.Role.SECRETARY) and overlapping.filter(role=role).exists():
        raise ValidationError(
            _("The body has a %(role)s for part of that term already; end that term first.")
            % {"role": Membership.Role(role).label.lower()}
        )


@transaction.atomic
def membership_add(
    *,
    actor,
    body: Body,
    person,
    role: str,
    constituency: str,
    term_start: datetime.date,
    term_end: datetime.date,
    conflicts: str = "",
) -> Membership:
    _administer(actor)
    body = Body.objects.select_for_update().get(pk=body.pk)
    _check_seat(body, person, role, term_start, term_end)
    seat = Membership(
        body=body,
        person=person,
        role=role,
        constituency=constituency,
        term_start=term_start,
        term_end=term_end,
        conflicts=conflicts.strip(),
    )
    seat._history_user = actor
    seat.save()
    event_record(
        obj=body, action=gettext_lazy("%(name)s joined the body"), actor=actor, params={"name": str(person)}
    )
    return seat


@transaction.atomic
def membership_edit(
    *,
    actor,
    membership: Membership,
    role: str,
    constituency: str,
    term_start: datetime.date,
    term_end: datetime.date,
    conflicts: str = "",
) -> Membership:
    """Change a seat (a term ended early, extended, a new declaration); the history keeps the old."""
    _administer(actor)
    seat = Membership.objects.select_for_update().get(pk=membership.pk)
    _check_seat(seat.body, seat.person, role, term_start, term_end, exclude_pk=seat.pk)
    if term_end != seat.term_end:
        seat.reminder_sent_at = None  # a new end of term is reminded again
    seat.role, seat.constituency = role, constituency
    seat.term_start, seat.term_end, seat.conflicts = term_start, term_end, conflicts.strip()
    seat._history_user = actor
    seat.save()
    return seat


# --- Meetings ---------------------------------------------------------------------------------


@transaction.atomic
def terms_ending_remind(today: datetime.date | None = None) -> int:
    """Tell each body's secretary of the members whose term ends within 60 days, once per seat."""
    today = today or timezone.localdate()
    sent = 0
    for seat in selectors.terms_ending(today).select_for_update(of=("self",)):
        secretaries = [
            s.person
            for s in seat.body.memberships.filter(
                role=Membership.Role.SECRETARY, term_start__lte=today, term_end__gte=today
            ).select_related("person")
        ]
        if secretaries:
            notification_send(
                recipients=secretaries,
                subject=gettext_lazy("%(body)s: the term of %(name)s ends on %(date)s"),
                params={"body": seat.body.name, "name": str(seat.person), "date": stored_date(seat.term_end)},
                url=seat.body.get_absolute_url(),
            )
        seat.reminder_sent_at = timezone.now()
        seat.save(update_fields=["reminder_sent_at"])
        sent += 1
    return sent
