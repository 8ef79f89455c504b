"""The life of an internal audit, as one table (§7.2.2).

planned → in progress (the leader or the IQAS owner, once the Director General's order is
signed) → report drafted (the leader signs the report) → report approved (the Director General
accepts it) → closed (the IQAS owner, once every nonconformity has its corrective action).
The Director General may return a drafted report to the group. Moves whose permission is None
are made by a service after its own checks (the leader is a person on the audit, not a role).
"""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow, on_record, rel, relation

from .models import Audit, AuditorAssignment

S = Audit.Status


def seat_of(user, audit: Audit) -> AuditorAssignment | None:
    if not user.is_authenticated:
        return None
    return AuditorAssignment.objects.filter(audit=audit, auditor=user, active=True).first()


@relation("sits on the audit")
def is_member(user, audit: Audit) -> bool:
    """An active member of the audit's working group (its leader included)."""
    return seat_of(user, audit) is not None


@relation("leads the audit")
def is_leader(user, audit: Audit) -> bool:
    seat = seat_of(user, audit)
    return seat is not None and seat.role == AuditorAssignment.Role.LEADER


@relation("starts the audit")
def starts_audit(user, audit: Audit) -> bool:
    """The IQAS owner (who plans audits) or a member of the working group."""
    return user.has_perm("audits.change_audit") or is_member(user, audit)


# What the audit's pages ask of the audit besides seeing it: the views, their selectors and the
# permission matrix read these (core.workflow.on_record).
SITS_ON_AUDIT = on_record(Audit, rel("sits on the audit"))
LEADS_AUDIT = on_record(Audit, rel("leads the audit"))
STARTS_AUDIT = on_record(Audit, rel("starts the audit"))

AUDIT_WORKFLOW = Workflow(
    Audit,
    "status",
    {
        S.PLANNED: {S.IN_PROGRESS: (None, _("Audit started"))},
        S.IN_PROGRESS: {S.REPORT_DRAFTED: (None, _("Report signed by the leader"))},
        S.REPORT_DRAFTED: {
            S.REPORT_APPROVED: ("audits.approve_audit_report", _("Report accepted by the Director General")),
            S.IN_PROGRESS: ("audits.approve_audit_report", _("Report returned to the working group")),
        },
        S.REPORT_APPROVED: {S.CLOSED: ("audits.change_audit", _("Audit closed"))},
    },
)
