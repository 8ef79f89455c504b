"""The follow-up of the EEC's recommendations on the "my tasks" dashboard: the organization's
recommendations still to report in its open yearly monitoring report, and the progress reports
waiting for the coordinator's assessment."""

from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .models import MonitoringTask
from .selectors import followup as selectors


def followup_tasks(user):
    if not user.is_authenticated:
        return
    if user.has_perm("accreditation.apply_accreditation"):
        items = list(selectors.followup_awaiting_report(user).order_by("project", "number")[:30])
        due = {
            t.project_id: t.due_on
            for t in MonitoringTask.objects.filter(
                project__in={i.project_id for i in items},
                kind=MonitoringTask.Kind.ANNUAL_REPORT,
                status__in=(MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED),
            ).order_by("-due_on")
        }
        for item in items:
            yield TaskItem(
                _("Recommendation %(number)s: %(organization)s")
                % {"number": item.number, "organization": item.project.organization.localized_name},
                item.get_absolute_url(),
                _("Follow-up of recommendations"),
                due=due.get(item.project_id),
                detail=_("Report the progress in the yearly monitoring report"),
            )
    if user.has_perm("accreditation.coordinate_project"):
        for progress in selectors.followup_awaiting_assessment(user).order_by("reported_at")[:30]:
            item = progress.item
            yield TaskItem(
                _("Recommendation %(number)s: %(organization)s")
                % {"number": item.number, "organization": item.project.organization.localized_name},
                item.get_absolute_url(),
                _("Follow-up of recommendations"),
                detail=_("Assess the progress reported"),
            )
