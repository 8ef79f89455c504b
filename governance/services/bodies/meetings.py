"""A body's meetings (§6.5.2): the agenda, attendance, recusals, open votes by the body's quorum
and the council's majority rule, decisions and their actions, the minutes signed by the chair
and the secretary. Every refusal is raised before anything is saved."""

import datetime
import hashlib
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import Appeal
from accreditation.services import appeal_decide
from core.models import stored_date
from core.permissions import password_confirm, signer_name
from core.services import notification_send
from core.workflow import event_record, transition_perform
from documents.services import awaits_validation, version_validation_from_body

from ...models.bodies import (
    Body,
    BodyAttendance,
    BodyMeeting,
    DecisionAction,
    ItemRecusal,
    ItemVote,
    MeetingItem,
    MinutesSignature,
)
from ...selectors import bodies as selectors
from ...workflow_bodies import (
    ACTION_WORKFLOW,
    ITEM_WORKFLOW,
    MEETING_WORKFLOW,
    RUN,
    RUNS,
    SIGN,
    VOTE,
    chairs,
    keeps_meetings,
)
from .. import discussion_refusal, version_discussion_from_meeting
from ..plan_approval import plan_discussion_from_meeting, plan_discussion_refusal

M = BodyMeeting.Status
I = MeetingItem.State  # noqa: E741


def _runs(actor, meeting: BodyMeeting) -> None:
    if not RUN.allows_on(actor, meeting):
        raise PermissionDenied(_("Only the body's secretary runs its meetings."))


def _lock(meeting: BodyMeeting) -> BodyMeeting:
    return BodyMeeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)


@transaction.atomic
def meeting_create(*, actor, body: Body, number: str, date: datetime.date, place: str = "") -> BodyMeeting:
    """Plan a meeting: every member whose term covers its date is invited."""
    if not RUNS.allows(actor, body):
        raise PermissionDenied(_("Only the body's secretary runs its meetings."))
    if body.is_accreditation_council:
        raise ValidationError(_("The Accreditation Council's meetings are planned on the council's pages."))
    if not number.strip():
        raise ValidationError(_("Give the meeting a number."))
    members = [s.person for s in body.memberships.filter(term_start__lte=date, term_end__gte=date)]
    if not members:
        raise ValidationError(_("The body has no members whose term covers that date."))
    if body.meetings.filter(number=number.strip()).exists():
        raise ValidationError(_("Meeting number %(number)s is used already.") % {"number": number})
    try:
        with transaction.atomic():
            meeting = BodyMeeting.objects.create(
                body=body, number=number.strip(), date=date, place=place, secretary=actor
            )
    except IntegrityError as exc:
        raise ValidationError(_("Meeting number %(number)s is used already.") % {"number": number}) from exc
    for member in {m.pk: m for m in members}.values():
        BodyAttendance.objects.create(meeting=meeting, member=member)
    event_record(obj=meeting, action=gettext_lazy("Meeting planned"), actor=actor)
    notification_send(
        recipients=members,
        subject=gettext_lazy("%(body)s: meeting %(number)s on %(date)s"),
        params={"body": body.name, "number": meeting.number, "date": stored_date(date)},
        url=meeting.get_absolute_url(),
    )
    return meeting


