"""The KPI targets (§3.1, §4.1, §7.4): how high each indicator's share may be in a year. The
IQAS owner proposes a target; it has no effect until the Director General approves it with a
signature (password typed again); the reports use the last approved target meanwhile."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.targets import target_checked
from improvement.models import KpiTarget
from improvement.services.targets import target_approve, target_propose, target_return
from improvement.workflow import KPI_TARGET_WORKFLOW, PROPOSE_TARGET

Code = KpiTarget.Code


@transaction.atomic
def kpi_target_propose(*, actor, code: str, year: int, target_percent) -> KpiTarget:
    """The IQAS owner proposes how high an indicator's share may be in a year (0–100 %); the
    proposal waits for the Director General's approval. Proposing the target already in force
    changes nothing."""
    require_perm(actor, PROPOSE_TARGET, _("Only the IQAS owner proposes the targets."))
    if code not in Code.values:
        raise ValidationError(_("Choose one of the five indicators."))
    return target_propose(
        workflow=KPI_TARGET_WORKFLOW,
        key={"code": code, "year": year},
        actor=actor,
        target=target_checked(year, target_percent),
        action=gettext_lazy("Target proposed: at most %(target)s %%"),
        reason=_("Target proposed"),
    )


def kpi_target_approve(*, target: KpiTarget, actor, password: str) -> KpiTarget:
    """The Director General approves the proposal with a signature: it becomes the target in
    force. Anyone else, a wrong password, a target not awaiting approval: nothing is saved."""
    return target_approve(
        workflow=KPI_TARGET_WORKFLOW,
        target=target,
        actor=actor,
        password=password,
        action=gettext_lazy("Target approved and signed: at most %(target)s %%"),
    )


def kpi_target_return(*, target: KpiTarget, actor, comment: str = "") -> KpiTarget:
    """The Director General returns a proposal to the IQAS owner; the approved target (if any)
    stays in force."""
    return target_return(workflow=KPI_TARGET_WORKFLOW, target=target, actor=actor, comment=comment)
