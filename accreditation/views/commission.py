"""The External Expert Commission's pages: forming and agreeing it, the visit, the scores,
the report and its internal expertise."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.pdf import pdf_response

from .. import pdf, selectors, services
from ..conflicts import conflicts_by_expert
from ..forms import (
    EvaluationForm,
    EvidenceForm,
    MemberForm,
    ReportForm,
    RespondForm,
    ReviewForm,
    ScoresForm,
    SessionForm,
    VisitForm,
)
from ..models import CommissionMember
from ..workflow import EVIDENCE_ADD

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
PROJECT_SHOWN = shown_by(selectors.projects_visible_to)

VIEW = "accreditation.view_accreditationproject"
COORDINATE = "accreditation.coordinate_project"
MANAGE = "accreditation.change_accreditationproject"
SERVE = "accreditation.serve_on_commission"


@access(VIEW, opens=PROJECT_SHOWN)
def commission(request: HttpRequest, pk: int) -> HttpResponse:
    """Form the commission (coordinator), sign a declaration (expert), approve (director)."""
    project = selectors.project_get_for(request.user, pk)
    runs = selectors.runs(request.user, project)
    form = MemberForm(request.POST or None, project=project)
    if request.method == "POST":
        if not runs:
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services.member_add(project=project, actor=request.user, **form.cleaned_data),
            _("The expert is seated on the commission."),
            form,
        ):
            return redirect("accreditation:commission", pk=project.pk)
    members = selectors.seats_of(project)
    pool = list(form.fields["expert"].queryset.select_related("user")[:200])
    warnings = conflicts_by_expert(pool, project)
    candidates = [(expert, warnings[expert.pk]) for expert in pool]
    return render(
        request,
        "accreditation/commission.html",
        {
            "project": project,
            "form": form,
            "members": members,
            "candidates": [c for c in candidates if c[1]],
            "runs": runs,
            "seat": selectors.seat_of(request.user, project),
        },
    )


@require_POST
@access(COORDINATE, opens=PROJECT_SHOWN)
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    member = selectors.commission_member_get(project, member_pk)
    run_service(
        request,
        lambda: services.member_remove(member=member, actor=request.user),
        _("The expert is removed from the commission."),
    )
    return redirect(reverse("accreditation:commission", args=[project.pk]))


@require_POST
@access(COORDINATE, opens=PROJECT_SHOWN)
def commission_propose(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.commission_propose(project=project, actor=request.user),
        _("The composition is sent to the organization for agreement."),
    )
    return redirect(project)


@access("accreditation.apply_accreditation", opens=PROJECT_SHOWN)
def commission_respond(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    return form_page(
        request,
        RespondForm(request.POST or None),
        action=lambda data: services.commission_respond(
            project=project, actor=request.user, agree=data["answer"] == "agree", reasons=data["reasons"]
        ),
        success=_("Your answer is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/commission_respond.html",
        context={
            "project": project,
            "members": selectors.seats_of(project),
        },
    )


@require_POST
@access(SERVE, opens=PROJECT_SHOWN)
def declaration_sign(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    seat = selectors.seat_get_for(request.user, project)
    run_service(
        request,
        lambda: services.declaration_sign(member=seat, actor=request.user),
        _("Your no-conflict declaration is signed."),
    )
    return redirect(project)


@require_POST
@access("accreditation.approve_commission", opens=PROJECT_SHOWN)
def commission_approve(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.commission_approve(project=project, actor=request.user),
        _("The commission is approved; the visit stage is open."),
    )
    return redirect(project)


# --- The visit -------------------------------------------------------------------------------


@access(COORDINATE, opens=PROJECT_SHOWN)
def visit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_run_by(request.user, pk)
    visit = selectors.visit_of(project)
    initial = {"starts_on": visit.starts_on, "ends_on": visit.ends_on} if visit else None
    return form_page(
        request,
        VisitForm(request.POST or None, initial=initial),
        action=lambda data: services.visit_plan(project=project, actor=request.user, **data),
        success=_("The visit dates are saved."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Visit dates"), "button": _("Save")},
    )


@access(COORDINATE, opens=PROJECT_SHOWN)
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_run_by(request.user, pk)
    return form_page(
        request,
        SessionForm(request.POST or None),
        action=lambda data: services.session_add(project=project, actor=request.user, **data),
        success=_("The session is added to the schedule."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Add to the visit schedule"), "button": _("Add")},
    )


@access(VIEW, opens=PROJECT_SHOWN, moves=EVIDENCE_ADD)
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    if not EVIDENCE_ADD.allows_on(request.user, project):
        raise PermissionDenied
    return form_page(
        request,
        EvidenceForm(request.POST or None, request.FILES or None),
        action=lambda data: services.evidence_add(
            project=project, actor=request.user, title=data["title"], upload=data["file"]
        ),
        success=_("The evidence is uploaded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Upload evidence"), "button": _("Upload"), "multipart": True},
    )


@access(VIEW, opens=PROJECT_SHOWN)
def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    evidence = selectors.evidence_get(project, evidence_pk)
    return stored_file_response(evidence.file, evidence.file_name, attachment=True)


@access(COORDINATE, opens=PROJECT_SHOWN)
def visit_held(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_run_by(request.user, pk)
    form = EvaluationForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.visit_held(
            project=project, actor=request.user, ratings=form.ratings(), comments=data["comments"]
        ),
        success=_("The visit is recorded; the commission writes its report."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": _("The visit is over: evaluate the commission"),
            "intro": _("Rate the commission's work from 5 (excellent) to 1 (poor)."),
            "button": _("Record the visit"),
        },
    )


# --- Scores and the report -------------------------------------------------------------------


@access(SERVE, opens=PROJECT_SHOWN)
def scores(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    seat = selectors.seat_get_for(request.user, project)
    criteria = selectors.criteria_of(project)
    mine = {s.criterion_id: s.score for s in project.scores.filter(member=seat)}
    form = ScoresForm(request.POST or None, criteria=criteria, initial_scores=mine)
    return form_page(
        request,
        form,
        action=lambda data: services.scores_save(project=project, actor=request.user, scores=form.scores()),
        success=_("Your scores are saved."),
        done_url=project.get_absolute_url(),
        template="accreditation/scores.html",
        context={"project": project, "title": _("Your scores"), "criteria": criteria},
    )


@access(SERVE, opens=PROJECT_SHOWN)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The chair's page: each expert's scores, the consolidated score, the report's text."""
    project = selectors.project_get_for(request.user, pk)
    seat = selectors.seat_get_for(request.user, project)
    if seat.role != CommissionMember.Role.CHAIR:
        raise PermissionDenied
    report = selectors.eec_report_get(project)
    criteria = selectors.criteria_of(project)
    table = selectors.report_table(project)
    score_form = ScoresForm(
        request.POST if "consolidate" in request.POST else None,
        criteria=criteria,
        initial_scores=selectors.consolidation_start(table),
        prefix="final",
    )
    fields = (
        "strengths",
        "recommendations_eo",
        "recommendations_council",
        "recommended_outcome",
        "recommended_years",
    )
    report_form = ReportForm(
        request.POST if "save_report" in request.POST else None,
        initial={name: getattr(report, name) for name in fields},
    )
    if request.method == "POST":
        if "consolidate" in request.POST and score_form.is_valid():
            if run_service(
                request,
                lambda: services.consolidate(project=project, actor=request.user, scores=score_form.scores()),
                _("The consolidated scores are saved."),
                score_form,
            ):
                return redirect("accreditation:report_edit", pk=project.pk)
        elif (
            "save_report" in request.POST
            and report_form.is_valid()
            and run_service(
                request,
                lambda: services.report_save(project=project, actor=request.user, **report_form.cleaned_data),
                _("The report is saved."),
                report_form,
            )
        ):
            return redirect("accreditation:report_edit", pk=project.pk)
    return render(
        request,
        "accreditation/report_edit.html",
        {"project": project, "report": report, "score_form": score_form, "report_form": report_form, **table},
    )


@require_POST
@access(SERVE, opens=PROJECT_SHOWN)
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    selectors.seat_get_for(request.user, project)
    if run_service(
        request,
        lambda: services.report_submit(project=project, actor=request.user),
        _("The report is submitted for IAAR's internal expertise."),
    ):
        return redirect(project)
    return redirect("accreditation:report_edit", pk=project.pk)


@access(VIEW, opens=PROJECT_SHOWN)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    selectors.eec_report_get(project)
    return pdf_response(pdf.report_pdf(project), f"eec-report-{project.organization.iaar_id}.pdf")


@access(MANAGE, opens=PROJECT_SHOWN)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    return form_page(
        request,
        ReviewForm(request.POST or None),
        action=lambda data: services.report_review(
            project=project,
            actor=request.user,
            conforming=data["decision"] == "conforming",
            comments=data["comments"],
        ),
        success=_("The internal expertise is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": _("Internal expertise of the EEC report"),
            "intro": _("Read the report (PDF) against IAAR's requirements for EEC reports."),
            "pdf_url": reverse("accreditation:report_pdf", args=[project.pk]),
            "button": _("Record the decision"),
        },
    )
