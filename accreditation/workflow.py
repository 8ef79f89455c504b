"""The stages of an accreditation project (§6.1–6.6) as one table.

application → threshold check → contract (or rejection) → self-assessment → EEC formation →
visit → EEC report → internal expertise → council → decided → published → post-monitoring →
closed (or re-accreditation). Most moves are made by the service of the step that completes
the stage (permission ``None``); the table still refuses every move it does not list.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.core import ObjectPermissionChecker

from core.workflow import AnyRule, Rule, Workflow, on_record, perm, rel, relation

from .models import (
    AccreditationProject,
    AgendaItem,
    Appeal,
    Certificate,
    CommissionMember,
    CommissionState,
    CouncilMeeting,
    MonitoringTask,
)


def _project_of(obj) -> AccreditationProject:
    return obj if isinstance(obj, AccreditationProject) else obj.project


@relation("runs-project")
def runs_project(user, obj) -> bool:
    """The project's coordinator, or a project manager (who runs every project)."""
    project = _project_of(obj)
    return user.is_authenticated and (
        user.has_perm("accreditation.change_accreditationproject") or project.coordinator_id == user.pk
    )


@relation("forms-commission")
def forms_commission(user, obj) -> bool:
    """Runs the project while it is at the EEC formation stage, when the commission is formed."""
    project = _project_of(obj)
    return project.status == AccreditationProject.Status.EEC_FORMATION and runs_project(user, project)


def represents(user, organization) -> bool:
    """The person represents this organization (a right on the organization itself)."""
    return ObjectPermissionChecker(user).has_perm("represent_organization", organization)


@relation("represents-organization")
def represents_organization(user, obj) -> bool:
    """A representative of the organization the project (or the record's project) is about."""
    return user.is_authenticated and represents(user, _project_of(obj).organization)


@relation("sits-on-commission")
def sits_on_commission(user, obj) -> bool:
    """An expert with an active seat on the project's commission."""
    return (
        user.is_authenticated
        and CommissionMember.objects.filter(
            project=_project_of(obj), is_active=True, expert__user=user
        ).exists()
    )


@relation("attends-meeting")
def attends_meeting(user, meeting) -> bool:
    """A council member marked present at the meeting."""
    return user.is_authenticated and meeting.attendance.filter(member=user, present=True).exists()


# What the lifecycle's pages ask of a project that no table's move says.
# Evidence for the visit: whoever runs the project, or an expert of its commission.
EVIDENCE_ADD = on_record(AccreditationProject, rel("runs-project") | rel("sits-on-commission"))
# A re-accreditation: the organization's representative, or a project manager.
REACCREDITATION = on_record(
    AccreditationProject, rel("represents-organization") | perm("accreditation.change_accreditationproject")
)
# A vote: a council member present at the meeting.
VOTE = on_record(CouncilMeeting, rel("attends-meeting"))


S = AccreditationProject.Status

PROJECT_WORKFLOW = Workflow(
    AccreditationProject,
    "status",
    {
        S.APPLICATION: {
            S.THRESHOLD_CHECK: ("accreditation.change_accreditationproject", _("Start the threshold check")),
        },
        S.THRESHOLD_CHECK: {
            # Decided by the threshold-check service from the checklist.
            S.CONTRACT: (None, _("Threshold requirements met")),
            S.REJECTED: (None, _("Threshold requirements not met")),
        },
        # Moved by the contract service once the contract is registered.
        S.CONTRACT: {S.SELF_ASSESSMENT: (None, _("Contract signed"))},
        # Moved by the review of the self-assessment report when it conforms.
        S.SELF_ASSESSMENT: {S.EEC_FORMATION: (None, _("Self-assessment report conforms"))},
        # Moved when the Director General approves the commission.
        S.EEC_FORMATION: {S.VISIT: (None, _("Expert commission approved"))},
        # Moved when the coordinator records the visit as held.
        S.VISIT: {S.EEC_REPORT: (None, _("Visit held"))},
        S.EEC_REPORT: {S.INTERNAL_EXPERTISE: (None, _("EEC report submitted by the chair"))},
        S.INTERNAL_EXPERTISE: {
            S.COUNCIL: (None, _("EEC report meets IAAR's requirements")),
            S.EEC_REPORT: (None, _("EEC report returned to the commission")),
        },
        S.COUNCIL: {S.DECIDED: (None, _("Council decision recorded"))},
        S.DECIDED: {
            S.PUBLISHED: (None, _("Decision published")),
            S.COUNCIL: (None, _("Decision set aside on appeal")),
        },
        S.PUBLISHED: {
            S.POST_MONITORING: (None, _("Post-accreditation monitoring started")),
            S.COUNCIL: (None, _("Decision set aside on appeal")),
            S.CLOSED: ("accreditation.change_accreditationproject", _("Close the project")),
        },
        S.POST_MONITORING: {
            S.COUNCIL: (None, _("Decision set aside on appeal")),
            S.CLOSED: (None, _("Project closed")),
        },
    },
)

