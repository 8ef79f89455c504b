"""The life of an internal audit, as one table (§7.2.2).

planned → in progress (the leader or the IQAS owner, once the Director General's order is
signed) → report drafted (the leader signs the report) → report approved (the Director General
accepts it) → closed (the IQAS owner, once every nonconformity has its corrective action).
The Director General may return a drafted report to the group. Moves whose permission is None
are made by a service after its own checks (the leader is a person on the audit, not a role).
"""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import Audit

S = Audit.Status

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
