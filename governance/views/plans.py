"""The year's implementation plan (§4.4.1): the plan page, the IQAS owner's pages that make and
correct it, an item's page where its owner reports progress and closes it, the plan-execution
board, the year's implementation report (PDF) and the strategy's public switch."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.pdf import pdf_response
from core.permissions import people_with_perm
from core.selectors import events_for

from .. import selectors, services
from ..forms import ItemCloseForm, PlanCreateForm, PlanItemForm, ProgressForm
from ..models import PlanItem, StrategyVersion
from ..pdf import plan_report_pdf
from ..selectors import plans as plan_selectors
from ..services import plan as plan_services
from ..workflow import EDIT, ITEM_WORKFLOW, PLAN_WORKFLOW, REPORTS

IS = PlanItem.Status
VIEW = "governance.view_strategy"
PLAN_SHOWN = shown_by(selectors.plans_for)
ITEM_SHOWN = shown_by(plan_selectors.items_for)


def _owners():
    """Whom an item may be given to: the agency's people who read the strategy."""
    return people_with_perm(VIEW).order_by("last_name", "first_name", "username")


@access(VIEW, opens=PLAN_SHOWN)
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_selectors.plan_get_for(request.user, pk)
    execution = plan_selectors.plan_execution(plan)
    may_edit = request.user.has_perm(EDIT)
    mine = request.GET.get("mine") == "1"
    items = [i for i in execution.items if i.owner_id == request.user.pk] if mine else execution.items
    return render(
        request,
        "governance/plan_detail.html",
        {
            "plan": plan,
            "version": plan.strategy_version,
            "execution": execution,
            "items": items,
            "mine": mine,
            "has_mine": any(i.owner_id == request.user.pk for i in execution.items),
            "done_percent": execution.overall.done_percent,
            "revisions": execution.revisions,
            "may_edit": may_edit,
            "may_add": may_edit and plan.strategy_version.status == StrategyVersion.Status.APPROVED,
            "plan_buttons": PLAN_WORKFLOW.buttons(plan, request.user),
        },
    )


@access(EDIT, opens=shown_by(selectors.versions_for))
def plan_create(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk)
    taken = set(selectors.plans_for(request.user).values_list("year", flat=True))
    years = [year for year in version.strategy.years if year not in taken]
    if version.status != StrategyVersion.Status.APPROVED or not years:
        messages.error(
            request,
            _("A plan is made under the effective version of the strategy.")
            if version.status != StrategyVersion.Status.APPROVED
            else _("Every year of the strategy has its plan already."),
        )
        return redirect(version.get_absolute_url())
    return form_page(
        request,
        PlanCreateForm(request.POST or None, years=years),
        action=lambda data: plan_services.plan_create(
            actor=request.user, strategy_version=version, year=data["year"]
        ),
        success=_("The plan was created; add its items."),
        done_url=lambda plan: plan.get_absolute_url(),
        template="governance/plan_form.html",
        context={
            "heading": _("New implementation plan"),
            "version": version,
            "cancel_url": version.get_absolute_url(),
        },
    )


@access(EDIT, opens=PLAN_SHOWN)
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_selectors.plan_get_for(request.user, pk)
    form = PlanItemForm(request.POST or None, plan=plan, owners=_owners())
    return form_page(
        request,
        form,
        action=lambda data: plan_services.item_add(plan=plan, actor=request.user, **data),
        success=_("The item was added to the plan."),
        done_url=plan.get_absolute_url(),
        template="governance/plan_form.html",
        context={
            "heading": _("New plan item"),
            "plan": plan,
            "version": plan.strategy_version,
            "cancel_url": plan.get_absolute_url(),
        },
    )


@access(EDIT, opens=ITEM_SHOWN)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = plan_selectors.item_get_for(request.user, pk)
    if not item.is_open:
        messages.error(request, _("A closed item is not corrected."))
        return redirect(item.get_absolute_url())
    initial = {
        "task": item.task,
        "title": item.title,
        "owner": item.owner,
        "due_date": item.due_date,
        "indicator": item.indicator,
        "expected_result": item.expected_result,
    }
    form = PlanItemForm(
        request.POST or None, plan=item.plan, owners=_owners(), correcting=True, initial=initial
    )
    return form_page(
        request,
        form,
        action=lambda data: plan_services.item_correct(item=item, actor=request.user, **data),
        success=_("The correction was saved as a new revision of the plan."),
        done_url=item.get_absolute_url(),
        template="governance/plan_form.html",
        context={
            "heading": _("Correct the plan item"),
            "plan": item.plan,
            "version": item.plan.strategy_version,
            "item": item,
            "cancel_url": item.get_absolute_url(),
        },
    )


