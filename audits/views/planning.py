"""Internal audits: the yearly programme, planning an audit, and the audit's page with the form
page every audit action shares. The working group and the order are in team.py, the fieldwork in
fieldwork.py, the report in report.py."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from core.access import SIGNED_IN, access, refused_as, shown_by
from core.form_pages import form_page
from core.selectors import events_for

from .. import selectors, services
from ..forms import AuditPlanForm, ProgrammeEditForm, ProgrammeForm
from ..models import Audit, AuditorAssignment, ChecklistItem
from ..workflow import seat_of

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
AUDIT_SHOWN = shown_by(selectors.audits_visible_to)
# A yearly programme shows only the audits one may see: with none, it is refused (403).
PROGRAMME_READ = refused_as(
    lambda user, year, **_: selectors.programme_readable(user, year), lambda user: 403
)

S = Audit.Status
ACTION_TEMPLATE = "audits/audit_action_form.html"


def action_page(request: HttpRequest, form, *, audit: Audit, action, success: str, title: str, **extra):
    """A form page about one audit: run the service, go back to the audit."""
    return form_page(
        request,
        form,
        action=action,
        success=success,
        done_url=extra.pop("done_url", audit.get_absolute_url()),
        template=extra.pop("template", ACTION_TEMPLATE),
        context={"audit": audit, "title": title, **extra},
    )


# --- The programme ------------------------------------------------------------------------


@access("audits.view_audit")
def audit_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "audits/audit_list.html",
        {
            "programmes": selectors.programmes_with_audits(request.user),
            "can_add_programme": request.user.has_perm("audits.add_auditprogramme"),
            "can_plan": request.user.has_perm("audits.add_audit"),
        },
    )


@access("audits.add_auditprogramme")
def programme_create(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None, initial={"year": timezone.localdate().year})
    return form_page(
        request,
        form,
        action=lambda data: services.programme_create(actor=request.user, **data),
        success=_("The audit programme is drawn up; plan its audits now."),
        done_url=lambda programme: programme.get_absolute_url(),
        template="audits/programme_form.html",
        context={"title": _("New audit programme")},
    )


@access("audits.view_audit", opens=PROGRAMME_READ)
def programme_detail(request: HttpRequest, year: int) -> HttpResponse:
    programme = selectors.programme_get(year)
    if not PROGRAMME_READ(request.user, year):
        raise PermissionDenied
    audits = list(selectors.programme_audits(request.user, programme))
    return render(
        request,
        "audits/programme_detail.html",
        {
            "programme": programme,
            "audits": audits,
            "timeline": selectors.programme_timeline(programme, audits),
            "months": list(MONTHS_3.values()),
            "can_plan": request.user.has_perm("audits.add_audit"),
            "can_edit": request.user.has_perm("audits.change_auditprogramme"),
            "events": events_for(programme),
        },
    )


@access("audits.change_auditprogramme")
def programme_edit(request: HttpRequest, year: int) -> HttpResponse:
    programme = selectors.programme_get(year)
    form = ProgrammeEditForm(request.POST or None, initial={"objectives": programme.objectives})
    return form_page(
        request,
        form,
        action=lambda data: services.programme_update(programme=programme, actor=request.user, **data),
        success=_("The programme's objectives are saved."),
        done_url=programme.get_absolute_url(),
        template="audits/programme_form.html",
        context={
            "title": _("Objectives of %(programme)s") % {"programme": programme},
            "programme": programme,
        },
    )


@access("audits.add_audit")
def audit_create(request: HttpRequest, year: int) -> HttpResponse:
    programme = selectors.programme_get(year)
    form = AuditPlanForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.audit_plan(actor=request.user, programme=programme, **data),
        success=_("The audit is planned. Propose its working group next."),
        done_url=lambda audit: audit.get_absolute_url(),
        template="audits/audit_form.html",
        context={
            "title": _("Plan an audit in %(programme)s") % {"programme": programme},
            "programme": programme,
        },
    )


@access("audits.change_audit", opens=AUDIT_SHOWN)
def audit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    initial = {
        "title": audit.title,
        "scope": audit.scope,
        "processes": list(audit.processes.all()),
        "criteria": list(audit.criteria.all()),
        "starts_on": audit.starts_on,
        "ends_on": audit.ends_on,
    }
    form = AuditPlanForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        action=lambda data: services.audit_update(audit=audit, actor=request.user, **data),
        success=_("The plan is saved."),
        done_url=audit.get_absolute_url(),
        template="audits/audit_form.html",
        context={
            "title": _("Change the plan of %(number)s") % {"number": audit.number},
            "programme": audit.programme,
            "audit": audit,
        },
    )


# --- The audit's page ---------------------------------------------------------------------


@access(SIGNED_IN, opens=shown_by(selectors.audits_visible_to))
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    user = request.user
    seat = seat_of(user, audit)
    member = seat is not None
    leader = member and seat.role == AuditorAssignment.Role.LEADER
    planner = selectors.can_plan(user)
    director = user.has_perm("audits.approve_audit_report")
    checklist = list(audit.checklist.select_related("criterion", "checked_by"))
    findings = selectors.findings_of(audit)
    team = list(selectors.team_of(audit, active_only=False))
    fieldwork = audit.status == S.IN_PROGRESS
    return render(
        request,
        "audits/audit_detail.html",
        {
            "audit": audit,
            "seat": seat,
            "team": team,
            "conflicts": [s for s in team if s.active and s.own_processes],
            "has_leader": any(s.active and s.role == "leader" for s in team),
            "processes": audit.processes.order_by("group", "name"),
            "criteria": audit.criteria.order_by("source", "position", "code"),
            "checklist": checklist,
            "open_items": sum(1 for i in checklist if i.result == ChecklistItem.Result.OPEN),
            "counts": [c for c in selectors.checklist_counts(audit) if c["count"]],
            "findings": findings,
            "recommendations": audit.recommendations.select_related("document", "ordered_by"),
            "waiting_capa": selectors.open_nonconformities(audit)
            if audit.status == S.REPORT_APPROVED
            else [],
            "events": events_for(audit),
            "can": {
                "edit": planner and audit.status == S.PLANNED and not audit.order_signed,
                "team": planner and audit.status == S.PLANNED and not audit.order_signed,
                "order": user.has_perm("audits.order_audit")
                and audit.status == S.PLANNED
                and not audit.order_signed,
                "start": audit.status == S.PLANNED and audit.order_signed and (planner or leader),
                "build": audit.status in (S.PLANNED, S.IN_PROGRESS) and (planner or member),
                "add_question": member and audit.status in (S.PLANNED, S.IN_PROGRESS),
                "conduct": member and fieldwork,
                "write": leader and fieldwork,
                "approve": director and audit.status == S.REPORT_DRAFTED,
                "order_change": director and audit.status in (S.REPORT_APPROVED, S.CLOSED),
                "close": planner and audit.status == S.REPORT_APPROVED,
            },
        },
    )
