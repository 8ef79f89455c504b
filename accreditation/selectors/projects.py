"""What each person may see of organizations, projects, certificates and appeals; a project's
page, its next step for the reader, and the coordinator's board."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from guardian.shortcuts import get_objects_for_user, get_users_with_perms

from ..models import (
    AccreditationProject,
    AgendaItem,
    Appeal,
    Certificate,
    CommissionEvaluation,
    CommissionMember,
    CommissionState,
    Contract,
    Decision,
    EECReport,
    MonitoringTask,
    Organization,
    Programme,
    Publication,
    SelfAssessment,
    Visit,
)
from ..workflow import PROJECT_WORKFLOW, next_step, represents, runs_project
from .standards import project_checklist


def projects_visible_to(user) -> QuerySet[AccreditationProject]:
    """All projects for agency management; otherwise only those granted on the object
    (a coordinator's own, an expert's commission, an organization's own application)."""
    rows = AccreditationProject.objects.select_related("organization", "coordinator")
    if user.has_perm("accreditation.view_all_accreditations"):
        return rows
    granted = get_objects_for_user(
        user, "accreditation.view_accreditationproject", klass=rows, accept_global_perms=False
    )
    # Council members read the projects on the agendas of their meetings; the appeals
    # commission reads the projects appealed.
    extra = Q(pk__in=[])
    if user.has_perm("accreditation.vote_in_council"):
        extra |= Q(pk__in=AgendaItem.objects.filter(meeting__attendance__member=user).values("project"))
    if user.has_perm("accreditation.hear_appeal"):
        extra |= Q(pk__in=Appeal.objects.filter(project__isnull=False).values("project"))
    if extra == Q(pk__in=[]):
        return granted
    return rows.filter(Q(pk__in=granted.values("pk")) | extra)


def organizations_visible_to(user) -> QuerySet[Organization]:
    """Every organization for agency management; an EO representative or a coordinator sees
    only the organizations granted to them."""
    # A correlated count is computed for the 25 rows of a page only, not for every organization.
    programmes = (
        Programme.objects.filter(organization=OuterRef("pk"))
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = Organization.objects.annotate(programme_count=Coalesce(Subquery(programmes), 0)).order_by(
        "name", "pk"
    )
    if user.has_perm("accreditation.view_all_accreditations"):
        return rows
    return get_objects_for_user(
        user, "accreditation.view_organization", klass=rows, accept_global_perms=False
    )


def organization_get_for(user, pk: int) -> Organization:
    return get_object_or_404(organizations_visible_to(user), pk=pk)


def programme_get_for(user, organization: Organization, pk: int) -> Programme:
    return get_object_or_404(Programme, organization=organization, pk=pk)


def organization_page(user, organization: Organization) -> dict:
    return {
        "organization": organization,
        "programmes": organization.programmes.all(),
        "projects": projects_visible_to(user).filter(organization=organization),
        "representatives": get_users_with_perms(
            organization, only_with_perms_in=["represent_organization"], with_group_users=False
        ),
        "can_edit": user.has_perm("accreditation.change_organization"),
    }


def project_get_for(user, pk: int) -> AccreditationProject:
    return get_object_or_404(projects_visible_to(user), pk=pk)


def organizations_represented_by(user) -> QuerySet[Organization]:
    return get_objects_for_user(
        user, "accreditation.represent_organization", klass=Organization, accept_global_perms=False
    )


def project_page(user, project: AccreditationProject) -> dict:
    contract = Contract.objects.filter(project=project).first()
    lifecycle = lifecycle_page(user, project)
    primary = (lifecycle["next_action"] or {}).get("target")
    return {
        **lifecycle,
        "project": project,
        "programmes": project.programmes.all(),
        "actions": [t for t in PROJECT_WORKFLOW.available(project, user) if t.target != primary],
        "can_manage": user.has_perm("accreditation.change_accreditationproject"),
        "checklist": [
            (label, project.threshold_items.get(code)) for code, label in project_checklist(project)
        ],
        "contract": contract,
        "reports": project.self_assessments.select_related("submitted_by", "reviewed_by"),
        "is_representative": represents(user, project.organization),
    }


def self_assessment_get_for(project: AccreditationProject, pk: int) -> SelfAssessment:
    return get_object_or_404(SelfAssessment, project=project, pk=pk)


def representatives_of(organization: Organization):
    return get_users_with_perms(
        organization, only_with_perms_in=["represent_organization"], with_group_users=False
    ).filter(is_active=True)


# --- The lifecycle after the self-assessment -------------------------------------------------


def seat_of(user, project):

    if not user.is_authenticated:
        return None
    return CommissionMember.objects.filter(project=project, is_active=True, expert__user=user).first()


def runs(user, project) -> bool:
    return runs_project(user, project)


def project_run_by(user, pk: int) -> AccreditationProject:
    """A project its reader runs (its coordinator, or a project manager): 404 for a project the
    reader does not see, 403 for one they see but do not run."""
    project = project_get_for(user, pk)
    if not runs(user, project):
        raise PermissionDenied
    return project


def seat_get_for(user, project):
    """The reader's own seat on the project's commission, or 403."""
    seat = seat_of(user, project)
    if seat is None:
        raise PermissionDenied
    return seat


def lifecycle_page(user, project: AccreditationProject) -> dict:
    seat = seat_of(user, project)
    members = list(
        project.members.filter(is_active=True).select_related("expert__user").order_by("role", "pk")
    )
    return {
        "members": members,
        "seat": seat,
        "is_chair": seat is not None and seat.role == CommissionMember.Role.CHAIR,
        "runs": runs(user, project),
        "visit": Visit.objects.filter(project=project).first(),
        "sessions": project.sessions.all(),
        "evidence": project.evidence.select_related("uploaded_by"),
        "evaluation": CommissionEvaluation.objects.filter(project=project).first(),
        "eec_report": EECReport.objects.filter(project=project).first(),
        "report_reviews": project.report_reviews.select_related("reviewer"),
        "decisions": Decision.objects.filter(project=project).select_related("item__meeting"),
        "certificates": Certificate.objects.filter(project=project).select_related("programme"),
        "publications": project.publications.all(),
        "monitoring": project.monitoring.all(),
        "appeals": project.appeals.all(),
        "agenda": project.agenda_items.select_related("meeting"),
        "next_action": next_action(user, project, seat),
        "can_approve": user.has_perm("accreditation.approve_commission"),
        "can_sign": user.has_perm("accreditation.sign_certificate"),
        "is_secretary": user.has_perm("accreditation.record_council_decision"),
    }


def next_action(user, project, seat=None) -> dict | None:
    """The one thing this person should do next on this project, as a button: read from the
    stage's steps (``accreditation.workflow.NEXT_STEPS``), whose rules are the tables' own."""
    return next_step(user, project)


def waiting_for(project) -> str:
    """Who the project waits for: shown on the coordinator's board."""

    S = AccreditationProject.Status
    state = project.commission_state
    return str(
        {
            S.APPLICATION: _("project manager"),
            S.THRESHOLD_CHECK: _("project manager"),
            S.CONTRACT: _("contract signature"),
            S.SELF_ASSESSMENT: _("organization"),
            S.EEC_FORMATION: {
                CommissionState.PROPOSED: _("organization's agreement"),
                CommissionState.AGREED: _("Director General's approval"),
            }.get(state, _("coordinator")),
            S.VISIT: _("the visit"),
            S.EEC_REPORT: _("expert commission"),
            S.INTERNAL_EXPERTISE: _("internal expertise"),
            S.COUNCIL: _("Accreditation Council"),
            S.DECIDED: _("signature and publication"),
            S.POST_MONITORING: _("organization"),
        }.get(project.status, "")
    )


def workspace(user):
    """Open projects of this person (all of them for project managers), by stage."""
    S = AccreditationProject.Status
    rows = projects_visible_to(user).exclude(status__in=(S.CLOSED, S.REJECTED))
    if not user.has_perm("accreditation.change_accreditationproject") and user.has_perm(
        "accreditation.coordinate_project"
    ):
        rows = rows.filter(coordinator=user)
    columns = {}
    for project in rows.order_by("stage_due", "pk")[:500]:
        project.waiting_for = waiting_for(project)
        columns.setdefault(project.status, []).append(project)
    return [(value, label, columns.get(value, [])) for value, label in S.choices if value in columns]


def certificates_visible_to(user) -> QuerySet[Certificate]:
    """The certificates of the projects this person sees."""
    return Certificate.objects.filter(project__in=projects_visible_to(user))


def certificate_get_for(user, pk: int):
    return get_object_or_404(
        certificates_visible_to(user).select_related("organization", "programme", "project", "decision"),
        pk=pk,
    )


def appeals_visible_to(user):
    rows = Appeal.objects.select_related("project__organization")
    if user.has_perm("accreditation.hear_appeal") or user.has_perm("accreditation.view_all_accreditations"):
        return rows
    return rows.filter(filed_by=user) if user.is_authenticated else rows.none()


# --- After the council ------------------------------------------------------------------------


def publication_get(project, pk: int) -> Publication:
    return get_object_or_404(Publication, project=project, pk=pk)


def monitoring_task_get(project, pk: int) -> MonitoringTask:
    return get_object_or_404(MonitoringTask, project=project, pk=pk)


def appeal_get(pk: int) -> Appeal:
    return get_object_or_404(Appeal, pk=pk)


def records_held_by_open_appeals(records) -> dict[int, tuple[str, dict]]:
    """Records of the appeals process while an appeal or complaint is open: its evidence (§3.2.2)."""
    open_appeals = Appeal.objects.filter(status__in=[Appeal.Status.FILED, Appeal.Status.UNDER_REVIEW])
    first = open_appeals.order_by("pk").first()
    if first is None:
        return {}
    held = records.filter(process__code="appeals").values_list("pk", flat=True)
    return {
        pk: (gettext_noop("Evidence while the appeal %(number)s is open"), {"number": first.number})
        for pk in held
    }
