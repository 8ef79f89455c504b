"""Follow-up of the EEC's recommendations (§6.5.5, §7.2.4): the recommendations of the report
become items; the organization reports its progress on each with its yearly monitoring report;
the coordinator, for the monitoring expert group, assesses each."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.models import stored_label
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..followup_workflow import FOLLOWUP_PROGRESS_WORKFLOW, FOLLOWUP_WORKFLOW
from ..models import (
    AccreditationProject,
    EECReport,
    FollowupItem,
    FollowupProgress,
    MonitoringTask,
    Progress,
)
from ..selectors import representatives_of
from ..workflow import represents, runs_project

F = FollowupItem.Status
A = FollowupProgress.Assessment
# "1.", "2)", "-", "•" at the start of a line of the report: the commission's own numbering.
_BULLET = re.compile(r"^\s*(?:\d{1,3}\s*[.)]|[-•*–])\s*")


def recommendations_split(text: str) -> list[str]:
    """The recommendations of an EEC report written as free text, one a line (or a paragraph)."""
    return [line for line in (_BULLET.sub("", raw).strip() for raw in text.splitlines()) if line]


@transaction.atomic
def followup_items_make(*, project: AccreditationProject, actor) -> list[FollowupItem]:
    """Each recommendation of the EEC's report to the organization becomes an item to follow."""
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if not runs_project(actor, project):
        raise PermissionDenied(_("Only the project's coordinator or a project manager can do this."))
    report = EECReport.objects.filter(project=project, submitted_at__isnull=False).first()
    if report is None:
        raise ValidationError(_("The commission's report is not submitted yet."))
    if report.followup_items.exists():
        raise ValidationError(_("The recommendations of this report are items already."))
    texts = recommendations_split(report.recommendations_eo)
    if not texts:
        raise ValidationError(_("The commission's report has no recommendations to the organization."))
    items = []
    for number, text in enumerate(texts, start=1):
        item = FollowupItem(project=project, report=report, number=number, text=text, created_by=actor)
        item._history_user = actor
        item.save()
        items.append(item)
    event_record(
        obj=project,
        action=gettext_lazy("Recommendations of the EEC to follow up: %(n)s"),
        actor=actor,
        params={"n": len(items)},
    )
    return items


def open_report_of(project) -> MonitoringTask | None:
    """The yearly monitoring report the organization is writing now (the progress goes in it)."""
    return (
        MonitoringTask.objects.filter(
            project=project,
            kind=MonitoringTask.Kind.ANNUAL_REPORT,
            status__in=(MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED),
        )
        .order_by("due_on", "pk")
        .first()
    )


@transaction.atomic
def followup_report(
    *, item: FollowupItem, actor, status: str, note: str = "", upload=None, link: str = ""
) -> FollowupProgress:
    """The organization's progress on one recommendation in its open yearly monitoring report.
    Implemented is refused without evidence (a file or a link)."""
    item = FollowupItem.objects.select_for_update().select_related("project__organization").get(pk=item.pk)
    if not represents(actor, item.project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    if status not in Progress.values:
        raise ValidationError(_("Choose implemented, in progress or not started."))
    task = open_report_of(item.project)
    if task is None:
        raise ValidationError(
            _("No yearly monitoring report is open: progress is reported with the next one.")
        )
    row = FollowupProgress.objects.select_for_update().filter(item=item, task=task).first()
    if row is not None and row.assessment:
        raise ValidationError(_("This progress is assessed already."))
    if item.status in (F.IMPLEMENTED, F.CLOSED):
        # An implementation waits for its assessment; one not confirmed goes back in progress.
        raise ValidationError(_("This recommendation is reported implemented already."))
    kept_file = bool(row and row.evidence_file)
    if status == Progress.IMPLEMENTED and not (upload or link.strip() or kept_file):
        raise ValidationError(
            _("Attach the evidence (a file or a link) to report the recommendation implemented.")
        )
    if not note.strip():
        raise ValidationError(_("Say what was done."))
    if upload is not None:
        check_upload(upload)
    revised = row is not None and row.status != status
    row = row or FollowupProgress(item=item, task=task, status=status)
    row.note = note.strip()
    row.evidence_link = link.strip()
    if upload is not None:
        row.evidence_file.save(upload.name, upload, save=False)
        row.evidence_name = upload.name[:255]
    row.reported_by = actor
    row.reported_at = timezone.now()
    row._history_user = actor
    row.save()
    if revised:
        # The new progress moves through its table (a history row with the reason).
        transition_perform(obj=row, workflow=FOLLOWUP_PROGRESS_WORKFLOW, target=status, actor=actor)
        row.refresh_from_db()
    if item.status != status:
        transition_perform(obj=item, workflow=FOLLOWUP_WORKFLOW, target=status, actor=actor, comment=row.note)
    return row


@transaction.atomic
def followup_assess(
    *, progress: FollowupProgress, actor, confirmed: bool, note: str = ""
) -> FollowupProgress:
    """The monitoring expert group's (or the coordinator's) assessment of one progress report. A
    confirmed implementation closes the recommendation; a refused one sends it back in progress."""
    progress = (
        FollowupProgress.objects.select_for_update().select_related("item__project").get(pk=progress.pk)
    )
    item = progress.item
    if not runs_project(actor, item.project):
        raise PermissionDenied(_("Only the project's coordinator or a project manager can do this."))
    if progress.assessment:
        raise ValidationError(_("This progress is assessed already."))
    if not confirmed and not note.strip():
        raise ValidationError(_("Say why the progress is not confirmed."))
    progress.assessment = A.CONFIRMED if confirmed else A.NOT_CONFIRMED
    progress.assessment_note = note.strip()
    progress.assessed_by = actor
    progress.assessed_at = timezone.now()
    progress._history_user = actor
    progress.save()
    if progress.status == Progress.IMPLEMENTED and item.status == F.IMPLEMENTED:
        transition_perform(
            obj=item,
            workflow=FOLLOWUP_WORKFLOW,
            target=F.CLOSED if confirmed else F.IN_PROGRESS,
            actor=actor,
            comment=progress.assessment_note,
        )
    else:
        event_record(
            obj=item,
            action=gettext_lazy("Progress %(assessment)s"),
            actor=actor,
            params={"assessment": stored_label(A, progress.assessment)},
            comment=progress.assessment_note,
        )
    if not confirmed:
        notification_send(
            recipients=representatives_of(item.project.organization),
            subject=gettext_lazy("Progress on recommendation %(number)s is not confirmed"),
            params={"number": item.number},
            body=progress.assessment_note,
            url=item.get_absolute_url(),
        )
    return progress
