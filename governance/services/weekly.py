"""The agency's weekly meeting (§4.4.2, §7.2.3): prepared with an agenda pulled from the
records (plan items overdue and due this week, work-plan items due, project steps due this
week, actions still open), recorded with attendance, a note per line, short minutes and
actions for owners; closing it fixes the record."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import AccreditationProject
from core.permissions import people_with_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import (
    PlanItem,
    WeeklyAction,
    WeeklyAgendaLine,
    WeeklyAttendance,
    WeeklyMeeting,
    WorkPlan,
    WorkPlanItem,
)
from ..workflow import ACTION_WORKFLOW, KEEP_WEEKLY, WEEKLY_WORKFLOW

WM = WeeklyMeeting.Status
K = WeeklyAgendaLine.Kind
READ = "governance.view_weeklymeeting"
OPEN_ITEM = (PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS)
FINISHED_PROJECT = (
    AccreditationProject.Status.CLOSED,
    AccreditationProject.Status.REJECTED,
)


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the day's week."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def staff() -> list:
    """The people who attend and own actions: the agency's staff."""
    return list(people_with_perm(READ).order_by("last_name", "first_name", "pk"))


def _require_keeper(actor) -> None:
    if not actor.has_perm(KEEP_WEEKLY):
        raise PermissionDenied(_("Only the IQAS owner or the Director General keeps the weekly meeting."))


def _require_open(meeting: WeeklyMeeting) -> None:
    if meeting.status != WM.PREPARED:
        raise ValidationError(_("The meeting is closed: its record is fixed and no longer changed."))


def _save(obj, actor, reason: str = "") -> None:
    obj._history_user = actor
    if reason:
        obj._change_reason = reason
    obj.save()


def _agenda_pull(meeting: WeeklyMeeting, actor) -> int:
    """Add to the agenda what the records say is due; lines already there stay as they are."""
    monday, sunday = week_of(meeting.date)
    have = {(line.kind, line.subject.pk) for line in meeting.agenda.all() if line.subject is not None}
    found: list[tuple[str, str, object, datetime.date | None]] = []
    for item in PlanItem.objects.filter(status__in=OPEN_ITEM, due_date__lte=sunday).order_by(
        "due_date", "pk"
    ):
        found.append((K.OVERDUE if item.due_date < monday else K.DUE, "plan_item", item, item.due_date))
    works = WorkPlanItem.objects.filter(
        status=WorkPlanItem.Status.OPEN, work_plan__status=WorkPlan.Status.APPROVED, due_date__lte=sunday
    ).order_by("due_date", "pk")
    found += [(K.WORK, "work_item", item, item.due_date) for item in works]
    projects = (
        AccreditationProject.objects.filter(stage_due__gte=monday, stage_due__lte=sunday)
        .exclude(status__in=FINISHED_PROJECT)
        .order_by("stage_due", "pk")
    )
    found += [(K.PROJECT, "project", project, project.stage_due) for project in projects]
    actions = WeeklyAction.objects.filter(status=WeeklyAction.Status.OPEN, meeting__date__lt=meeting.date)
    found += [(K.ACTION, "action", a, a.due_date) for a in actions.order_by("due_date", "pk")]
    position = max((line.position for line in meeting.agenda.all()), default=0)
    added = 0
    for kind, field, subject, due in found:
        if (kind, subject.pk) in have:
            continue
        position += 1
        line = WeeklyAgendaLine(
            meeting=meeting, position=position, kind=kind, due_date=due, **{field: subject}
        )
        _save(line, actor)
        added += 1
    return added


