"""Every change of state of nonconformities, corrective actions, actions, risks and purchasing
records. Views, tasks and the apps above (audits raises nonconformities) call these."""

from .actions import action_add, action_cancel, action_complete, actions_escalate
from .capa import capa_advance, capa_back, capa_open, capa_step_save, capa_verify
from .nonconformities import nonconformity_raise, nonconformity_transition
from .purchasing import contract_record, inspection_record, supplier_record, supplier_update
from .risks import risk_record, risk_update

__all__ = [
    "action_add",
    "action_cancel",
    "action_complete",
    "actions_escalate",
    "capa_advance",
    "capa_back",
    "capa_open",
    "capa_step_save",
    "capa_verify",
    "contract_record",
    "inspection_record",
    "nonconformity_raise",
    "nonconformity_transition",
    "risk_record",
    "risk_update",
    "supplier_record",
    "supplier_update",
]
