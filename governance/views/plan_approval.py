"""The Director General's approval of the year's implementation plan (§4.4.1): a signature
(password typed again) once a collegial body has discussed the draft."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.access import access, shown_by
from core.form_pages import form_page

from .. import selectors
from ..forms import ApproveForm
from ..models import ImplementationPlan
from ..services.plan_approval import plan_approve as approve
from ..workflow import PLAN_WORKFLOW

VIEW = "governance.view_strategy"
APPROVES_PLAN = PLAN_WORKFLOW.acts(ImplementationPlan.Status.APPROVED)


@access(VIEW, opens=shown_by(selectors.plans_for), moves=APPROVES_PLAN)
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plans_for(request.user).select_related("discussed_at__body").get(pk=pk)
    if not APPROVES_PLAN.allows(request.user, pk=pk):
        raise PermissionDenied
    if not PLAN_WORKFLOW.may(request.user, plan, ImplementationPlan.Status.APPROVED):
        messages.error(request, _("This plan is approved already."))
        return redirect(plan.get_absolute_url())
    return form_page(
        request,
        ApproveForm(request.POST or None),
        action=lambda data: approve(plan=plan, actor=request.user, password=data["password"]),
        success=_("Approved and signed: the plan is in force."),
        done_url=plan.get_absolute_url(),
        template="governance/plan_approve.html",
        context={"plan": plan, "version": plan.strategy_version, "strategy": plan.strategy_version.strategy},
    )
