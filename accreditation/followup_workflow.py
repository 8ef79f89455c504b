"""The follow-up of one EEC recommendation as a table (§6.5.5, §7.2.4): the organization reports
its progress in the yearly monitoring report; the coordinator, for the monitoring expert group,
confirms an implementation or sends it back."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, rel

from .models import FollowupItem, FollowupProgress, Progress

F = FollowupItem.Status


def _args(item) -> list:
    return [item.project_id, item.pk]


def _report(label) -> Move:
    return Move(label, rel("represents-organization"), via="accreditation:followup_report", args=_args)


_REPORTS = {
    F.NOT_STARTED: _report(_("Progress reported: not started")),
    F.IN_PROGRESS: _report(_("Progress reported: in progress")),
    F.IMPLEMENTED: _report(_("Progress reported: implemented")),
}

FOLLOWUP_WORKFLOW = Workflow(
    FollowupItem,
    "status",
    {
        F.OPEN: _REPORTS,
        F.NOT_STARTED: _REPORTS,
        F.IN_PROGRESS: _REPORTS,
        F.IMPLEMENTED: {
            F.CLOSED: Move(
                _("Implementation confirmed"),
                rel("runs-project"),
                via="accreditation:followup_assess",
                args=_args,
            ),
            F.IN_PROGRESS: Move(_("Implementation not confirmed"), rel("runs-project")),
        },
    },
)


_REVISED = {
    Progress.NOT_STARTED: _("Progress revised: not started"),
    Progress.IN_PROGRESS: _("Progress revised: in progress"),
    Progress.IMPLEMENTED: _("Progress revised: implemented"),
}

# The progress the organization reported in one yearly report, revised before it is assessed.
FOLLOWUP_PROGRESS_WORKFLOW = Workflow(
    FollowupProgress,
    "status",
    {
        source: {
            target: Move(label, rel("represents-organization"))
            for target, label in _REVISED.items()
            if target != source
        }
        for source in Progress.values
    },
)