@transaction.atomic
def item_add(
    *,
    meeting: BodyMeeting,
    actor,
    kind: str,
    title: str,
    document_version=None,
    appeal=None,
    strategy_version=None,
    implementation_plan=None,
) -> MeetingItem:
    """Put a question on the agenda. A document validation names a standard or guideline whose
    reviewers have all agreed."""
    meeting = _lock(meeting)
    _runs(actor, meeting)
    if meeting.status == M.CLOSED:
        raise ValidationError(_("The meeting is closed."))
    if kind == MeetingItem.Kind.DOCUMENT_VALIDATION:
        if document_version is None:
            raise ValidationError(_("Choose the standard or guideline to validate."))
        if not awaits_validation(document_version):
            raise ValidationError(
                _("%(version)s is not waiting for validation: every reviewer must have agreed first.")
                % {"version": document_version}
            )
        if MeetingItem.objects.filter(document_version=document_version, state=I.PENDING).exists():
            raise ValidationError(_("This version is on a meeting's agenda already."))
    else:
        document_version = None
    if kind == MeetingItem.Kind.STRATEGY and strategy_version is not None:
        refusal = discussion_refusal(strategy_version)
        if refusal:
            raise ValidationError(refusal)
        if MeetingItem.objects.filter(strategy_version=strategy_version, state=I.PENDING).exists():
            raise ValidationError(_("This version is on a meeting's agenda already."))
    elif kind != MeetingItem.Kind.STRATEGY:
        strategy_version = None
    if kind == MeetingItem.Kind.STRATEGY and implementation_plan is not None:
        if strategy_version is not None:
            raise ValidationError(_("An item discusses either a strategy version or a plan, not both."))
        implementation_plan = type(implementation_plan).objects.get(pk=implementation_plan.pk)
        refusal = plan_discussion_refusal(implementation_plan)
        if refusal:
            raise ValidationError(refusal)
        if MeetingItem.objects.filter(implementation_plan=implementation_plan, state=I.PENDING).exists():
            raise ValidationError(_("This plan is on a meeting's agenda already."))
    else:
        implementation_plan = None
    if kind == MeetingItem.Kind.APPEAL:
        if meeting.body.kind != Body.Kind.APPEALS_COMMISSION:
            raise ValidationError(_("Appeals are decided by the appeals and complaints commission."))
        if appeal is None:
            raise ValidationError(_("Choose the appeal to decide."))
        if appeal.status == Appeal.Status.DECIDED:
            raise ValidationError(_("This case is decided already."))
    else:
        appeal = None
    # A question left blank on an item about a record is read as the default for its kind and
    # record, in each reader's language (MeetingItem.display_title): nothing is stored in the
    # language of whoever added it.
    has_default = any(
        x is not None for x in (document_version, strategy_version, appeal, implementation_plan)
    )
    if not title.strip() and not has_default:
        raise ValidationError(_("Write the question to decide."))
    item = MeetingItem(
        meeting=meeting,
        kind=kind,
        title=title.strip(),
        document_version=document_version,
        appeal=appeal,
        strategy_version=strategy_version,
        implementation_plan=implementation_plan,
        position=meeting.items.count() + 1,
    )
    item._history_user = actor
    item.save()
    if appeal is not None:
        _recuse_the_project_s_assessors(item, actor)
    return item


@transaction.atomic
def attendance_record(*, meeting: BodyMeeting, actor, present_ids) -> None:
    meeting = _lock(meeting)
    _runs(actor, meeting)
    if meeting.status == M.CLOSED:
        raise ValidationError(_("The meeting is closed."))
    present_ids = {int(pk) for pk in present_ids}
    for row in meeting.attendance.select_for_update():
        if row.present != (row.member_id in present_ids):
            row.present = row.member_id in present_ids
            row._history_user = actor
            row.save()


@transaction.atomic
def meeting_open(*, meeting: BodyMeeting, actor) -> BodyMeeting:
    meeting = _lock(meeting)
    MEETING_WORKFLOW.check(meeting, M.OPEN, actor)
    if not meeting.items.exists():
        raise ValidationError(_("Put at least one question on the agenda."))
    q = selectors.quorum(meeting)
    if not q["met"]:
        raise ValidationError(
            _("No quorum: %(present)s of %(members)s members present, %(needed)s needed.") % q
        )
    return transition_perform(
        obj=meeting,
        workflow=MEETING_WORKFLOW,
        target=M.OPEN,
        actor=actor,
        action=gettext_lazy("Meeting opened"),
    )