CS = CommissionState

# The expert commission's composition (§6.3): formed by whoever runs the project, agreed (or
# objected to) by the organization, approved by the Director General.
COMMISSION_WORKFLOW = Workflow(
    AccreditationProject,
    "commission_state",
    {
        CS.DRAFT: {
            CS.PROPOSED: (rel("forms-commission"), _("Commission sent to the organization for agreement"))
        },
        CS.OBJECTED: {
            CS.PROPOSED: (rel("forms-commission"), _("Commission sent to the organization for agreement"))
        },
        CS.PROPOSED: {
            CS.AGREED: (rel("represents-organization"), _("The organization agreed the commission")),
            CS.OBJECTED: (rel("represents-organization"), _("The organization objected to the commission")),
        },
        CS.AGREED: {CS.APPROVED: (perm("accreditation.approve_commission"), _("Commission approved"))},
    },
)

M = CouncilMeeting.Status

# A council meeting (§6.5.2): planned by the secretary, opened with a quorum, closed with minutes.
MEETING_WORKFLOW = Workflow(
    CouncilMeeting,
    "status",
    {
        M.PLANNED: {M.OPEN: (perm("accreditation.record_council_decision"), _("Meeting opened"))},
        M.OPEN: {M.CLOSED: (perm("accreditation.record_council_decision"), _("Meeting closed"))},
    },
)

ITEM = AgendaItem.State

# An item on the agenda: the secretary closes its vote as a decision or as no decision.
AGENDA_ITEM_WORKFLOW = Workflow(
    AgendaItem,
    "state",
    {
        ITEM.PENDING: {
            ITEM.DECIDED: (perm("accreditation.record_council_decision"), _("Council decision recorded")),
            ITEM.NO_DECISION: (perm("accreditation.record_council_decision"), _("No decision")),
        },
    },
)

C = Certificate.Status

# A certificate (§6.5.3): signed by the Director General, then changed only by the council's
# decisions (suspend, revoke, keep), by a signed reissue, or cancelled unsigned when its
# decision is set aside on appeal.
CERTIFICATE_WORKFLOW = Workflow(
    Certificate,
    "status",
    {
        C.DRAFT: {
            C.VALID: (perm("accreditation.sign_certificate"), _("Signed")),
            C.CANCELLED: (None, _("Cancelled: the decision was set aside on appeal")),
        },
        C.VALID: {
            C.SUSPENDED: (None, _("Suspended by the council")),
            C.REVOKED: (None, _("Revoked by the council")),
            C.REPLACED: (None, _("Replaced by a reissue")),
        },
        C.SUSPENDED: {
            C.VALID: (None, _("Suspension lifted by the council")),
            C.REVOKED: (None, _("Revoked by the council")),
            C.REPLACED: (None, _("Replaced by a reissue")),
        },
    },
)

A = Appeal.Status

# An appeal or a complaint (§6.5): the appeals commission takes it under review and decides.
APPEAL_WORKFLOW = Workflow(
    Appeal,
    "status",
    {
        A.FILED: {
            A.UNDER_REVIEW: (perm("accreditation.hear_appeal"), _("Taken under review")),
            A.DECIDED: (perm("accreditation.hear_appeal"), _("Decided")),
        },
        A.UNDER_REVIEW: {A.DECIDED: (perm("accreditation.hear_appeal"), _("Decided"))},
    },
)

T = MonitoringTask.Status

