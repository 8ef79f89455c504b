from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import TaskItem
from improvement.workflow import KPI_TARGET_WORKFLOW
from surveys.selectors import satisfaction_targets_awaiting_approval
from surveys.workflow import SATISFACTION_TARGET_WORKFLOW

from .selectors.kpis import targets_awaiting_approval
from .selectors.reviews import reviews_waiting_for


def review_tasks(user):
    """Management reviews: inputs to assemble and the meeting to hold, the order to submit and
    the review to close (IQAS owner); the order to sign (Director General)."""
    details = {
        "assemble": _("Assemble the input pack and hold the management review"),
        "hold": _("Hold the management review and record its conclusions"),
        "submit": _("Add the decisions and submit the order for signature"),
        "sign": _("Sign the management review order"),
        "close": _("Close the management review: its decisions are done"),
    }
    for review, what in reviews_waiting_for(user):
        yield TaskItem(
            title=f"{review.number} {_('Management review')}",
            url=review.get_absolute_url(),
            area=_("Management review"),
            due=review.planned_on if what in ("assemble", "hold") else None,
            detail=details[what],
        )


def kpi_target_tasks(user):
    """KPI targets the IQAS owner proposed, waiting for the Director General's signature (§4.1)."""
    for target in targets_awaiting_approval():
        if KPI_TARGET_WORKFLOW.may(user, target, target.Status.APPROVED):
            yield TaskItem(
                title=f"{target.code.upper()} {target.year}: ≤ {target.proposed_percent} %",
                url=reverse("reporting:kpi_target_approve", args=[target.pk]),
                area=_("KPIs"),
                detail=_("Approve a KPI target"),
            )


def outward_tasks(user):
    """The yearly reports the Director General has to sign or to send (§4.2, §4.5.2)."""
    from improvement.models import OutwardReport

    from .selectors.outward import unsent_for

    for report in unsent_for(user):
        signing = report.status == OutwardReport.Status.DRAFT
        yield TaskItem(
            title=f"{report.get_kind_display()} {report.year}",
            url=report.get_absolute_url(),
            area=_("Yearly reports"),
            detail=_("Sign the yearly report") if signing else _("Send the signed yearly report"),
        )


def satisfaction_target_tasks(user):
    """Satisfaction targets the IQAS owner proposed, waiting for the Director General (§4.1)."""
    for target in satisfaction_targets_awaiting_approval():
        if SATISFACTION_TARGET_WORKFLOW.may(user, target, target.Status.APPROVED):
            yield TaskItem(
                title=f"{target.survey.localized_title} {target.year}: ≥ {target.proposed_percent} %",
                url=reverse("reporting:satisfaction_target_approve", args=[target.pk]),
                area=_("KPIs"),
                detail=_("Approve a satisfaction target"),
            )
