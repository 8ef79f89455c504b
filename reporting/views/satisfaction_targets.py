"""The Director General's approval of the surveys' satisfaction targets (§4.1, §7.4), by the KPI
targets' own path: a signature (password typed again) puts a proposal in force, or it is
returned to the IQAS owner."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access
from core.form_pages import form_page, run_service
from documents.forms import SignForm
from surveys.models import SatisfactionTarget
from surveys.services import satisfaction_target_approve as approve
from surveys.services import satisfaction_target_return as send_back
from surveys.workflow import SATISFACTION_TARGET_WORKFLOW

T = SatisfactionTarget.Status
APPROVES = SATISFACTION_TARGET_WORKFLOW.acts(T.APPROVED)


def _report_url(target: SatisfactionTarget) -> str:
    return f"{reverse('reporting:kpi_report')}?year={target.year}"


@access("improvement.view_kpi_report", moves=APPROVES)
def satisfaction_target_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The Director General approves a proposed satisfaction target with a signature."""
    target = get_object_or_404(SatisfactionTarget.objects.select_related("survey", "set_by"), pk=pk)
    if not APPROVES.allows(request.user, pk=pk):
        raise PermissionDenied
    if not SATISFACTION_TARGET_WORKFLOW.may(request.user, target, T.APPROVED):
        messages.error(request, _("This target is not awaiting approval."))
        return redirect(_report_url(target))
    return form_page(
        request,
        SignForm(request.POST or None),
        action=lambda data: approve(target=target, actor=request.user, password=data["password"]),
        success=_("Approved and signed: the target is in force."),
        done_url=_report_url(target),
        template="surveys/satisfaction_target_approve.html",
        context={"target": target, "report_url": _report_url(target)},
    )


@require_POST
@access("improvement.view_kpi_report", moves=SATISFACTION_TARGET_WORKFLOW.acts(T.RETURNED))
def satisfaction_target_return(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(SatisfactionTarget, pk=pk)
    if not SATISFACTION_TARGET_WORKFLOW.may(request.user, target, T.RETURNED):
        raise PermissionDenied
    run_service(
        request,
        lambda: send_back(target=target, actor=request.user),
        _("The proposal is returned to the IQAS owner; the approved target stays in force."),
    )
    return redirect(_report_url(target))
