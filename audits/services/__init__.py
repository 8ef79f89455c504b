"""Every change of state of internal audits (§7.2.2). Views, tasks and the demo call these."""

from .fieldwork import (
    audit_start,
    checklist_answer,
    checklist_build,
    checklist_item_add,
    finding_record,
    finding_withdraw,
)
from .planning import audit_plan, audit_update, programme_create, programme_update
from .report import (
    audit_close,
    recommendation_add,
    recommendation_order,
    report_approve,
    report_return,
    report_save,
    report_sign,
)
from .team import order_sign, team_appoint, team_member_remove

__all__ = [
    "audit_close",
    "audit_plan",
    "audit_start",
    "audit_update",
    "checklist_answer",
    "checklist_build",
    "checklist_item_add",
    "finding_record",
    "finding_withdraw",
    "order_sign",
    "programme_create",
    "programme_update",
    "recommendation_add",
    "recommendation_order",
    "report_approve",
    "report_return",
    "report_save",
    "report_sign",
    "team_appoint",
    "team_member_remove",
]
