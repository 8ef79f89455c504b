"""User-scoped reads of nonconformities, corrective actions, actions, risks and purchasing.

Who sees what: the IQAS owner and the director see every nonconformity and corrective action;
effectiveness verifiers (internal auditors) see every corrective action; everyone else sees
the nonconformities they raised or own, the corrective actions they own, and anything on which
they own an action.
"""

from .actions import action_get_for, actions_visible_to, my_actions, overdue_actions
from .nonconformities import (
    capa_get_for,
    capa_owners,
    capa_register,
    capas_awaiting_verification,
    capas_visible_to,
    capas_waiting_for_owner,
    nonconformities_awaiting_analysis,
    nonconformities_visible_to,
    nonconformity_get_for,
    nonconformity_register,
    qms_owners,
    register_nonconformity_readers,
    repeated_nonconformities,
)
from .purchasing import (
    contract_get,
    contracts_of,
    deliveries,
    nonconforming_deliveries,
    supplier_get,
    suppliers_register,
)
from .risks import (
    heat_map,
    level_of,
    processes_of,
    risk_get_for,
    risk_register,
    risks_due_for_review,
    risks_visible_to,
)

__all__ = [
    "action_get_for",
    "actions_visible_to",
    "capa_get_for",
    "capa_owners",
    "capa_register",
    "capas_awaiting_verification",
    "capas_visible_to",
    "capas_waiting_for_owner",
    "contract_get",
    "contracts_of",
    "deliveries",
    "heat_map",
    "level_of",
    "my_actions",
    "nonconforming_deliveries",
    "nonconformities_awaiting_analysis",
    "nonconformities_visible_to",
    "nonconformity_get_for",
    "nonconformity_register",
    "overdue_actions",
    "processes_of",
    "qms_owners",
    "register_nonconformity_readers",
    "repeated_nonconformities",
    "risk_get_for",
    "risk_register",
    "risks_due_for_review",
    "risks_visible_to",
    "supplier_get",
    "suppliers_register",
]
