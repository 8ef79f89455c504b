"""Pages of the accreditation after the self-assessment: the commission, the visit, the report,
the council, certificates, publication, appeals and monitoring."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import PUBLIC, SIGNED_IN, access, shown_by
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.pdf import pdf_response
from core.selectors import events_for

from . import registry, selectors, services, services_commission, services_council, services_outcome
from .conflicts import conflicts_by_expert
from .forms import (
    AgendaForm,
    AmendmentForm,
    AppealDecisionForm,
    AppealForm,
    AssignForm,
    ComplaintForm,
    EvaluationForm,
    EvidenceForm,
    ExpertForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    MonitoringReviewForm,
    MonitoringUploadForm,
    RecuseForm,
    ReissueForm,
    ReportForm,
    RespondForm,
    ReviewForm,
    ScoresForm,
    SessionForm,
    SignForm,
    TrainingForm,
    VisitForm,
    VoteForm,
)
from .models import (
    AgendaItem,
    Appeal,
    Certificate,
    CommissionMember,
    CouncilMeeting,
    EECReport,
    Evidence,
    Expert,
    MonitoringTask,
    Publication,
    Visit,
)

VIEW = "accreditation.view_accreditationproject"
COORDINATE = "accreditation.coordinate_project"
MANAGE = "accreditation.change_accreditationproject"
SERVE = "accreditation.serve_on_commission"
SECRETARY = "accreditation.record_council_decision"


def _act(request: HttpRequest, call, success: str, to) -> HttpResponse:
    """A button that posts: run the service, say what happened, go back."""
    run_service(request, call, success)
    return redirect(to)


def _project(request, pk):
    return selectors.project_get_for(request.user, pk)


def _require_runner(request, project) -> None:
    if not selectors.runs(request.user, project):
        raise PermissionDenied


def _require_seat(request, project) -> CommissionMember:
    seat = selectors.seat_of(request.user, project)
    if seat is None:
        raise PermissionDenied
    return seat


# --- Coordinator's workspace and assignment --------------------------------------------------


@access(VIEW)
def workspace(request: HttpRequest) -> HttpResponse:
    columns = selectors.workspace(request.user)
    view = "table" if request.GET.get("view") == "table" else "board"
    return render(request, "accreditation/workspace.html", {"columns": columns, "view": view})


@access(MANAGE)
def project_assign(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
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


@access(MANAGE)
def contract_amend(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return form_page(
        request,
        AmendmentForm(request.POST or None),
        action=lambda data: services.contract_amend(project=project, actor=request.user, **data),
        success=_("The amendment is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Contract amendment"), "button": _("Record the amendment")},
    )


# --- Experts ---------------------------------------------------------------------------------


class ExpertListView(RegisterListView):
    access_rule = "accreditation.view_expert"
    template_name = "accreditation/expert_list.html"
    search_fields = ("user__last_name", "user__first_name", "field", "city", "employer")
    title = gettext_lazy("Expert pool")

    def get_rows(self, user):
        rows = (
            Expert.objects.select_related("user")
            .annotate(served=Count("seats", filter=Q(seats__is_active=True)))
            .order_by("user__last_name", "user__first_name", "pk")
        )
        category = self.request.GET.get("category")
        if category in Expert.Category.values:
            rows = rows.filter(category=category)
        return rows


@access("accreditation.view_expert")
def expert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    expert = get_object_or_404(Expert.objects.select_related("user"), pk=pk)
    seats = expert.seats.filter(is_active=True).select_related("project__organization")
    return render(
        request,
        "accreditation/expert_detail.html",
        {
            "expert": expert,
            "seats": seats,
            "trainings": expert.trainings.all(),
            "events": events_for(expert),
            "training_form": TrainingForm(),
            "can_edit": request.user.has_perm("accreditation.change_expert"),
        },
    )


@access("accreditation.add_expert")
def expert_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ExpertForm(request.POST or None),
        action=lambda data: services_commission.expert_save(actor=request.user, **data),
        success=_("The expert is in the pool."),
        done_url=lambda expert: expert.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": _("Add an expert"), "button": _("Add to the pool")},
    )


@access("accreditation.change_expert")
def expert_edit(request: HttpRequest, pk: int) -> HttpResponse:
    expert = get_object_or_404(Expert, pk=pk)
    initial = {name: getattr(expert, name) for name in services_commission.EXPERT_FIELDS}
    initial["affiliations"] = list(expert.affiliations.all())
    return form_page(
        request,
        ExpertForm(request.POST or None, initial=initial, editing=True),
        action=lambda data: services_commission.expert_save(actor=request.user, expert=expert, **data),
        success=_("The expert's entry is saved."),
        done_url=expert.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": str(expert), "button": _("Save")},
    )


@require_POST
@access("accreditation.change_expert")
def training_add(request: HttpRequest, pk: int) -> HttpResponse:
    expert = get_object_or_404(Expert, pk=pk)
    form = TrainingForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Give the training's title and the day it was completed."))
        return redirect(expert)
    return _act(
        request,
        lambda: services_commission.training_add(expert=expert, actor=request.user, **form.cleaned_data),
        _("The training is recorded."),
        expert,
    )


# --- The commission --------------------------------------------------------------------------


@access(VIEW)
def commission(request: HttpRequest, pk: int) -> HttpResponse:
    """Form the commission (coordinator), sign a declaration (expert), approve (director)."""
    project = _project(request, pk)
    runs = selectors.runs(request.user, project)
    form = MemberForm(request.POST or None, project=project)
    if request.method == "POST":
        if not runs:
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services_commission.member_add(project=project, actor=request.user, **form.cleaned_data),
            _("The expert is seated on the commission."),
            form,
        ):
            return redirect("accreditation:commission", pk=project.pk)
    members = project.members.filter(is_active=True).select_related("expert__user")
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
            "can_approve": request.user.has_perm("accreditation.approve_commission"),
        },
    )


@require_POST
@access(COORDINATE)
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    project = _project(request, pk)
    member = get_object_or_404(CommissionMember, project=project, pk=member_pk, is_active=True)
    return _act(
        request,
        lambda: services_commission.member_remove(member=member, actor=request.user),
        _("The expert is removed from the commission."),
        reverse("accreditation:commission", args=[project.pk]),
    )


@require_POST
@access(COORDINATE)
def commission_propose(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return _act(
        request,
        lambda: services_commission.commission_propose(project=project, actor=request.user),
        _("The composition is sent to the organization for agreement."),
        project,
    )


@access("accreditation.apply_accreditation")
def commission_respond(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    return form_page(
        request,
        RespondForm(request.POST or None),
        action=lambda data: services_commission.commission_respond(
            project=project, actor=request.user, agree=data["answer"] == "agree", reasons=data["reasons"]
        ),
        success=_("Your answer is recorded."),
        done_url=project.get_absolute_url(),
        template="accreditation/commission_respond.html",
        context={
            "project": project,
            "members": project.members.filter(is_active=True).select_related("expert__user"),
        },
    )


@require_POST
@access(SERVE)
def declaration_sign(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    seat = _require_seat(request, project)
    return _act(
        request,
        lambda: services_commission.declaration_sign(member=seat, actor=request.user),
        _("Your no-conflict declaration is signed."),
        project,
    )


@require_POST
@access("accreditation.approve_commission")
def commission_approve(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return _act(
        request,
        lambda: services_commission.commission_approve(project=project, actor=request.user),
        _("The commission is approved; the visit stage is open."),
        project,
    )


# --- The visit -------------------------------------------------------------------------------


@access(COORDINATE)
def visit_plan(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require_runner(request, project)
    visit = Visit.objects.filter(project=project).first()
    initial = {"starts_on": visit.starts_on, "ends_on": visit.ends_on} if visit else None
    return form_page(
        request,
        VisitForm(request.POST or None, initial=initial),
        action=lambda data: services_commission.visit_plan(project=project, actor=request.user, **data),
        success=_("The visit dates are saved."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Visit dates"), "button": _("Save")},
    )


@access(COORDINATE)
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require_runner(request, project)
    return form_page(
        request,
        SessionForm(request.POST or None),
        action=lambda data: services_commission.session_add(project=project, actor=request.user, **data),
        success=_("The session is added to the schedule."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Add to the visit schedule"), "button": _("Add")},
    )


@access(VIEW)
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not (selectors.runs(request.user, project) or selectors.seat_of(request.user, project)):
        raise PermissionDenied
    return form_page(
        request,
        EvidenceForm(request.POST or None, request.FILES or None),
        action=lambda data: services_commission.evidence_add(
            project=project, actor=request.user, title=data["title"], upload=data["file"]
        ),
        success=_("The evidence is uploaded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": _("Upload evidence"), "button": _("Upload"), "multipart": True},
    )


@access(VIEW)
def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    project = _project(request, pk)
    evidence = get_object_or_404(Evidence, project=project, pk=evidence_pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.file_name)


@access(COORDINATE)
def visit_held(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require_runner(request, project)
    form = EvaluationForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services_commission.visit_held(
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


@access(SERVE)
def scores(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    seat = _require_seat(request, project)
    criteria = services_commission.criteria_of(project)
    mine = {s.criterion_id: s.score for s in project.scores.filter(member=seat)}
    form = ScoresForm(request.POST or None, criteria=criteria, initial_scores=mine)
    return form_page(
        request,
        form,
        action=lambda data: services_commission.scores_save(
            project=project, actor=request.user, scores=form.scores()
        ),
        success=_("Your scores are saved."),
        done_url=project.get_absolute_url(),
        template="accreditation/scores.html",
        context={"project": project, "title": _("Your scores"), "criteria": criteria},
    )


@access(SERVE)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The chair's page: each expert's scores, the consolidated score, the report's text."""
    project = _project(request, pk)
    seat = _require_seat(request, project)
    if seat.role != CommissionMember.Role.CHAIR:
        raise PermissionDenied
    report = get_object_or_404(EECReport, project=project)  # opened when the visit is recorded
    criteria = services_commission.criteria_of(project)
    table = services_commission.report_table(project)
    score_form = ScoresForm(
        request.POST if "consolidate" in request.POST else None,
        criteria=criteria,
        initial_scores=services_commission.consolidation_start(table),
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
                lambda: services_commission.consolidate(
                    project=project, actor=request.user, scores=score_form.scores()
                ),
                _("The consolidated scores are saved."),
                score_form,
            ):
                return redirect("accreditation:report_edit", pk=project.pk)
        elif (
            "save_report" in request.POST
            and report_form.is_valid()
            and run_service(
                request,
                lambda: services_commission.report_save(
                    project=project, actor=request.user, **report_form.cleaned_data
                ),
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
@access(SERVE)
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require_seat(request, project)
    if run_service(
        request,
        lambda: services_commission.report_submit(project=project, actor=request.user),
        _("The report is submitted for IAAR's internal expertise."),
    ):
        return redirect(project)
    return redirect("accreditation:report_edit", pk=project.pk)


@access(VIEW)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not EECReport.objects.filter(project=project).exists():
        raise Http404
    return pdf_response(
        services_outcome.report_pdf(project), f"eec-report-{project.organization.iaar_id}.pdf"
    )


@access(MANAGE)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return form_page(
        request,
        ReviewForm(request.POST or None),
        action=lambda data: services_commission.report_review(
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


# --- The council -----------------------------------------------------------------------------


class MeetingListView(RegisterListView):
    access_rule = "accreditation.view_councilmeeting"
    template_name = "accreditation/meeting_list.html"
    search_fields = ("number", "place")
    title = gettext_lazy("Accreditation Council")

    def get_rows(self, user):
        return CouncilMeeting.objects.annotate(item_count=Count("items")).order_by("-date", "-pk")


@access(SECRETARY)
def meeting_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        MeetingForm(request.POST or None),
        action=lambda data: services_council.meeting_create(actor=request.user, **data),
        success=_("The meeting is planned."),
        done_url=lambda meeting: meeting.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"title": _("Plan a council meeting"), "button": _("Plan")},
    )


def _meeting(pk) -> CouncilMeeting:
    return get_object_or_404(
        CouncilMeeting.objects.select_related("secretary").prefetch_related("attendance"), pk=pk
    )


@access("accreditation.view_councilmeeting")
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    return render(
        request,
        "accreditation/meeting_detail.html",
        {
            **selectors.meeting_page(request.user, meeting),
            "is_secretary": request.user.has_perm(SECRETARY),
            "agenda_form": AgendaForm(),
            "minutes_form": MinutesForm(initial={"minutes": meeting.minutes}),
            "events": events_for(meeting),
        },
    )


@require_POST
@access(SECRETARY)
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = AgendaForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a project waiting for the council."))
        return redirect(meeting)
    return _act(
        request,
        lambda: services_council.agenda_add(
            meeting=meeting, actor=request.user, project=form.cleaned_data["project"]
        ),
        _("The project is on the agenda."),
        meeting,
    )


@require_POST
@access(SECRETARY)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    present = [v for v in request.POST.getlist("present") if v.isdigit()]
    return _act(
        request,
        lambda: services_council.attendance_record(meeting=meeting, actor=request.user, present_ids=present),
        _("Attendance is saved."),
        meeting,
    )


@require_POST
@access(SECRETARY)
def meeting_open(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    return _act(
        request,
        lambda: services_council.meeting_open(meeting=meeting, actor=request.user),
        _("The meeting is in session: members can vote."),
        meeting,
    )


@require_POST
@access("accreditation.vote_in_council")
def vote(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=item_pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the decisions offered."))
        return redirect(meeting)
    return _act(
        request,
        lambda: services_council.vote_cast(item=item, actor=request.user, choice=form.cleaned_data["choice"]),
        _("Your vote is recorded."),
        meeting,
    )


@require_POST
@access("accreditation.vote_in_council")
def recuse(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=item_pk)
    form = RecuseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the recusal."))
        return redirect(meeting)
    return _act(
        request,
        lambda: services_council.recuse(
            item=item, actor=request.user, member=request.user, **form.cleaned_data
        ),
        _("You stepped aside from this item."),
        meeting,
    )


@require_POST
@access(SECRETARY)
def item_close(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    item = get_object_or_404(AgendaItem, meeting=meeting, pk=item_pk)
    return _act(
        request,
        lambda: services_council.item_close(item=item, actor=request.user),
        _("The vote is closed and the result recorded."),
        meeting,
    )


@require_POST
@access(SECRETARY)
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the minutes."))
        return redirect(meeting)
    return _act(
        request,
        lambda: services_council.meeting_close(
            meeting=meeting, actor=request.user, minutes=form.cleaned_data["minutes"]
        ),
        _("The meeting is closed."),
        meeting,
    )


# --- Certificates and publication ------------------------------------------------------------


@access(VIEW)
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    can_sign = (
        request.user.has_perm("accreditation.sign_certificate")
        and certificate.status == Certificate.Status.DRAFT
    )
    form = SignForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("accreditation.sign_certificate"):
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services_outcome.certificate_sign(
                certificate=certificate, actor=request.user, password=form.cleaned_data["password"]
            ),
            _("The certificate is signed."),
            form,
        ):
            return redirect(certificate.project)
    return render(
        request,
        "accreditation/certificate_detail.html",
        {
            "certificate": certificate,
            "form": form,
            "can_sign": can_sign,
            "can_reissue": request.user.has_perm(SECRETARY) and certificate.status in ("valid", "suspended"),
            "reissue_form": ReissueForm(),
            "history": certificate.history.select_related("history_user")[:20],
        },
    )


@access(VIEW)
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    return pdf_response(services_outcome.certificate_pdf(certificate), f"{certificate.number}.pdf")


@require_POST
@access(SECRETARY)
def certificate_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the reason and say what is corrected."))
        return redirect(certificate)
    made = {}

    def reissue():
        made["new"] = services_outcome.certificate_reissue(
            certificate=certificate, actor=request.user, **form.cleaned_data
        )

    if run_service(
        request, reissue, _("A corrected certificate waits for the Director General's signature.")
    ):
        return redirect(made["new"])
    return redirect(certificate)


@access(PUBLIC)
def certificate_verify(request: HttpRequest, token) -> HttpResponse:
    """The check address of the first certificates' QR codes: it leads to the registry's check."""
    certificate = registry.certificate_by_token(token)
    if certificate is None:
        return render(request, "registry/verify.html", {"searched": True, "number": ""}, status=404)
    return redirect(certificate.verify_path())


@require_POST
@access(SECRETARY)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    return _act(
        request,
        lambda: services_outcome.publish(project=project, actor=request.user),
        _("The decision is published and the education authority notified."),
        project,
    )


@access(VIEW)
def publication_file(request: HttpRequest, pk: int, publication_pk: int, what: str) -> HttpResponse:
    project = _project(request, pk)
    publication = get_object_or_404(Publication, project=project, pk=publication_pk)
    file = {"report": publication.report_pdf, "decision": publication.decision_pdf}.get(what)
    if not file:
        raise Http404
    return FileResponse(
        file.open("rb"), content_type="application/pdf", filename=file.name.rsplit("/", 1)[-1]
    )


@require_POST
@access(VIEW)
def reaccreditation(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    made = {}

    def start():
        made["new"] = services_outcome.reaccreditation_start(project=project, actor=request.user)

    if run_service(request, start, _("The re-accreditation application is open.")):
        return redirect(made["new"])
    return redirect(project)


# --- Monitoring ------------------------------------------------------------------------------


@access("accreditation.apply_accreditation")
def monitoring_submit(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    task = get_object_or_404(MonitoringTask, project=project, pk=task_pk)
    return form_page(
        request,
        MonitoringUploadForm(request.POST or None, request.FILES or None),
        action=lambda data: services_outcome.monitoring_submit(
            task=task, actor=request.user, upload=data["file"]
        ),
        success=_("The monitoring report is uploaded."),
        done_url=project.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={"project": project, "title": str(task), "button": _("Upload"), "multipart": True},
    )


@access(COORDINATE)
def monitoring_review(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = _project(request, pk)
    _require_runner(request, project)
    task = get_object_or_404(MonitoringTask, project=project, pk=task_pk)
    return form_page(
        request,
        MonitoringReviewForm(request.POST or None),
        action=lambda data: services_outcome.monitoring_review(
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


@access(VIEW)
def monitoring_file(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    project = _project(request, pk)
    task = get_object_or_404(MonitoringTask, project=project, pk=task_pk)
    if not task.file:
        raise Http404
    return FileResponse(task.file.open("rb"), as_attachment=True, filename=task.file_name)


# --- Appeals and complaints ------------------------------------------------------------------


class AppealListView(RegisterListView):
    access_rule = "accreditation.hear_appeal"
    template_name = "accreditation/appeal_list.html"
    search_fields = ("number", "subject", "name")
    title = gettext_lazy("Appeals and complaints")

    def get_rows(self, user):
        rows = selectors.appeals_visible_to(user)
        status = self.request.GET.get("status")
        return rows.filter(status=status) if status in Appeal.Status.values else rows


@access(SIGNED_IN, opens=shown_by(selectors.appeals_visible_to))
def appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(selectors.appeals_visible_to(request.user), pk=pk)
    hears = request.user.has_perm("accreditation.hear_appeal")
    form = AppealDecisionForm(request.POST or None)
    if request.method == "POST":
        if not hears:
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services_outcome.appeal_decide(appeal=appeal, actor=request.user, **form.cleaned_data),
            _("The outcome is recorded."),
            form,
        ):
            return redirect(appeal)
    return render(
        request,
        "accreditation/appeal_detail.html",
        {"appeal": appeal, "hears": hears, "form": form, "events": events_for(appeal)},
    )


@require_POST
@access("accreditation.hear_appeal")
def appeal_take(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(Appeal, pk=pk)
    return _act(
        request,
        lambda: services_outcome.appeal_take(appeal=appeal, actor=request.user),
        _("The case is under review."),
        appeal,
    )


@access("accreditation.apply_accreditation")
def appeal_file(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project(request, pk)
    if not selectors.represents(request.user, project.organization):
        raise PermissionDenied
    return form_page(
        request,
        AppealForm(request.POST or None),
        action=lambda data: services_outcome.appeal_file(actor=request.user, project=project, **data),
        success=_("Your appeal is filed."),
        done_url=lambda appeal: appeal.get_absolute_url(),
        template="accreditation/simple_form.html",
        context={
            "project": project,
            "title": _("Appeal against the council's decision"),
            "intro": _("The appeals and complaints commission answers within 30 days."),
            "button": _("File the appeal"),
        },
    )


@access(PUBLIC)
def complaint_file(request: HttpRequest) -> HttpResponse:
    """Anyone may complain about IAAR's work; the commission answers by e-mail."""
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": str(request.user), "email": request.user.email}
    form = ComplaintForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data.pop("website"):
            return redirect("core:home")  # a robot filled the hidden field: accept silently, keep nothing
        if run_service(
            request,
            lambda: services_outcome.complaint_file(actor=request.user, **data),
            _("Your complaint is registered. The commission will answer by e-mail."),
            form,
        ):
            return redirect("accreditation:complaint_file")
    return render(
        request,
        "accreditation/simple_form.html",
        {
            "form": form,
            "title": _("Complain about IAAR's work"),
            "intro": _(
                "The appeals and complaints commission reviews every complaint and answers within 30 days."
            ),
            "button": _("Send the complaint"),
        },
    )
