"""Post-accreditation monitoring and re-accreditation."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service

from .. import selectors, services
from ..forms import MonitoringReviewForm, MonitoringUploadForm
from ..workflow import REACCREDITATION

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
PROJECT_SHOWN = shown_by(selectors.projects_visible_to)

VIEW = "accreditation.view_accreditationproject"
COORDINATE = "accreditation.coordinate_project"


@require_POST
@access(VIEW, opens=PROJECT_SHOWN, moves=REACCREDITATION)
def reaccreditation(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    made = {}

    def start():
        made["new"] = services.reaccreditation_start(project=project, actor=request.user)

    if run_service(request, start, _("The re-accreditation application is open.")):
        return redirect(made["new"])
    return redirect(project)


# --- Monitoring ------------------------------------------------------------------------------


@access("accreditation.apply_accreditation", opens=PROJECT_SHOWN)
def monitoring_submit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    task = selectors.monitoring_task_get(project, task_pk)
    return form_page(
        request,
        MonitoringUploadForm(request.POST or None, request.FILES or None),
        action=lambda data: services.monitoring_submit(task=task, actor=request.user, upload=data["file"]),
        success=_("The monitoring report is uploaded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": str(task), "button": _("Upload"), "multipart": True},
    )


@access(COORDINATE, opens=PROJECT_SHOWN)
def monitoring_review(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = selectors.project_run_by(request.user, pk)
    task = selectors.monitoring_task_get(project, task_pk)
    return form_page(
        request,
        MonitoringReviewForm(request.POST or None),
        action=lambda data: services.monitoring_review(
            task=task, actor=request.user, accepted=data["decision"] == "accepted", comments=data["comments"]
        ),
        success=_("The review is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": str(task),
            "pdf_url": reverse("accreditation:monitoring_file", args=[project.pk, task.pk])
            if task.file
            else "",
            "button": _("Record the decision"),
        },
    )


@access(VIEW, opens=PROJECT_SHOWN)
def monitoring_file(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    task = selectors.monitoring_task_get(project, task_pk)
    if not task.file:
        raise Http404
    return stored_file_response(task.file, task.file_name, attachment=True)
