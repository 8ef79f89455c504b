"""The Accreditation Council (§6.5): meetings, recusals, open votes by simple majority and
the decisions the secretary records."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import PLURAL, stored, stored_date
from core.permissions import require_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import (
    AccreditationProject,
    AgendaItem,
    Certificate,
    CouncilAttendance,
    CouncilMeeting,
    Decision,
    Outcome,
    Recusal,
    Vote,
)
from ..selectors import choices_for, quorum, representatives_of, tally
from ..workflow import AGENDA_ITEM_WORKFLOW, MEETING_WORKFLOW, VOTE
from .certificates import certificates_mark, certificates_prepare
from .projects import project_advance

S = AccreditationProject.Status
M = CouncilMeeting.Status


def _secretary(actor) -> None:
    require_perm(actor, "accreditation.record_council_decision")


@transaction.atomic
def meeting_create(*, actor, number: str, date, place: str = "", members=()) -> CouncilMeeting:
    _secretary(actor)
    members = list(members)
    if not members:
        raise ValidationError(_("Name the council members invited to the meeting."))
    not_members = [str(m) for m in members if not m.has_perm("accreditation.vote_in_council")]
    if not_members:
        raise ValidationError(_("Not members of the council: %(names)s.") % {"names": ", ".join(not_members)})
    if CouncilMeeting.objects.filter(number=number).exists():
        raise ValidationError(_("Meeting number %(number)s is used already.") % {"number": number})
    try:
        with transaction.atomic():
            meeting = CouncilMeeting.objects.create(number=number, date=date, place=place, secretary=actor)
    except IntegrityError as exc:
        raise ValidationError(_("Meeting number %(number)s is used already.") % {"number": number}) from exc
    for member in members:  # one save each, so every invitation has its history row
        CouncilAttendance.objects.create(meeting=meeting, member=member)
    event_record(obj=meeting, action=gettext_lazy("Meeting planned"), actor=actor)
    notification_send(
        recipients=members,
        subject=gettext_lazy("Accreditation Council meeting %(number)s on %(date)s"),
        params={"number": number, "date": stored_date(date)},
        url=meeting.get_absolute_url(),
    )
    return meeting


def _lock_meeting(meeting) -> CouncilMeeting:
    return CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def agenda_add(*, meeting, actor, project) -> AgendaItem:
    """Put a project on the agenda: one whose report passed internal expertise, or an
    accredited one the council must review after monitoring (keep, suspend, revoke)."""
    _secretary(actor)
    meeting = _lock_meeting(meeting)
    if meeting.status == M.CLOSED:
        raise ValidationError(_("The meeting is closed."))
    if project.status not in (S.COUNCIL, S.POST_MONITORING):
        raise ValidationError(
            _("Only projects waiting for the council, or under monitoring, go on the agenda.")
        )
    if (
        AgendaItem.objects.filter(project=project, state=AgendaItem.State.PENDING)
        .exclude(meeting=meeting)
        .exists()
    ):
        raise ValidationError(_("The project is on another meeting's agenda already."))
    try:
        with transaction.atomic():
            item = AgendaItem.objects.create(
                meeting=meeting, project=project, position=meeting.items.count() + 1
            )
    except IntegrityError as exc:
        raise ValidationError(_("The project is on this agenda already.")) from exc
    event_record(
        obj=project,
        action=gettext_lazy("Put on the agenda of council meeting %(number)s"),
        actor=actor,
        params={"number": meeting.number},
    )
    return item


@transaction.atomic
def attendance_record(*, meeting, actor, present_ids) -> None:
    _secretary(actor)
    meeting = _lock_meeting(meeting)
    if meeting.status == M.CLOSED:
        raise ValidationError(_("The meeting is closed."))
    present_ids = {int(pk) for pk in present_ids}
    for row in meeting.attendance.select_for_update():
        if row.present != (row.member_id in present_ids):
            row.present = row.member_id in present_ids
            row.save()


@transaction.atomic
def meeting_open(*, meeting, actor) -> CouncilMeeting:
    _secretary(actor)
    meeting = _lock_meeting(meeting)
    if meeting.status != M.PLANNED:
        raise ValidationError(_("The meeting is open or closed already."))
    if not meeting.items.exists():
        raise ValidationError(_("Put at least one project on the agenda."))
    if not quorum(meeting)["met"]:
        raise ValidationError(_("No quorum: mark who is present first."))
    return transition_perform(obj=meeting, workflow=MEETING_WORKFLOW, target=M.OPEN, actor=actor)


def _attending(meeting, member) -> CouncilAttendance | None:
    return meeting.attendance.filter(member=member).first()


@transaction.atomic
def recuse(*, item, actor, member, reason: str) -> Recusal:
    """A member steps aside from an item (the member themself, or the secretary for them)."""
    if actor.pk != member.pk:
        _secretary(actor)
    item = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if item.state != AgendaItem.State.PENDING:
        raise ValidationError(_("This item is decided already."))
    if _attending(item.meeting, member) is None:
        raise ValidationError(_("%(name)s is not on this meeting's council.") % {"name": member})
    if item.votes.filter(member=member).exists():
        raise ValidationError(_("%(name)s has voted on this item already.") % {"name": member})
    if not reason.strip():
        raise ValidationError(_("Give the reason for the recusal."))
    try:
        with transaction.atomic():
            recusal = Recusal.objects.create(item=item, member=member, reason=reason)
    except IntegrityError as exc:
        raise ValidationError(_("%(name)s has stepped aside already.") % {"name": member}) from exc
    event_record(
        obj=item.project,
        action=gettext_lazy("%(name)s stepped aside at the council: %(reason)s"),
        actor=actor,
        params={"name": str(member), "reason": reason},
    )
    return recusal


@transaction.atomic
def vote_cast(*, item, actor, choice: str) -> Vote:
    """An open vote: one per member per item (the database refuses a second one)."""
    require_perm(actor, "accreditation.vote_in_council")
    # Locks the meeting row, so a vote cannot slip in while the secretary closes the item.
    item = AgendaItem.objects.select_related("meeting", "project").get(pk=item.pk)
    meeting = _lock_meeting(item.meeting)
    item.refresh_from_db()
    if meeting.status != M.OPEN:
        raise ValidationError(_("Voting is possible only while the meeting is in session."))
    if item.state != AgendaItem.State.PENDING:
        raise ValidationError(_("Voting on this item is closed."))
    if not VOTE.allows_on(actor, meeting):
        raise PermissionDenied(_("Only council members present at the meeting vote."))
    if item.recusals.filter(member=actor).exists():
        raise ValidationError(_("You stepped aside from this item."))
    if choice not in dict(choices_for(item)):
        raise ValidationError(_("Choose one of the decisions offered."))
    try:
        with transaction.atomic():
            vote = Vote.objects.create(item=item, member=actor, choice=choice)
    except IntegrityError as exc:
        raise ValidationError(_("You have voted on this item already.")) from exc
    return vote


def decision_event(decision: Decision) -> tuple[str, dict]:
    """The timeline's line for a council decision: a message id and its values."""
    message, params = decision.message
    if PLURAL in params:
        return "Council decision: accredit for %(n)s year", {
            **params,
            PLURAL: "Council decision: accredit for %(n)s years",
        }
    return stored(gettext_lazy("Council decision: %(decision)s")), {"decision": message}