@transaction.atomic
def recuse(*, item: MeetingItem, actor, member, reason: str) -> ItemRecusal:
    """A member declares a conflict of interest on an item (the member, or the secretary for them)."""
    item = MeetingItem.objects.select_for_update().select_related("meeting__body").get(pk=item.pk)
    if actor.pk != member.pk:
        _runs(actor, item.meeting)
    if item.state != I.PENDING:
        raise ValidationError(_("This item is decided already."))
    if not item.meeting.attendance.filter(member=member).exists():
        raise ValidationError(_("%(name)s is not invited to this meeting.") % {"name": member})
    if item.votes.filter(member=member).exists():
        raise ValidationError(_("%(name)s has voted on this item already.") % {"name": member})
    if not reason.strip():
        raise ValidationError(_("Give the reason for the recusal."))
    try:
        with transaction.atomic():
            recusal = ItemRecusal.objects.create(item=item, member=member, reason=reason.strip()[:300])
    except IntegrityError as exc:
        raise ValidationError(_("%(name)s has stepped aside already.") % {"name": member}) from exc
    event_record(
        obj=item.meeting,
        action=gettext_lazy("%(name)s stepped aside from item %(position)s: %(reason)s"),
        actor=actor,
        params={"name": str(member), "position": item.position, "reason": reason.strip()},
    )
    return recusal


@transaction.atomic
def vote_cast(*, item: MeetingItem, actor, choice: str) -> ItemVote:
    """An open vote: only a member present whose term covers the meeting's date, not stepped
    aside, once per item (the database refuses a second one)."""
    item = MeetingItem.objects.select_related("meeting").get(pk=item.pk)
    meeting = _lock(item.meeting)  # a vote cannot slip in while the secretary closes the item
    item.refresh_from_db()
    if meeting.status != M.OPEN:
        raise ValidationError(_("Voting is possible only while the meeting is in session."))
    if item.state != I.PENDING:
        raise ValidationError(_("Voting on this item is closed."))
    if not VOTE.allows_on(actor, meeting):
        raise ValidationError(
            _("Only members of %(body)s present at the meeting, whose term covers its date, vote.")
            % {"body": meeting.body}
        )
    if item.recusals.filter(member=actor).exists():
        raise ValidationError(_("You declared a conflict of interest on this item: you do not vote on it."))
    if choice not in ItemVote.Choice.values:
        raise ValidationError(_("Choose for, against or abstain."))
    try:
        with transaction.atomic():
            vote = ItemVote.objects.create(item=item, member=actor, choice=choice)
    except IntegrityError as exc:
        raise ValidationError(_("You have voted on this item already.")) from exc
    return vote


@transaction.atomic
def item_decide(*, item: MeetingItem, actor, decision_text: str = "") -> MeetingItem:
    """The secretary closes the vote: a majority for adopts, against rejects; a tie or no
    majority is no decision. Without a quorum the body cannot decide: refused, nothing saved."""
    item = MeetingItem.objects.select_related("meeting").get(pk=item.pk)
    meeting = _lock(item.meeting)
    item = (
        MeetingItem.objects.select_for_update(of=("self",)).select_related("document_version").get(pk=item.pk)
    )
    ITEM_WORKFLOW.check(item, I.DECIDED, actor)
    if meeting.status != M.OPEN:
        raise ValidationError(_("Items are decided while the meeting is in session."))
    result = selectors.tally(item)
    if not result["quorate"]:
        raise ValidationError(_("The body cannot decide without a quorum.") + " " + result["note"])
    counted = {"rows": [[str(label), n] for label, n in result["rows"]], "cast": result["cast"]}
    winner = result["winner"]
    if winner not in (ItemVote.Choice.FOR, ItemVote.Choice.AGAINST):
        note = result["note"] or _("Most members abstained: no decision.")
        return transition_perform(
            obj=item,
            workflow=ITEM_WORKFLOW,
            target=I.NO_DECISION,
            actor=actor,
            also={"tally": counted, "note": note},
        )
    adopted = winner == ItemVote.Choice.FOR
    outcome = MeetingItem.Outcome.ADOPTED if adopted else MeetingItem.Outcome.REJECTED
    transition_perform(
        obj=item,
        workflow=ITEM_WORKFLOW,
        target=I.DECIDED,
        actor=actor,
        also={"tally": counted, "outcome": outcome, "decision_text": decision_text.strip()},
    )
    if adopted and item.kind == MeetingItem.Kind.DOCUMENT_VALIDATION:
        version_validation_from_body(
            version=item.document_version,
            actor=actor,
            body=meeting.body.name,
            meeting_date=meeting.date,
            comment=_("Meeting %(number)s, item %(position)s: %(for)s of %(cast)s votes for")
            % {
                "number": meeting.number,
                "position": item.position,
                "for": result["counts"].get(ItemVote.Choice.FOR, 0),
                "cast": result["cast"],
            },
        )
    if adopted and item.kind == MeetingItem.Kind.STRATEGY and item.strategy_version_id:
        version_discussion_from_meeting(version=item.strategy_version, meeting=meeting, actor=actor)
    if adopted and item.kind == MeetingItem.Kind.STRATEGY and item.implementation_plan_id:
        plan_discussion_from_meeting(plan=item.implementation_plan, meeting=meeting, actor=actor)
    return item


