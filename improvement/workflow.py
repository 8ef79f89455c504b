"""The status tables of the improvement app: a nonconformity's status and a corrective action's
six steps (§7.5.2), an action's, a risk's and a supplier's status, and the management review's
(§4.6; its services are the reporting app's, which may import this app, not the other way).
Moves whose permission is ``None`` are made by a service after its own checks (the CAPA owner or
the IQAS owner, a verifier who is neither)."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, on_record, perm, rel, relation

from .models import (
    Action,
    ApprovedTarget,
    CorrectiveAction,
    KpiTarget,
    ManagementReview,
    Nonconformity,
    Risk,
    Supplier,
)
from .selectors.nonconformities import MANAGE_CAPA

Status = Nonconformity.Status
Step = CorrectiveAction.Step
A = Action.Status
K = Risk.Status
P = Supplier.Status
M = ManagementReview.Status

MANAGE_REVIEW = "improvement.change_managementreview"
SIGN_ORDER = "improvement.sign_review_order"
PROPOSE_TARGET = "improvement.change_kpitarget"
APPROVE_TARGET = "improvement.approve_kpitarget"


@relation("works the corrective action")
def works_capa(user, capa: CorrectiveAction) -> bool:
    """The CAPA owner or the IQAS owner works steps 1–5."""
    return user.is_active and (user.pk == capa.owner_id or user.has_perm(MANAGE_CAPA))


@relation("changes the risk")
def changes_risk(user, risk: Risk) -> bool:
    """The risk manager, or the risk's owner or its process owner with the right to change risks."""
    return user.has_perm("improvement.manage_risks") or (
        user.has_perm("improvement.change_risk") and user.pk in (risk.owner_id, risk.process.owner_id)
    )


# What the pages ask of the record besides seeing it (the view, its service and the matrix).
CHANGES_RISK = on_record(Risk, rel("changes the risk"))
WORKS_CAPA = on_record(CorrectiveAction, rel("works the corrective action"))


@relation("owns the action")
def owns_action(user, action: Action) -> bool:
    return user.pk == action.owner_id


@relation("cancels the action")
def cancels_action(user, action: Action) -> bool:
    """Whoever may add actions to its corrective action or risk; for a decision of a management
    review, the IQAS owner while the order is not submitted for signature."""
    if action.decision_id:
        return user.has_perm(MANAGE_REVIEW) and action.decision.review.status == M.HELD
    if action.capa_id:
        return works_capa(user, action.capa)
    return changes_risk(user, action.risk)


@relation("carries the decision over")
def carries_decision_over(user, action: Action) -> bool:
    """The IQAS owner closing a review whose order is signed moves its open decisions on."""
    return (
        bool(action.decision_id)
        and user.has_perm(MANAGE_REVIEW)
        and action.decision.review.status == M.SIGNED
    )


NONCONFORMITY_WORKFLOW = Workflow(
    Nonconformity,
    "status",
    {
        Status.OPEN: {
            Status.UNDER_ANALYSIS: ("improvement.change_nonconformity", _("Accept for analysis")),
        },
        Status.UNDER_ANALYSIS: {
            Status.CORRECTIVE_ACTION: (None, _("Corrective action opened")),
        },
        Status.CORRECTIVE_ACTION: {
            Status.CLOSED: (None, _("Closed: the corrective action is effective")),
        },
    },
)

# The six steps in order; the step after the last is "closed".
STEPS: tuple[str, ...] = (
    Step.ANALYSIS,
    Step.ROOT_CAUSE,
    Step.EVALUATION,
    Step.ACTIONS,
    Step.RESULTS,
    Step.VERIFICATION,
)

CAPA_WORKFLOW = Workflow(
    CorrectiveAction,
    "step",
    {
        Step.ANALYSIS: {Step.ROOT_CAUSE: (None, _("Analysis done"))},
        Step.ROOT_CAUSE: {
            Step.EVALUATION: (None, _("Root cause found")),
            Step.ANALYSIS: (None, _("Back to the analysis")),
        },
        Step.EVALUATION: {
            Step.ACTIONS: (None, _("Actions to prevent recurrence chosen")),
            Step.ROOT_CAUSE: (None, _("Back to the root cause")),
        },
        Step.ACTIONS: {
            Step.RESULTS: (None, _("Actions carried out")),
            Step.EVALUATION: (None, _("Back to the evaluation of actions")),
        },
        Step.RESULTS: {
            Step.VERIFICATION: (None, _("Results recorded; effectiveness to be checked")),
            Step.ACTIONS: (None, _("Back to the actions")),
        },
        Step.VERIFICATION: {
            Step.CLOSED: (None, _("Verified effective")),
            Step.ACTIONS: (None, _("Not effective: back to the actions")),
            Step.RESULTS: (None, _("Back to the results")),
        },
    },
)


