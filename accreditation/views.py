from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from . import selectors, services
from .forms import (
    ApplicationForm,
    ContractForm,
    MoveForm,
    OrganizationForm,
    ProgrammeForm,
    RepresentativeForm,
    SelfAssessmentForm,
    SelfAssessmentReviewForm,
    ThresholdForm,
)


class ProjectListView(RegisterListView):
    access_rule = "accreditation.view_accreditationproject"
    template_name = "accreditation/project_list.html"
    search_fields = ("organization__name", "organization__iaar_id")
    title = gettext_lazy("Accreditation projects")

    def get_rows(self, user):
        return selectors.projects_visible_to(user)


class OrganizationListView(RegisterListView):
    access_rule = "accreditation.view_organization"
    template_name = "accreditation/organization_list.html"
    search_fields = ("name", "name_ru", "name_kk", "name_ky", "name_en", "acronym", "iaar_id", "city")
    title = gettext_lazy("Education organizations")

    def get_rows(self, user):
        return selectors.organizations_visible_to(user)


@access("accreditation.view_organization")
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    context = selectors.organization_page(request.user, organization)
    return render(
        request,
        "accreditation/organization_detail.html",
        {**context, "events": events_for(organization), "representative_form": RepresentativeForm()},
    )


@access("accreditation.add_organization")
def organization_create(request: HttpRequest) -> HttpResponse:
    made = {}

    def register(data):
        made["organization"] = services.organization_register(actor=request.user, **data)

    form = OrganizationForm(request.POST or None)
    posted = request.method == "POST" and form.is_valid()
    if posted and run_service(
        request, lambda: register(form.cleaned_data), _("The organization is registered."), form
    ):
        return redirect(made["organization"])
    return render(request, "accreditation/organization_form.html", {"form": form, "creating": True})


@access("accreditation.change_organization")
def organization_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    initial = {name: getattr(organization, name) for name in services.ORGANIZATION_FIELDS}
    return form_page(
        request,
        OrganizationForm(request.POST or None, initial=initial),
        action=lambda data: services.organization_update(
            organization=organization, actor=request.user, **data
        ),
        success=_("The organization's entry is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/organization_form.html",
        context={"organization": organization},
    )


@access("accreditation.change_organization")
def programme_create(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    return form_page(
        request,
        ProgrammeForm(request.POST or None),
        action=lambda data: services.programme_save(organization=organization, actor=request.user, **data),
        success=_("The programme is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/programme_form.html",
        context={"organization": organization},
    )


@access("accreditation.change_organization")
def programme_edit(request: HttpRequest, pk: int, programme_pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    programme = selectors.programme_get_for(request.user, organization, programme_pk)
    initial = {name: getattr(programme, name) for name in services.PROGRAMME_FIELDS}
    return form_page(
        request,
        ProgrammeForm(request.POST or None, initial=initial),
        action=lambda data: services.programme_save(
            organization=organization, actor=request.user, programme=programme, **data
        ),
        success=_("The programme is saved."),
        done_url=organization.get_absolute_url(),
        template="accreditation/programme_form.html",
        context={"organization": organization, "programme": programme},
    )


@require_POST
@access("accreditation.change_organization")
def representative_add(request: HttpRequest, pk: int) -> HttpResponse:
    organization = selectors.organization_get_for(request.user, pk)
    form = RepresentativeForm(request.POST)
    if form.is_valid():
        run_service(
            request,
            lambda: services.representative_add(
                organization=organization, actor=request.user, user=form.cleaned_data["user"]
            ),
            _("%(name)s now represents the organization.") % {"name": form.cleaned_data["user"]},
        )
    else:
        messages.error(request, _("Choose the person to add."))
    return redirect(organization)


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


@access("accreditation.view_accreditationproject")
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    context = selectors.project_page(request.user, project)
    return render(request, "accreditation/project_detail.html", {**context, "events": events_for(project)})


@require_POST
@access("accreditation.change_accreditationproject")
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


@access("accreditation.change_accreditationproject")
def project_threshold(request: HttpRequest, pk: int) -> HttpResponse:
    from .workflow import checklist_for

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


@access("accreditation.change_accreditationproject")
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


@access("accreditation.apply_accreditation")
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


@access("accreditation.change_accreditationproject")
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


@access("accreditation.view_accreditationproject")
def self_assessment_file(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    report = selectors.self_assessment_get_for(project, report_pk)
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.file_name)