@transaction.atomic
def action_add(*, item: MeetingItem, actor, text: str, owner, due_date: datetime.date) -> DecisionAction:
    """A decision's action: its owner is told, and it stays on the meeting's page until done."""
    item = MeetingItem.objects.select_related("meeting__body").get(pk=item.pk)
    _runs(actor, item.meeting)
    if item.state != I.DECIDED:
        raise ValidationError(_("Actions follow from a decision: decide the item first."))
    if not text.strip():
        raise ValidationError(_("Say what is to be done."))
    if due_date < item.meeting.date:
        raise ValidationError(_("The due date cannot come before the meeting."))
    action = DecisionAction(item=item, text=text.strip(), owner=owner, due_date=due_date)
    action._history_user = actor
    action.save()
    notification_send(
        recipients=[owner],
        subject=gettext_lazy("An action of %(body)s is yours, due %(date)s"),
        params={"body": item.meeting.body.name, "date": stored_date(due_date)},
        body=text.strip(),
        url=action.get_absolute_url(),
    )
    return action


@transaction.atomic
def action_done(*, action: DecisionAction, actor, note: str) -> DecisionAction:
    action = DecisionAction.objects.select_for_update().get(pk=action.pk)
    if not note.strip():
        raise ValidationError(_("Say what was done."))
    return transition_perform(
        obj=action,
        workflow=ACTION_WORKFLOW,
        target=DecisionAction.Status.DONE,
        actor=actor,
        comment=note.strip(),
        also={"done_note": note.strip(), "done_at": timezone.now()},
    )


@transaction.atomic
def meeting_close(*, meeting: BodyMeeting, actor, minutes: str) -> BodyMeeting:
    meeting = _lock(meeting)
    MEETING_WORKFLOW.check(meeting, M.CLOSED, actor)
    if meeting.items.filter(state=I.PENDING).exists():
        raise ValidationError(_("Close the vote on every item first."))
    if not minutes.strip():
        raise ValidationError(_("Write the minutes."))
    return transition_perform(
        obj=meeting,
        workflow=MEETING_WORKFLOW,
        target=M.CLOSED,
        actor=actor,
        comment=minutes.strip(),
        also={"minutes": minutes.strip()},
    )


def minutes_content(meeting: BodyMeeting) -> dict:
    """What the chair and the secretary sign: the meeting, who was present, each item's decision."""
    return {
        "body": meeting.body.name,
        "number": meeting.number,
        "date": meeting.date.isoformat(),
        "present": sorted(str(a.member) for a in meeting.attendance.all() if a.present),
        "items": [
            {
                "position": i.position,
                "title": i.title_key,
                "state": i.state,
                "outcome": i.outcome,
                "decision": i.decision_text,
                "tally": i.tally,
                "votes": sorted([str(v.member), v.choice] for v in i.votes.all()),
                "recusals": sorted(str(r.member) for r in i.recusals.all()),
            }
            for i in meeting.items.all()
        ],
        "minutes": meeting.minutes,
    }