# Post-accreditation monitoring: the organization uploads its annual report, the project's
# coordinator accepts it or returns it; a mid-term visit is recorded (or returned) directly.
MONITORING_WORKFLOW = Workflow(
    MonitoringTask,
    "status",
    {
        T.PLANNED: {
            T.SUBMITTED: (rel("represents-organization"), _("Monitoring report uploaded")),
            T.ACCEPTED: (rel("runs-project"), _("Accepted")),
            T.RETURNED: (rel("runs-project"), _("Returned for correction")),
        },
        T.SUBMITTED: {
            T.ACCEPTED: (rel("runs-project"), _("Accepted")),
            T.RETURNED: (rel("runs-project"), _("Returned for correction")),
        },
        T.RETURNED: {
            T.SUBMITTED: (rel("represents-organization"), _("Monitoring report uploaded")),
            T.ACCEPTED: (rel("runs-project"), _("Accepted")),
            T.RETURNED: (rel("runs-project"), _("Returned for correction")),
        },
    },
)

# How long each stage should take (days); the coordinator is reminded as the date comes.
STAGE_DAYS = {
    S.APPLICATION: 5,
    S.THRESHOLD_CHECK: 10,
    S.CONTRACT: 20,
    S.SELF_ASSESSMENT: 90,
    S.EEC_FORMATION: 30,
    S.VISIT: 45,
    S.EEC_REPORT: 20,
    S.INTERNAL_EXPERTISE: 10,
    S.COUNCIL: 45,
    S.DECIDED: 15,
}


def stage_due(status: str, today: datetime.date) -> datetime.date | None:
    days = STAGE_DAYS.get(status)
    return today + datetime.timedelta(days=days) if days else None


# --- The next step on a project ---------------------------------------------------------------


@relation("owes-declaration")
def owes_declaration(user, obj) -> bool:
    """An expert seated on the project's commission who has not signed the no-conflict declaration."""
    return (
        user.is_authenticated
        and CommissionMember.objects.filter(
            project=_project_of(obj), is_active=True, expert__user=user, declaration_signed_at__isnull=True
        ).exists()
    )


@relation("chairs-commission")
def chairs_commission(user, obj) -> bool:
    """The chair of the project's commission."""
    return (
        user.is_authenticated
        and CommissionMember.objects.filter(
            project=_project_of(obj), is_active=True, expert__user=user, role=CommissionMember.Role.CHAIR
        ).exists()
    )


@dataclass(frozen=True)
class Step:
    """One thing to do at a project's stage, as the project page's main button and the
    dashboard's task: who may do it (the rule of the table's move where there is one), on which
    record (``record(project)``: the project, its draft certificate, its monitoring report; None
    when there is nothing to do now) and where (``via`` with ``args``)."""

    label: str
    rule: Rule | AnyRule
    via: str
    icon: str
    post: bool = False
    target: str = ""
    record: Callable = lambda project: project
    args: Callable | None = None  # (project, record) → URL arguments; by default the project's pk
    due: Callable | None = None  # record → the date it is due

    def button(self, project, record) -> dict:
        args = self.args(project, record) if self.args else [project.pk]
        action = {
            "label": self.label,
            "url": reverse(self.via, args=args),
            "icon": self.icon,
            "post": self.post,
        }
        if self.target:
            action["target"] = self.target
        if self.due:
            action["due"] = self.due(record)
        return action


def _move(workflow: Workflow, source: str, target: str):
    """The rule of a table's move: the step it starts is allowed to the same people."""
    return workflow.get(source, target).rule


def _pending_self_assessment_absent(project):
    return None if project.self_assessments.filter(decision="pending").exists() else project


def _commission_in(*states):
    return lambda project: project if project.commission_state in states else None


def _draft_certificate(project):
    return project.certificates.filter(status=C.DRAFT).first()


def _no_draft_certificate(project):
    return None if project.certificates.filter(status=C.DRAFT).exists() else project


def _no_pending_agenda_item(project):
    return None if project.agenda_items.filter(state=ITEM.PENDING).exists() else project


def _submitted_report(project):
    return project.monitoring.filter(status=T.SUBMITTED).first()


def _report_due(project):
    """A monitoring report becomes a task three months before it is due."""
    horizon = timezone.localdate() + datetime.timedelta(days=90)
    return (
        project.monitoring.filter(
            status__in=(T.PLANNED, T.RETURNED), kind="annual_report", due_on__lte=horizon
        )
        .order_by("due_on")
        .first()
    )


MANAGE_PROJECTS = perm("accreditation.change_accreditationproject")
SECRETARY = perm("accreditation.record_council_decision")

