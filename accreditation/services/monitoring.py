"""Post-accreditation monitoring up to re-accreditation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm

from core.files import check_upload
from core.models import stored_label
from core.permissions import people_with_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import AccreditationProject, Decision, MonitoringTask
from ..selectors import representatives_of
from ..selectors.standards import current_standards
from ..workflow import MONITORING_WORKFLOW, REACCREDITATION
from .certificates import add_years
from .projects import project_advance, project_number_next, require_runner

S = AccreditationProject.Status


def monitoring_schedule(*, project, decision: Decision) -> list[MonitoringTask]:
    """An annual report each year of the accreditation, and a mid-term visit for terms of three
    years or more."""
    start = decision.decided_on
    years = decision.years or 1
    tasks = [
        MonitoringTask(project=project, kind=MonitoringTask.Kind.ANNUAL_REPORT, due_on=add_years(start, n))
        for n in range(1, years)
    ]
    if years >= 3:
        midterm = start + (add_years(start, years) - start) / 2
        tasks.append(MonitoringTask(project=project, kind=MonitoringTask.Kind.MIDTERM_VISIT, due_on=midterm))
    tasks.sort(key=lambda t: t.due_on)
    for task in tasks:  # one save each, so every task has its history row (no bulk_create)
        task.save()
    return tasks


@transaction.atomic
def monitoring_submit(*, task: MonitoringTask, actor, upload) -> MonitoringTask:
    task = MonitoringTask.objects.select_for_update().select_related("project__organization").get(pk=task.pk)
    if not ObjectPermissionChecker(actor).has_perm("represent_organization", task.project.organization):
        raise PermissionDenied(_("You do not represent this organization."))
    if task.kind != MonitoringTask.Kind.ANNUAL_REPORT:
        raise ValidationError(_("A monitoring visit has no report to upload."))
    if task.status not in (MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED):
        raise ValidationError(_("This report is submitted already."))
    check_upload(upload)
    task.file.save(upload.name, upload, save=False)
    task = transition_perform(
        obj=task,
        workflow=MONITORING_WORKFLOW,
        target=MonitoringTask.Status.SUBMITTED,
        actor=actor,
        also={
            "file": task.file.name,
            "file_name": upload.name[:255],
            "submitted_by": actor,
            "submitted_at": timezone.now(),
        },
    )
    event_record(obj=task.project, action=gettext_lazy("Monitoring report uploaded"), actor=actor)
    project = task.project
    notification_send(
        recipients=[u for u in (project.coordinator,) if u]
        or list(people_with_perm("accreditation.change_accreditationproject")),
        subject=gettext_lazy("Monitoring report of %(organization)s to review"),
        params={"organization": project.organization.name},
        url=project.get_absolute_url(),
    )
    return task


@transaction.atomic
def monitoring_review(*, task: MonitoringTask, actor, accepted: bool, comments: str = "") -> MonitoringTask:
    task = MonitoringTask.objects.select_for_update().select_related("project").get(pk=task.pk)
    require_runner(actor, task.project)
    if task.kind == MonitoringTask.Kind.ANNUAL_REPORT and task.status != MonitoringTask.Status.SUBMITTED:
        raise ValidationError(_("No report is waiting for review."))
    if task.kind == MonitoringTask.Kind.MIDTERM_VISIT and task.status == MonitoringTask.Status.ACCEPTED:
        raise ValidationError(_("This visit is recorded already."))
    if not accepted and not comments.strip():
        raise ValidationError(_("Say what the organization must correct."))
    task = transition_perform(
        obj=task,
        workflow=MONITORING_WORKFLOW,
        target=MonitoringTask.Status.ACCEPTED if accepted else MonitoringTask.Status.RETURNED,
        actor=actor,
        comment=comments,
        also={"reviewed_by": actor, "comments": comments},
    )
    event_record(
        obj=task.project,
        action=gettext_lazy("%(task)s accepted") if accepted else gettext_lazy("%(task)s returned"),
        actor=actor,
        params={"task": stored_label(task.Kind, task.kind)},
        comment=comments,
    )
    if task.submitted_by_id:
        notification_send(
            recipients=[task.submitted_by],
            subject=gettext_lazy("Your monitoring report is accepted")
            if accepted
            else gettext_lazy("Your monitoring report is returned for correction"),
            body=comments,
            url=task.project.get_absolute_url(),
        )
    return task


@transaction.atomic
def reaccreditation_start(*, project, actor) -> AccreditationProject:
    """A new application linked to the old project; the old one closes."""
    project = AccreditationProject.objects.select_for_update().get(pk=project.pk)
    if not REACCREDITATION.allows_on(actor, project):
        raise PermissionDenied(_("You are not allowed to do this."))
    if project.status != S.POST_MONITORING:
        raise ValidationError(_("Re-accreditation starts from an accredited project under monitoring."))
    new = AccreditationProject.objects.create(
        number=project_number_next(timezone.localdate().year),
        organization=project.organization,
        kind=project.kind,
        level=project.level,
        applicant=actor,
        application_note=_("Re-accreditation"),
        previous_project=project,
        coordinator=project.coordinator,
        record_class=project.record_class,
        # The standards in force now (a new edition may have replaced the ones of the last time).
        standard_set=current_standards(project.kind),
    )
    new.programmes.set(project.programmes.all())
    for user in representatives_of(project.organization):
        assign_perm("accreditation.view_accreditationproject", user, new)
    if new.coordinator_id:
        assign_perm("accreditation.view_accreditationproject", new.coordinator, new)
    event_record(
        obj=new, action=gettext_lazy("Re-accreditation application"), actor=actor, to_state=new.status
    )
    project_advance(project=project, actor=actor, target=S.CLOSED, comment=_("Re-accreditation started"))
    notification_send(
        recipients=people_with_perm("accreditation.change_accreditationproject"),
        subject=gettext_lazy("New application for accreditation: %(organization)s"),
        params={"organization": project.organization.name},
        url=new.get_absolute_url(),
    )
    return new