def minutes_sha256(meeting: BodyMeeting) -> str:
    content = json.dumps(minutes_content(meeting), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()


@transaction.atomic
def minutes_sign(*, meeting: BodyMeeting, actor, password: str) -> MinutesSignature:
    """The chair or the secretary signs the closed meeting's minutes (password typed again)."""
    meeting = _lock(meeting)
    if not SIGN.allows_on(actor, meeting):
        raise PermissionDenied(_("Only the body's chair and secretary sign its minutes."))
    if meeting.status != M.CLOSED:
        raise ValidationError(_("The minutes are signed once the meeting is closed."))
    signed = set(meeting.signatures.values_list("role", flat=True))
    roles = [
        role
        for role, holds in (
            (MinutesSignature.Role.CHAIR, chairs(actor, meeting)),
            (MinutesSignature.Role.SECRETARY, keeps_meetings(actor, meeting)),
        )
        if holds and role not in signed
    ]
    if not roles:
        raise ValidationError(_("You have signed these minutes already."))
    appeals = []
    if roles[0] == MinutesSignature.Role.CHAIR:
        appeals = list(
            meeting.items.filter(kind=MeetingItem.Kind.APPEAL, state=I.DECIDED, appeal__isnull=False)
            .exclude(appeal__status=Appeal.Status.DECIDED)
            .select_related("appeal")
        )
        if appeals and not actor.has_perm("accreditation.hear_appeal"):
            raise ValidationError(
                _("The chair signs the commission's decision on an appeal: ask for the commission's role.")
            )
    password_confirm(actor, password)
    for item in appeals:  # the chair's signature makes the commission's decision the appeal's
        appeal_decide(
            appeal=item.appeal,
            actor=actor,
            result=Appeal.Result.UPHELD
            if item.outcome == MeetingItem.Outcome.ADOPTED
            else Appeal.Result.REJECTED,
            reasons=item.decision_text
            or _("Decision of %(body)s, meeting %(number)s, item %(position)s")
            % {"body": meeting.body.name, "number": meeting.number, "position": item.position},
            meeting=f"{meeting.body.name} № {meeting.number}",
        )
    signature = MinutesSignature.objects.create(
        meeting=meeting,
        role=roles[0],
        signer=actor,
        signer_name=signer_name(actor),
        content_sha256=minutes_sha256(meeting),
    )
    event_record(
        obj=meeting,
        action=gettext_lazy("Minutes signed as %(role)s"),
        actor=actor,
        params={"role": MinutesSignature.Role(roles[0]).label},
    )
    return signature


# --- Appeals (§6.5.2, §7.3) -------------------------------------------------------------------


def _recuse_the_project_s_assessors(item: MeetingItem, actor) -> None:
    """Anyone who sat on the project's external expert commission or voted on its council item
    steps aside from the appeal's item at once."""
    from accreditation.models import AgendaItem, CommissionMember, CouncilAttendance

    project = item.appeal.project
    if project is None:
        return
    sat = set(
        CommissionMember.objects.filter(project=project).values_list("expert__user_id", flat=True)
    ) | set(
        CouncilAttendance.objects.filter(
            meeting__items__in=AgendaItem.objects.filter(project=project), present=True
        ).values_list("member_id", flat=True)
    )
    for row in item.meeting.attendance.filter(member_id__in=sat).select_related("member"):
        ItemRecusal.objects.create(
            item=item,
            member=row.member,
            reason=str(_("Sat on the commission or the council for this project")),
        )


# --- Terms ending -----------------------------------------------------------------------------
