"""The development of standards (§6.3): the list of development plans, drawing one up, a plan's
page with its inputs register, working group, consultations and the route of its draft, and
opening a public consultation on the draft."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.selectors import events_for
from documents.models import DESIGN_ROUTE_TYPES, Document

from ..models.bodies import Body
from ..models.standards_dev import DevelopmentInput
from ..selectors import standards_dev as selectors
from ..services import standards_dev as services
from ..workflow_standards_dev import ADD, KEEPS_PLAN, VIEW

DATE = forms.DateInput(attrs={"type": "date"})


class PlanForm(forms.Form):
    document = forms.ModelChoiceField(
        label=gettext_lazy("Standard or guideline"), queryset=Document.objects.none()
    )
    working_group = forms.ModelChoiceField(label=gettext_lazy("Working group"), queryset=Body.objects.none())
    reason = forms.CharField(
        label=gettext_lazy("Why it is developed"), widget=forms.Textarea(attrs={"rows": 3})
    )
    scope = forms.CharField(label=gettext_lazy("Scope"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.filter(doc_type__in=DESIGN_ROUTE_TYPES).exclude(
            status__in=[Document.Status.WITHDRAWN, Document.Status.ARCHIVED]
        )
        self.fields["working_group"].queryset = Body.objects.filter(
            kind=Body.Kind.WORKING_GROUP, is_active=True
        )


class InputForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=DevelopmentInput.Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300, required=False)
    reference = forms.CharField(label=gettext_lazy("Reference or link"), max_length=500, required=False)
    note = forms.CharField(
        label=gettext_lazy("How it is taken into account"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConsultationForm(forms.Form):
    opens_on = forms.DateField(label=gettext_lazy("Opens"), widget=DATE)
    closes_on = forms.DateField(label=gettext_lazy("Closes (last day for comments)"), widget=DATE)
    language = forms.ChoiceField(label=gettext_lazy("Language of the draft"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["opens_on"].initial = timezone.localdate()
        self.fields["language"].initial = settings.LANGUAGE_CODE


@access(VIEW)
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "governance/standards_dev/plan_list.html",
        {"plans": selectors.plans_for(request.user), "may_add": request.user.has_perm(ADD)},
    )


@access(ADD)
def plan_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        PlanForm(request.POST or None),
        action=lambda data: services.plan_create(actor=request.user, **data),
        success=_("The development plan is drawn up; register its inputs."),
        done_url=lambda plan: plan.get_absolute_url(),
        template="governance/standards_dev/form.html",
        context={"heading": _("New standard development plan")},
    )


@access(VIEW, opens=shown_by(selectors.plans_for))
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for(request.user, pk)
    keeps = KEEPS_PLAN.allows_on(request.user, plan)
    consultations = list(plan.consultations.select_related("version"))
    for consultation in consultations:
        consultation.counts = selectors.comment_counts(consultation)
    return render(
        request,
        "governance/standards_dev/plan_detail.html",
        {
            "plan": plan,
            "inputs": plan.inputs.all(),
            "members": plan.working_group.memberships.select_related("person").filter(
                term_start__lte=timezone.localdate(), term_end__gte=timezone.localdate()
            ),
            "route": selectors.route(plan),
            "draft": selectors.draft_of(plan),
            "versions": plan.document.versions.order_by("-major", "-minor"),
            "consultations": consultations,
            "keeps": keeps,
            "input_form": InputForm() if keeps else None,
            "events": events_for(plan),
        },
    )


def _kept(request: HttpRequest, pk: int):
    plan = selectors.plan_get_for(request.user, pk)
    if not KEEPS_PLAN.allows_on(request.user, plan):
        raise PermissionDenied
    return plan


@require_POST
@access(VIEW, opens=shown_by(selectors.plans_for), moves=KEEPS_PLAN)
def input_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    form = InputForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            lambda: services.input_add(plan=plan, actor=request.user, **form.cleaned_data),
            _("The input is registered."),
        )
    else:
        messages.error(request, _("Choose the kind of input."))
    return redirect(f"{plan.get_absolute_url()}#inputs")


@access(VIEW, opens=shown_by(selectors.plans_for), moves=KEEPS_PLAN)
def consultation_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _kept(request, pk)
    return form_page(
        request,
        ConsultationForm(request.POST or None),
        action=lambda data: services.consultation_open(plan=plan, actor=request.user, **data),
        success=_("The consultation is set up; add the draft's sections for the stakeholders to comment on."),
        done_url=lambda consultation: consultation.get_absolute_url(),
        template="governance/standards_dev/form.html",
        context={
            "heading": _("Public consultation on %(draft)s") % {"draft": selectors.draft_of(plan) or plan},
            "plan": plan,
        },
    )