def step_after(step: str) -> str:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else Step.CLOSED


def step_before(step: str) -> str | None:
    index = STEPS.index(step) if step in STEPS else -1
    return STEPS[index - 1] if index > 0 else None


ACTION_WORKFLOW = Workflow(
    Action,
    "status",
    {
        A.OPEN: {
            A.DONE: (rel("owns the action"), _("Done")),
            A.CANCELLED: (rel("cancels the action") | rel("carries the decision over"), _("Cancelled")),
        },
    },
)

# A risk's status is set when it is reviewed: any status to any other, by whoever may change it.
RISK_WORKFLOW = Workflow(
    Risk,
    "status",
    {
        source: {
            target: (rel("changes the risk"), _("Status changed")) for target in K.values if target != source
        }
        for source in K.values
    },
)

# A supplier's status is the conclusion of its evaluation (§8.4): any to any other.
SUPPLIER_WORKFLOW = Workflow(
    Supplier,
    "status",
    {
        source: {
            target: (perm("improvement.manage_purchasing"), _("Evaluated"))
            for target in P.values
            if target != source
        }
        for source in P.values
    },
)

# planned → inputs assembled (again and again until the meeting) → held (its record corrected
# until the order goes for signature) → order awaiting signature → order signed (or returned
# to held) → closed.
REVIEW_WORKFLOW = Workflow(
    ManagementReview,
    "status",
    {
        M.PLANNED: {M.INPUTS: (perm(MANAGE_REVIEW), _("Input pack assembled"))},
        M.INPUTS: {
            M.INPUTS: (perm(MANAGE_REVIEW), _("Input pack assembled")),
            M.HELD: (perm(MANAGE_REVIEW), _("Held")),
        },
        M.HELD: {
            M.HELD: (perm(MANAGE_REVIEW), _("Held")),
            M.SIGNATURE: (perm(MANAGE_REVIEW), _("Order awaiting signature")),
        },
        M.SIGNATURE: {
            M.SIGNED: (perm(SIGN_ORDER), _("Order signed")),
            M.HELD: (perm(SIGN_ORDER), _("Order returned for changes")),
        },
        M.SIGNED: {M.CLOSED: (perm(MANAGE_REVIEW), _("Review closed"))},
    },
)

T = ApprovedTarget.Status


def approved_target_workflow(model, *, approve_via: str, return_via: str) -> Workflow:
    """The table of a target the IQAS owner proposes and the Director General approves (§4.1):
    the KPI targets' and the surveys' satisfaction targets' alike. The owner proposes (again and
    again while it waits); the Director General approves it with a signature (then it is the
    target in force) or returns it; a new proposal for an approved target leaves the approved
    one in force until it is approved in turn."""
    return Workflow(
        model,
        "status",
        {
            T.PROPOSED: {
                T.PROPOSED: (perm(PROPOSE_TARGET), _("Proposal changed")),
                T.APPROVED: Move(
                    _("Approve and sign"),
                    perm(APPROVE_TARGET),
                    via=approve_via,
                    icon="pen",
                    style="success",
                ),
                T.RETURNED: Move(
                    _("Return to the IQAS owner"),
                    perm(APPROVE_TARGET),
                    via=return_via,
                    post=True,
                    style="outline-secondary",
                ),
            },
            T.APPROVED: {T.PROPOSED: (perm(PROPOSE_TARGET), _("New target proposed"))},
            T.RETURNED: {T.PROPOSED: (perm(PROPOSE_TARGET), _("New target proposed"))},
        },
    )


# A KPI target (§4.1), by the table above.
KPI_TARGET_WORKFLOW = approved_target_workflow(
    KpiTarget, approve_via="reporting:kpi_target_approve", return_via="reporting:kpi_target_return"
)
