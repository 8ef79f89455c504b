"""Project managers' work plans (§4.4.2): the list, a plan with its items, drawing one up,
adding items, and the moves of its table (submit, approve, return with a reason, change)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accreditation.models import AccreditationProject
from accreditation.selectors.projects import projects_visible_to
from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.selectors import events_for
from core.workflow import on_record

from ..models import PlanItem, WorkPlan, WorkPlanItem
from ..selectors import workplans as selectors
from ..services import workplans as services
from ..workflow import DRAFT_WORKPLAN, WORKITEM_WORKFLOW, WORKPLAN_AUTHOR, WORKPLAN_WORKFLOW

WP = WorkPlan.Status
VIEW = "governance.view_workplan"
EDITS = on_record(WorkPlan, WORKPLAN_AUTHOR)


class WorkPlanForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=WorkPlan.Period.choices)
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=gettext_lazy("Month (1–12) or quarter (1–4)"), min_value=1, max_value=12
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["number"].initial = today.month


class WorkItemForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Activity"), max_length=500)
    due_date = forms.DateField(label=gettext_lazy("Due date"), widget=forms.DateInput(attrs={"type": "date"}))
    plan_item = forms.ModelChoiceField(
        label=gettext_lazy("Item of the implementation plan"),
        queryset=PlanItem.objects.none(),
        required=False,
    )
    project = forms.ModelChoiceField(
        label=gettext_lazy("Accreditation project"),
        queryset=AccreditationProject.objects.none(),
        required=False,
    )

    def __init__(self, *args, plan: WorkPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = PlanItem.objects.filter(
            plan__year=plan.year, status__in=(PlanItem.Status.PLANNED, PlanItem.Status.IN_PROGRESS)
        ).order_by("due_date", "pk")
        self.fields["project"].queryset = (
            projects_visible_to(plan.author)
            .exclude(status__in=(AccreditationProject.Status.CLOSED, AccreditationProject.Status.REJECTED))
            .select_related("organization")
        )
        self.fields["due_date"].help_text = _("Within %(start)s – %(end)s.") % {
            "start": date_format(plan.starts, "SHORT_DATE_FORMAT"),
            "end": date_format(plan.ends, "SHORT_DATE_FORMAT"),
        }


class ReturnForm(forms.Form):
    # Not required here: the service refuses an empty reason with its own message.
    reason = forms.CharField(
        label=gettext_lazy("Reason for return"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


@access(VIEW)
def workplan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/workplan_list.html",
        {
            "plans": selectors.workplans_for(request.user),
            "awaiting": selectors.workplans_awaiting(request.user),
            "may_draft": request.user.has_perm(DRAFT_WORKPLAN),
        },
    )


@access(DRAFT_WORKPLAN)
def workplan_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        WorkPlanForm(request.POST or None),
        action=lambda data: services.workplan_create(actor=request.user, **data),
        success=_("The work plan was drawn up; add its items."),
        done_url=lambda plan: plan.get_absolute_url(),
        template="governance/workplan_form.html",
        context={"heading": _("New work plan")},
    )


@access(VIEW, opens=shown_by(selectors.workplans_for))
def workplan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.workplan_get_for(request.user, pk)
    items = list(selectors.workplan_items(plan))
    today = timezone.localdate()
    for item in items:
        item.overdue = item.status == WorkPlanItem.Status.OPEN and item.due_date < today
        item.buttons = WORKITEM_WORKFLOW.buttons(item, request.user) if plan.status == WP.APPROVED else []
    return render(
        request,
        "governance/workplan_detail.html",
        {
            "plan": plan,
            "items": items,
            "buttons": WORKPLAN_WORKFLOW.buttons(plan, request.user),
            "may_add": EDITS.allows_on(request.user, plan) and plan.status in services.EDITABLE,
            "events": events_for(plan),
        },
    )


@access(VIEW, opens=shown_by(selectors.workplans_for), moves=EDITS)
def workitem_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.workplan_get_for(request.user, pk)
    if not EDITS.allows_on(request.user, plan):
        raise PermissionDenied
    if plan.status not in services.EDITABLE:
        messages.error(request, _("Only a draft or a returned plan is changed."))
        return redirect(plan.get_absolute_url())
    return form_page(
        request,
        WorkItemForm(request.POST or None, plan=plan),
        action=lambda data: services.workitem_add(plan=plan, actor=request.user, **data),
        success=_("The item was added."),
        done_url=plan.get_absolute_url(),
        template="governance/workplan_form.html",
        context={"heading": _("New item of the work plan"), "plan": plan},
    )


def _move(request: HttpRequest, pk: int, call, success: str) -> HttpResponse:
    plan = selectors.workplan_get_for(request.user, pk)
    run_service(request, lambda: call(plan), success)
    return redirect(plan.get_absolute_url())


@require_POST
@access(VIEW, opens=shown_by(selectors.workplans_for), moves=WORKPLAN_WORKFLOW.acts(WP.SUBMITTED))
def workplan_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(
        request,
        pk,
        lambda plan: services.workplan_submit(plan=plan, actor=request.user),
        _("The plan was submitted for approval."),
    )


@require_POST
@access(VIEW, opens=shown_by(selectors.workplans_for), moves=WORKPLAN_WORKFLOW.acts(WP.APPROVED))
def workplan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(
        request,
        pk,
        lambda plan: services.workplan_approve(plan=plan, actor=request.user),
        _("The plan is approved."),
    )


@require_POST
@access(VIEW, opens=shown_by(selectors.workplans_for), moves=WORKPLAN_WORKFLOW.acts(WP.DRAFT))
def workplan_revise(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(
        request,
        pk,
        lambda plan: services.workplan_revise(plan=plan, actor=request.user),
        _("The plan is a draft again; submit it for approval when changed."),
    )


RETURNS = WORKPLAN_WORKFLOW.acts(WP.RETURNED)


@access(VIEW, opens=shown_by(selectors.workplans_for), moves=RETURNS)
def workplan_return(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.workplan_get_for(request.user, pk)
    if not RETURNS.allows(request.user, pk=pk):
        raise PermissionDenied
    return form_page(
        request,
        ReturnForm(request.POST or None),
        action=lambda data: services.workplan_return(plan=plan, actor=request.user, reason=data["reason"]),
        success=_("The plan was returned to its manager."),
        done_url=plan.get_absolute_url(),
        template="governance/workplan_form.html",
        context={"heading": _("Return the work plan"), "plan": plan, "button": _("Return the plan")},
    )


@require_POST
@access(VIEW, opens=shown_by(selectors.workitems_for), moves=WORKITEM_WORKFLOW.acts(WorkPlanItem.Status.DONE))
def workitem_done(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.workitem_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.workitem_done(item=item, actor=request.user, note=request.POST.get("note", "")),
        _("The item is reported done."),
    )
    return redirect(item.work_plan.get_absolute_url())
