"""Reminders (Celery beat, daily): stage deadlines, monitoring tasks and expiring certificates."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.models import stored_date, stored_label
from core.services import notification_send

from ..models import AccreditationProject, Certificate, ExpiryReminder, MonitoringTask
from ..selectors import representatives_of

S = AccreditationProject.Status


C = Certificate.Status


EXPIRY_MONTHS = (12, 6, 3)


def reminders_send(today: datetime.date | None = None) -> dict[str, int]:
    """Stage deadlines, monitoring tasks due in 30 days or late, and certificates expiring in
    12, 6 and 3 months. Each reminder goes out once; running twice a day changes nothing."""
    today = today or timezone.localdate()
    sent = {"stages": 0, "monitoring": 0, "expiry": 0}
    soon = today + datetime.timedelta(days=3)
    late_projects = AccreditationProject.objects.filter(
        stage_due__lte=soon, stage_reminded_on__isnull=True, coordinator__isnull=False
    ).select_related("organization", "coordinator")
    for project in late_projects:
        notification_send(
            recipients=[project.coordinator],
            subject=gettext_lazy("%(organization)s: the stage “%(stage)s” is due on %(date)s"),
            params={
                "organization": project.organization.name,
                "stage": stored_label(project.Status, project.status),
                "date": stored_date(project.stage_due),
            },
            url=project.get_absolute_url(),
        )
        project.stage_reminded_on = today
        project._change_reason = "Stage reminder sent"
        project.save(update_fields=["stage_reminded_on"])
        sent["stages"] += 1
    due = MonitoringTask.objects.filter(
        status__in=(MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED),
        due_on__lte=today + datetime.timedelta(days=30),
        project__status=S.POST_MONITORING,
    ).select_related("project__organization", "project__coordinator")
    for task in due:
        if task.reminded_on and (task.due_on >= today or (today - task.reminded_on).days < 7):
            continue  # reminded once before the due date, then weekly while late
        project = task.project
        notification_send(
            recipients=list(representatives_of(project.organization))
            + [u for u in (project.coordinator,) if u],
            subject=gettext_lazy("%(organization)s: %(task)s due on %(date)s"),
            params={
                "organization": project.organization.name,
                "task": stored_label(task.Kind, task.kind),
                "date": stored_date(task.due_on),
            },
            url=project.get_absolute_url(),
        )
        task.reminded_on = today
        task._change_reason = "Reminder sent"
        task.save(update_fields=["reminded_on"])
        sent["monitoring"] += 1
    for months in EXPIRY_MONTHS:
        horizon = today + datetime.timedelta(days=round(months * 30.44))
        expiring = (
            Certificate.objects.filter(status=C.VALID, valid_until__lte=horizon, valid_until__gte=today)
            .exclude(expiry_reminders__months__lte=months)
            .select_related("organization", "project__coordinator")
        )
        for certificate in expiring:
            try:
                with transaction.atomic():
                    ExpiryReminder.objects.create(certificate=certificate, months=months)
            except IntegrityError:
                continue
            notification_send(
                recipients=list(representatives_of(certificate.organization))
                + [u for u in (certificate.project.coordinator,) if u],
                subject=gettext_lazy("Certificate %(number)s expires on %(date)s: time to apply again"),
                params={"number": certificate.number, "date": stored_date(certificate.valid_until)},
                url=certificate.project.get_absolute_url(),
            )
            sent["expiry"] += 1
    return sent
