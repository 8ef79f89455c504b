"""An accreditation project up to the self-assessment: the lists, the application, the
threshold check, the contract, the coordinator's board and assignment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import (
    AmendmentForm,
    ApplicationForm,
    AssignForm,
    ContractForm,
    MoveForm,
    SelfAssessmentForm,
    SelfAssessmentReviewForm,
    ThresholdForm,
)
from ..selectors.standards import checklist_for

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
PROJECT_SHOWN = shown_by(selectors.projects_visible_to)

VIEW = "accreditation.view_accreditationproject"
MANAGE = "accreditation.change_accreditationproject"


class ProjectListView(RegisterListView):
    access_rule = "accreditation.view_accreditationproject"
    template_name = "accreditation/project_list.html"
    search_fields = ("number", "organization__name", "organization__iaar_id")
    title = gettext_lazy("Accreditation projects")

    def get_rows(self, user):
        return selectors.projects_visible_to(user)


@access("accreditation.apply_accreditation")
def project_apply(request: HttpRequest) -> HttpResponse:
    organizations = selectors.organizations_represented_by(request.user)
    made = {}

    def apply(data):
        made["project"] = services.project_apply(
            actor=request.user,
            organization=data["organization"],
            kind=data["kind"],
            level=data["level"],
            programmes=data["programmes"],
            note=data["note"],
        )

    form = ApplicationForm(request.POST or None, organizations=organizations)
    posted = request.method == "POST" and form.is_valid()
    if posted and run_service(
        request, lambda: apply(form.cleaned_data), _("Your application is submitted."), form
    ):
        return redirect(made["project"])
    return render(request, "accreditation/project_apply.html", {"form": form, "organizations": organizations})


@access("accreditation.view_accreditationproject", opens=PROJECT_SHOWN)
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    context = selectors.project_page(request.user, project)
    return render(request, "accreditation/project_detail.html", {**context, "events": events_for(project)})


@require_POST
@access("accreditation.change_accreditationproject", opens=PROJECT_SHOWN)
def project_move(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            lambda: services.project_move(
                project=project,
                actor=request.user,
                target=form.cleaned_data["target"],
                comment=form.cleaned_data["comment"],
            ),
            _("Done."),
        )
    else:
        messages.error(request, _("The request was incomplete; nothing was changed."))
    return redirect(project)


@access("accreditation.change_accreditationproject", opens=PROJECT_SHOWN)
def project_threshold(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    form = ThresholdForm(request.POST or None, checklist=checklist_for(project.level))
    return form_page(
        request,
        form,
        action=lambda data: services.threshold_decide(
            project=project, actor=request.user, items=form.items(), reasons=data["reasons"]
        ),
        success=_("The threshold check is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/project_threshold.html",
        context={"project": project},
    )


@access("accreditation.change_accreditationproject", opens=PROJECT_SHOWN)
def project_contract(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    return form_page(
        request,
        ContractForm(request.POST or None),
        action=lambda data: services.contract_register(project=project, actor=request.user, **data),
        success=_("The contract is registered; the organization can start its self-assessment."),
        done_url=project.get_absolute_url(),
        template="accreditation/project_contract.html",
        context={"project": project},
    )


@access("accreditation.apply_accreditation", opens=PROJECT_SHOWN)
def self_assessment_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    return form_page(
        request,
        SelfAssessmentForm(request.POST or None, request.FILES or None),
        action=lambda data: services.self_assessment_submit(
            project=project, actor=request.user, upload=data["file"]
        ),
        success=_("Your self-assessment report is uploaded; the agency will review it."),
        done_url=project.get_absolute_url(),
        template="accreditation/self_assessment_form.html",
        context={"project": project},
    )


@access("accreditation.change_accreditationproject", opens=PROJECT_SHOWN)
def self_assessment_review(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    report = selectors.self_assessment_get_for(project, report_pk)
    return form_page(
        request,
        SelfAssessmentReviewForm(request.POST or None),
        action=lambda data: services.self_assessment_review(
            report=report,
            actor=request.user,
            conforming=data["decision"] == "conforming",
            comments=data["comments"],
        ),
        success=_("The review is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/self_assessment_review.html",
        context={"project": project, "report": report},
    )


@access("accreditation.view_accreditationproject", opens=PROJECT_SHOWN)
def self_assessment_file(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    report = selectors.self_assessment_get_for(project, report_pk)
    return stored_file_response(report.file, report.file_name, attachment=True)


@access(VIEW)
def workspace(request: HttpRequest) -> HttpResponse:
    columns = selectors.workspace(request.user)
    view = "table" if request.GET.get("view") == "table" else "board"
    return render(request, "accreditation/workspace.html", {"columns": columns, "view": view})


@access(MANAGE, opens=PROJECT_SHOWN)
def project_assign(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    initial = {"coordinator": project.coordinator_id, "standard_set": project.standard_set_id}
    return form_page(
        request,
        AssignForm(request.POST or None, initial=initial),
        action=lambda data: services.project_assign(
            project=project,
            actor=request.user,
            coordinator=data["coordinator"],
            standard_set=data["standard_set"],
        ),
        success=_("The coordinator is assigned."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Assign the coordinator"), "button": _("Assign")},
    )


@access(MANAGE, opens=PROJECT_SHOWN)
def contract_amend(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    return form_page(
        request,
        AmendmentForm(request.POST or None),
        action=lambda data: services.contract_amend(project=project, actor=request.user, **data),
        success=_("The amendment is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Contract amendment"), "button": _("Record the amendment")},
    )