@access(VIEW, opens=ITEM_SHOWN)
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = plan_selectors.item_get_for(request.user, pk)
    item.overdue = plan_selectors.is_overdue(item, timezone.localdate())
    return render(
        request,
        "governance/item_detail.html",
        {
            "item": item,
            "plan": item.plan,
            "version": item.plan.strategy_version,
            "reports": item.reports.select_related("reported_by"),
            "events": events_for(item),
            "may_report": item.is_open and REPORTS.allows_on(request.user, item),
            "may_correct": item.is_open and request.user.has_perm(EDIT),
        },
    )


@access(VIEW, opens=ITEM_SHOWN, moves=REPORTS)
def item_report(request: HttpRequest, pk: int) -> HttpResponse:
    item = plan_selectors.item_get_for(request.user, pk)
    if not REPORTS.allows_on(request.user, item):
        raise PermissionDenied
    if not item.is_open:
        messages.info(request, _("This item is closed; its progress is no longer reported."))
        return redirect(item.get_absolute_url())
    return form_page(
        request,
        ProgressForm(request.POST or None, request.FILES or None, initial={"percent": item.percent_done}),
        action=lambda data: plan_services.progress_report(item=item, actor=request.user, **data),
        success=_("Your progress report was saved."),
        done_url=item.get_absolute_url(),
        template="governance/plan_form.html",
        context={
            "heading": _("Report progress: %(title)s") % {"title": item.title},
            "plan": item.plan,
            "version": item.plan.strategy_version,
            "item": item,
            "cancel_url": item.get_absolute_url(),
        },
    )


_CLOSE_TEXT = {
    IS.DONE: (lambda: _("Close the item as done"), lambda: _("The item is closed as done.")),
    IS.NOT_DONE: (lambda: _("Close the item as not done"), lambda: _("The item is closed as not done.")),
    IS.CANCELLED: (lambda: _("Cancel the plan item"), lambda: _("The item is cancelled.")),
}


def _close_page(request: HttpRequest, pk: int, target: str) -> HttpResponse:
    item = plan_selectors.item_get_for(request.user, pk)
    if not ITEM_WORKFLOW.acts(target).allows(request.user, pk=item.pk):
        raise PermissionDenied
    if not ITEM_WORKFLOW.may(request.user, item, target):
        messages.info(request, _("This item cannot be closed this way now."))
        return redirect(item.get_absolute_url())
    heading, success = _CLOSE_TEXT[target]
    return form_page(
        request,
        ItemCloseForm(request.POST or None, reason_required=target != IS.DONE),
        action=lambda data: plan_services.item_close(
            item=item, actor=request.user, target=target, comment=data["comment"]
        ),
        success=success(),
        done_url=item.get_absolute_url(),
        template="governance/plan_form.html",
        context={
            "heading": heading(),
            "plan": item.plan,
            "version": item.plan.strategy_version,
            "item": item,
            "cancel_url": item.get_absolute_url(),
            "danger": target != IS.DONE,
        },
    )


@access(VIEW, opens=ITEM_SHOWN, moves=ITEM_WORKFLOW.acts(IS.DONE))
def item_done(request: HttpRequest, pk: int) -> HttpResponse:
    return _close_page(request, pk, IS.DONE)


@access(VIEW, opens=ITEM_SHOWN, moves=ITEM_WORKFLOW.acts(IS.NOT_DONE))
def item_not_done(request: HttpRequest, pk: int) -> HttpResponse:
    return _close_page(request, pk, IS.NOT_DONE)


@access(VIEW, opens=ITEM_SHOWN, moves=ITEM_WORKFLOW.acts(IS.CANCELLED))
def item_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _close_page(request, pk, IS.CANCELLED)


@access(VIEW, opens=shown_by(plan_selectors.reports_for))
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = plan_selectors.report_get_for(request.user, pk)
    if not report.evidence:
        raise Http404
    return stored_file_response(
        report.evidence, report.evidence_name or report.evidence.name, attachment=True
    )


@access(VIEW, opens=PLAN_SHOWN)
def plan_board(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_selectors.plan_get_for(request.user, pk)
    execution = plan_selectors.plan_execution(plan)
    return render(
        request,
        "governance/plan_board.html",
        {
            "plan": plan,
            "version": plan.strategy_version,
            "execution": execution,
            "charts": plan_selectors.execution_charts(execution, width=480),
        },
    )


@access(VIEW, opens=PLAN_SHOWN)
def plan_report(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_selectors.plan_get_for(request.user, pk)
    return pdf_response(plan_report_pdf(plan), f"implementation-report-{plan.year}.pdf", inline=False)


@require_POST
@access(EDIT, opens=shown_by(selectors.strategies_for))
def strategy_public(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = selectors.strategy_get_for(request.user, pk)
    public = request.POST.get("public") == "1"
    run_service(
        request,
        lambda: services.strategy_publish(strategy=strategy, actor=request.user, is_public=public),
        _("The strategy is shown on the public site.")
        if public
        else _("The strategy is off the public site."),
    )
    return redirect(strategy.get_absolute_url())
