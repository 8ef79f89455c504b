"""Follow-up of the EEC's recommendations (§6.5.5, §7.2.4): the project's follow-up page, the
recommendations made items, the organization's progress on one, its assessment, the evidence."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.workflow import on_record, rel

from .. import selectors
from ..followup_workflow import FOLLOWUP_WORKFLOW
from ..models import AccreditationProject, FollowupItem, Progress
from ..selectors import followup as followup_selectors
from ..services import followup as services
from ..workflow import represents, runs_project

PROJECT_SHOWN = shown_by(selectors.projects_visible_to)
VIEW = "accreditation.view_accreditationproject"
RUNS = on_record(AccreditationProject, rel("runs-project"))
REPORTS = on_record(FollowupItem, rel("represents-organization"), key="item_pk")
ASSESSES = on_record(FollowupItem, rel("runs-project"), key="item_pk")


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Progress"),
        choices=Progress.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    note = forms.CharField(
        label=gettext_lazy("What was done"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = forms.FileField(
        label=gettext_lazy("Evidence file"),
        required=False,
        help_text=gettext_lazy("A file or a link is required to report the recommendation implemented."),
    )
    link = forms.URLField(
        label=gettext_lazy("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )


class AssessForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Assessment"),
        choices=[("confirmed", gettext_lazy("Confirm")), ("not_confirmed", gettext_lazy("Do not confirm"))],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    note = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@access(VIEW, opens=PROJECT_SHOWN)
def followup(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    page = followup_selectors.followup_summary(project)
    runs = runs_project(request.user, project)
    open_report = services.open_report_of(project)
    for item in page["items"]:
        reports = [b for b in FOLLOWUP_WORKFLOW.buttons(item, request.user) if b["target"] in Progress.values]
        item.may_report = bool(open_report and reports)
        item.may_assess = runs and item.latest is not None and not item.latest.assessment
    return render(
        request,
        "accreditation/followup/followup.html",
        {
            "project": project,
            "items": page["items"],
            "summary": page,
            "report": getattr(project, "report", None),
            "open_report": open_report,
            "may_make": runs and not page["items"],
            "represents": represents(request.user, project.organization),
        },
    )


@require_POST
@access("accreditation.coordinate_project", opens=PROJECT_SHOWN, moves=RUNS)
def followup_make(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.followup_items_make(project=project, actor=request.user),
        _("Each recommendation of the report is an item to follow up."),
    )
    return redirect("accreditation:followup", project.pk)


@access("accreditation.apply_accreditation", opens=PROJECT_SHOWN, moves=REPORTS)
def followup_report(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    item = followup_selectors.followup_item_get(project, item_pk)
    if not REPORTS.allows_on(request.user, item):
        raise PermissionDenied
    return form_page(
        request,
        ProgressForm(request.POST or None, request.FILES or None),
        action=lambda data: services.followup_report(
            item=item,
            actor=request.user,
            status=data["status"],
            note=data["note"],
            upload=data["evidence"],
            link=data["link"],
        ),
        success=_("Your progress on the recommendation is recorded."),
        done_url=item.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": _("Recommendation %(number)s") % {"number": item.number},
            "intro": item.text,
            "button": _("Report the progress"),
        },
    )


@access("accreditation.coordinate_project", opens=PROJECT_SHOWN, moves=ASSESSES)
def followup_assess(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    item = followup_selectors.followup_item_get(project, item_pk)
    if not ASSESSES.allows_on(request.user, item):
        raise PermissionDenied
    progress = item.progress.order_by("-reported_at", "-pk").first()
    if progress is None or progress.assessment:
        return _nothing_to_assess(request, item)
    return form_page(
        request,
        AssessForm(request.POST or None),
        action=lambda data: services.followup_assess(
            progress=progress,
            actor=request.user,
            confirmed=data["decision"] == "confirmed",
            note=data["note"],
        ),
        success=_("The assessment is recorded."),
        done_url=item.get_absolute_url(),
        template="accreditation/followup/assess.html",
        context={"project": project, "item": item, "progress": progress, "title": _("Assess the progress")},
    )


def _nothing_to_assess(request: HttpRequest, item) -> HttpResponse:
    messages.info(request, _("No progress on this recommendation waits for assessment."))
    return redirect(item.get_absolute_url())


@access(VIEW, opens=PROJECT_SHOWN)
def followup_evidence(request: HttpRequest, pk: int, item_pk: int, progress_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    item = followup_selectors.followup_item_get(project, item_pk)
    progress = followup_selectors.followup_progress_get(item, progress_pk)
    if not progress.evidence_file:
        raise Http404
    return stored_file_response(progress.evidence_file, progress.evidence_name, attachment=True)