# Per stage, in order: the first step this person may take is their next action.
NEXT_STEPS = {
    S.APPLICATION: [
        Step(
            _("New application: start the threshold check"),
            _move(PROJECT_WORKFLOW, S.APPLICATION, S.THRESHOLD_CHECK),
            "accreditation:project_move",
            "play-circle",
            post=True,
            target=S.THRESHOLD_CHECK,
        )
    ],
    S.THRESHOLD_CHECK: [
        Step(
            _("Record the threshold check"), MANAGE_PROJECTS, "accreditation:project_threshold", "list-check"
        )
    ],
    S.CONTRACT: [
        Step(
            _("Register the contract"), MANAGE_PROJECTS, "accreditation:project_contract", "file-earmark-text"
        )
    ],
    S.SELF_ASSESSMENT: [
        Step(
            _("Upload the self-assessment report"),
            rel("represents-organization"),
            "accreditation:self_assessment_submit",
            "upload",
            record=_pending_self_assessment_absent,
        )
    ],
    S.EEC_FORMATION: [
        Step(
            _("Form the expert commission"),
            _move(COMMISSION_WORKFLOW, CS.DRAFT, CS.PROPOSED),
            "accreditation:commission",
            "people",
            record=_commission_in(CS.DRAFT, CS.OBJECTED),
        ),
        Step(
            _("Agree the expert commission"),
            _move(COMMISSION_WORKFLOW, CS.PROPOSED, CS.AGREED),
            "accreditation:commission_respond",
            "hand-thumbs-up",
            record=_commission_in(CS.PROPOSED),
        ),
        Step(
            _("Sign the no-conflict declaration"), rel("owes-declaration"), "accreditation:commission", "pen"
        ),
        Step(
            _("Approve the expert commission"),
            _move(COMMISSION_WORKFLOW, CS.AGREED, CS.APPROVED),
            "accreditation:commission",
            "check2-circle",
            record=_commission_in(CS.AGREED),
        ),
    ],
    S.VISIT: [
        Step(
            _("Record the visit and evaluate the commission"),
            rel("runs-project"),
            "accreditation:visit_held",
            "clipboard-check",
        ),
        Step(_("Score the criteria"), rel("sits-on-commission"), "accreditation:scores", "ui-checks-grid"),
    ],
    S.EEC_REPORT: [
        Step(
            _("Consolidate the scores and write the report"),
            rel("chairs-commission"),
            "accreditation:report_edit",
            "journal-text",
        ),
        Step(_("Score the criteria"), rel("sits-on-commission"), "accreditation:scores", "ui-checks-grid"),
    ],
    S.INTERNAL_EXPERTISE: [
        Step(_("Review the EEC report"), MANAGE_PROJECTS, "accreditation:report_review", "search")
    ],
    S.COUNCIL: [
        Step(
            _("Put on a council meeting's agenda"),
            SECRETARY,
            "accreditation:meeting_list",
            "bank",
            record=_no_pending_agenda_item,
            args=lambda project, record: [],
        )
    ],
    S.DECIDED: [
        Step(
            _("Sign the certificate"),
            _move(CERTIFICATE_WORKFLOW, C.DRAFT, C.VALID),
            "accreditation:certificate_detail",
            "pen",
            record=_draft_certificate,
            args=lambda project, certificate: [certificate.pk],
        ),
        Step(
            _("Publish the decision"),
            SECRETARY,
            "accreditation:publish",
            "megaphone",
            post=True,
            record=_no_draft_certificate,
        ),
    ],
    S.POST_MONITORING: [
        Step(
            _("Review the monitoring report"),
            _move(MONITORING_WORKFLOW, T.SUBMITTED, T.ACCEPTED),
            "accreditation:monitoring_review",
            "search",
            record=_submitted_report,
            args=lambda project, task: [project.pk, task.pk],
        ),
        Step(
            _("Upload the monitoring report"),
            _move(MONITORING_WORKFLOW, T.PLANNED, T.SUBMITTED),
            "accreditation:monitoring_submit",
            "upload",
            record=_report_due,
            args=lambda project, task: [project.pk, task.pk],
            due=lambda task: task.due_on,
        ),
    ],
}


def next_step(user, project) -> dict | None:
    """The one thing this person should do next on this project, as a button: the first step
    of its stage this person may take now."""
    for step in NEXT_STEPS.get(project.status, ()):
        record = step.record(project)
        if record is not None and step.rule.allows(user, record):
            return step.button(project, record)
    return None
