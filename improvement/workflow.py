"""The status tables of the improvement app: a nonconformity's status and a corrective action's
six steps (§7.5.2). Moves whose permission is ``None`` are made by a service after its own
checks (the CAPA owner or the IQAS owner, a verifier who is neither)."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import CorrectiveAction, Nonconformity

Status = Nonconformity.Status
Step = CorrectiveAction.Step

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