@transaction.atomic
def weekly_meeting_prepare(*, actor, date: datetime.date | None, chair=None) -> WeeklyMeeting:
    if not actor.has_perm("governance.add_weeklymeeting"):
        raise PermissionDenied(_("Only the IQAS owner or the Director General prepares the weekly meeting."))
    if date is None:
        raise ValidationError(_("Give the date of the meeting."))
    if WeeklyMeeting.objects.filter(date=date).exists():
        raise ValidationError(_("There is already a weekly meeting on this date."))
    try:
        with transaction.atomic():
            meeting = WeeklyMeeting(date=date, chair=chair, prepared_by=actor)
            _save(meeting, actor)
    except IntegrityError as exc:
        raise ValidationError(_("There is already a weekly meeting on this date.")) from exc
    for person in staff():
        _save(WeeklyAttendance(meeting=meeting, person=person), actor)
    _agenda_pull(meeting, actor)
    event_record(
        obj=meeting, action=gettext_lazy("Meeting prepared, agenda pulled from the plans"), actor=actor
    )
    return meeting


@transaction.atomic
def weekly_agenda_refresh(*, meeting: WeeklyMeeting, actor) -> int:
    _require_keeper(actor)
    meeting = WeeklyMeeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    return _agenda_pull(meeting, actor)


@transaction.atomic
def weekly_attendance_set(*, meeting: WeeklyMeeting, actor, present: set[int]) -> None:
    _require_keeper(actor)
    _require_open(meeting)
    for row in meeting.attendance.all():
        if row.present != (row.person_id in present):
            row.present = row.person_id in present
            _save(row, actor)


@transaction.atomic
def weekly_record(*, meeting: WeeklyMeeting, actor, minutes: str, notes: dict[int, str]) -> None:
    """The short minutes and a note on the progress of each agenda line."""
    _require_keeper(actor)
    meeting = WeeklyMeeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    for line in meeting.agenda.all():
        note = (notes.get(line.pk) or "").strip()
        if line.pk in notes and note != line.note:
            line.note = note
            _save(line, actor)
    minutes = (minutes or "").strip()
    if minutes != meeting.minutes:
        meeting.minutes = minutes
        _save(meeting, actor)


@transaction.atomic
def weekly_action_add(
    *, meeting: WeeklyMeeting, actor, title: str, owner, due_date: datetime.date | None
) -> WeeklyAction:
    _require_keeper(actor)
    _require_open(meeting)
    if not (title or "").strip():
        raise ValidationError(_("Say what is to be done."))
    if owner is None:
        raise ValidationError(_("Choose who owns the action; nothing was saved."))
    if not owner.is_active or not owner.has_perm(READ):
        raise ValidationError(_("The owner must be a member of the agency's staff."))
    if due_date is None or due_date < meeting.date:
        raise ValidationError(_("Give a due date on or after the meeting's date."))
    action = WeeklyAction(meeting=meeting, title=title.strip(), owner=owner, due_date=due_date)
    _save(action, actor)
    notification_send(
        recipients=[owner],
        subject=gettext_lazy("Action from the weekly meeting of %(date)s: %(title)s"),
        params={"date": meeting.date.isoformat(), "title": action.title},
        url=action.get_absolute_url(),
    )
    return action


@transaction.atomic
def weekly_meeting_close(*, meeting: WeeklyMeeting, actor) -> WeeklyMeeting:
    WEEKLY_WORKFLOW.check(meeting, WM.CLOSED, actor)
    if not meeting.minutes.strip():
        raise ValidationError(_("Write the minutes before closing the meeting."))
    if not meeting.attendance.filter(present=True).exists():
        raise ValidationError(_("Mark who attended before closing the meeting."))
    return transition_perform(
        obj=meeting,
        workflow=WEEKLY_WORKFLOW,
        target=WM.CLOSED,
        actor=actor,
        action=gettext_lazy("Meeting closed, its record fixed"),
        also={"closed_by": actor, "closed_at": timezone.now()},
    )


@transaction.atomic
def weekly_action_done(*, action: WeeklyAction, actor) -> WeeklyAction:
    return transition_perform(
        obj=action,
        workflow=ACTION_WORKFLOW,
        target=WeeklyAction.Status.DONE,
        actor=actor,
        action=gettext_lazy("Action marked done"),
        also={"done_at": timezone.now()},
    )
