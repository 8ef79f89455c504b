"""Every change of state of the reporting part: the management review and its order, the KPI
targets and the stored KPI reports. Views and tasks call these."""

from .kpi_reports import kpi_report_make, kpi_report_send
from .kpis import kpi_target_approve, kpi_target_propose, kpi_target_return
from .reviews import (
    decision_add,
    order_return,
    order_sign,
    order_submit,
    review_close,
    review_edit,
    review_hold,
    review_inputs_assemble,
    review_plan,
    reviews_remind,
)

__all__ = [
    "decision_add",
    "kpi_report_make",
    "kpi_report_send",
    "kpi_target_approve",
    "kpi_target_propose",
    "kpi_target_return",
    "order_return",
    "order_sign",
    "order_submit",
    "review_close",
    "review_edit",
    "review_hold",
    "review_inputs_assemble",
    "review_plan",
    "reviews_remind",
]