OUTCOME_OF = {
    "accredit_7": (Outcome.ACCREDIT, 7),
    "accredit_5": (Outcome.ACCREDIT, 5),
    "accredit_3": (Outcome.ACCREDIT, 3),
    "accredit_1": (Outcome.ACCREDIT, 1),
    "conditional": (Outcome.CONDITIONAL, 1),
    "refuse": (Outcome.REFUSE, None),
    "maintain": (Outcome.MAINTAIN, None),
    "suspend": (Outcome.SUSPEND, None),
    "revoke": (Outcome.REVOKE, None),
}


@transaction.atomic
def item_close(*, item, actor) -> Decision | None:
    """The secretary closes the vote on an item: a majority becomes the council's decision;
    a tie, no majority or no quorum is recorded as no decision."""
    _secretary(actor)
    item = AgendaItem.objects.select_related("meeting", "project").get(pk=item.pk)
    meeting = _lock_meeting(item.meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if meeting.status != M.OPEN:
        raise ValidationError(_("Items are decided while the meeting is in session."))
    if item.state != AgendaItem.State.PENDING:
        raise ValidationError(_("This item is decided already."))
    result = tally(item)
    counted = {"rows": [[str(label), n] for label, n in result["rows"]], "cast": result["cast"]}
    project = item.project
    if result["winner"] is None:
        transition_perform(
            obj=item,
            workflow=AGENDA_ITEM_WORKFLOW,
            target=AgendaItem.State.NO_DECISION,
            actor=actor,
            also={"tally": counted, "note": result["note"]},
        )
        event_record(
            obj=project,
            action=gettext_lazy("No council decision at meeting %(number)s"),
            actor=actor,
            params={"number": meeting.number},
            comment=result["note"],
        )
        return None
    outcome, years = OUTCOME_OF[result["winner"]]
    decision = Decision.objects.create(
        project=project,
        item=item,
        outcome=outcome,
        years=years,
        decided_on=meeting.date,
        votes_for=result["winner_votes"],
        votes_cast=result["cast"],
        recorded_by=actor,
    )
    transition_perform(
        obj=item,
        workflow=AGENDA_ITEM_WORKFLOW,
        target=AgendaItem.State.DECIDED,
        actor=actor,
        also={"tally": counted},
    )
    action, params = decision_event(decision)
    if project.status == S.COUNCIL:
        project_advance(project=project, actor=actor, target=S.DECIDED, action=action, params=params)
        if decision.is_positive:
            certificates_prepare(decision=decision)
    else:
        event_record(obj=project, action=action, actor=actor, params=params)
        if outcome == Outcome.SUSPEND:
            certificates_mark(project=project, status=Certificate.Status.SUSPENDED, actor=actor)
        elif outcome == Outcome.REVOKE:
            certificates_mark(project=project, status=Certificate.Status.REVOKED, actor=actor)
            project_advance(project=project, actor=actor, target=S.CLOSED, action=action, params=params)
        elif outcome == Outcome.MAINTAIN:
            certificates_mark(project=project, status=Certificate.Status.VALID, actor=actor)
    notification_send(
        recipients=list(representatives_of(project.organization)) + [u for u in (project.coordinator,) if u],
        subject=gettext_lazy("Accreditation Council decision on %(organization)s"),
        params={"organization": project.organization.name},
        body=gettext_lazy(decision.message[0]),
        body_params=decision.message[1],
        url=project.get_absolute_url(),
    )
    return decision


@transaction.atomic
def meeting_close(*, meeting, actor, minutes: str) -> CouncilMeeting:
    _secretary(actor)
    meeting = _lock_meeting(meeting)
    if meeting.status != M.OPEN:
        raise ValidationError(_("Only a meeting in session is closed."))
    if meeting.items.filter(state=AgendaItem.State.PENDING).exists():
        raise ValidationError(_("Close the vote on every item first."))
    if not minutes.strip():
        raise ValidationError(_("Write the minutes."))
    return transition_perform(
        obj=meeting,
        workflow=MEETING_WORKFLOW,
        target=M.CLOSED,
        actor=actor,
        comment=minutes,
        also={"minutes": minutes},
    )
