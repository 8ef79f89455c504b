"""Nonconformities, corrective actions, risks, actions, purchasing, KPIs and management
reviews (§7.3, §7.5, §6.4, §7.4, §4.6), one module per aggregate."""

from .actions import Action, actions_in_force
from .kpis import ApprovedTarget, KpiReport, KpiTarget
from .nonconformities import CorrectiveAction, Nonconformity
from .outward import OutwardReport
from .purchasing import IncomingInspection, PurchaseContract, Supplier
from .reviews import ManagementReview, ReviewDecision
from .risks import Risk

__all__ = [
    "Action",
    "ApprovedTarget",
    "CorrectiveAction",
    "IncomingInspection",
    "KpiReport",
    "KpiTarget",
    "ManagementReview",
    "Nonconformity",
    "OutwardReport",
    "PurchaseContract",
    "ReviewDecision",
    "Risk",
    "Supplier",
    "actions_in_force",
]
