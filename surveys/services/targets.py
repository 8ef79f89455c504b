"""The satisfaction targets of the KPI report (§7.4): the lowest index each survey should reach,
proposed by the IQAS owner and in force once the Director General approves it with a signature
(§4.1), by the KPI targets' own path (improvement.services.targets)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.targets import target_checked
from improvement.services.targets import target_approve, target_propose, target_return
from improvement.workflow import PROPOSE_TARGET

from ..models import SatisfactionTarget, Survey
from ..workflow import SATISFACTION_TARGET_WORKFLOW


@transaction.atomic
def satisfaction_target_propose(*, actor, survey: Survey, year: int, target_percent) -> SatisfactionTarget:
    """The IQAS owner proposes the lowest satisfaction index (0–100 %) a survey should reach in
    a year; it waits for the Director General's approval. Proposing the target in force changes
    nothing."""
    require_perm(actor, PROPOSE_TARGET, _("Only the IQAS owner proposes the targets."))
    return target_propose(
        workflow=SATISFACTION_TARGET_WORKFLOW,
        key={"survey": survey, "year": year},
        actor=actor,
        target=target_checked(year, target_percent),
        action=gettext_lazy("Target proposed: at least %(target)s %%"),
        reason=_("Target proposed"),
    )


def satisfaction_target_approve(*, target: SatisfactionTarget, actor, password: str) -> SatisfactionTarget:
    """The Director General approves the proposal with a signature: the KPI page and the indices
    are measured against it from now on. Anyone else, a wrong password: nothing is saved."""
    return target_approve(
        workflow=SATISFACTION_TARGET_WORKFLOW,
        target=target,
        actor=actor,
        password=password,
        action=gettext_lazy("Target approved and signed: at least %(target)s %%"),
    )


def satisfaction_target_return(*, target: SatisfactionTarget, actor, comment: str = "") -> SatisfactionTarget:
    """The Director General returns a proposal to the IQAS owner; the approved target stays."""
    return target_return(workflow=SATISFACTION_TARGET_WORKFLOW, target=target, actor=actor, comment=comment)
