"""The KPI targets (§3.1, §4.1, §7.4): how high each indicator's share may be in a year. The
IQAS owner proposes a target; it has no effect until the Director General approves it with a
signature (password typed again); the reports use the last approved target meanwhile."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import password_confirm, require_perm
from core.targets import target_checked
from core.workflow import event_record, transition_perform
from improvement.models import KpiTarget
from improvement.workflow import KPI_TARGET_WORKFLOW, PROPOSE_TARGET

Code = KpiTarget.Code
T = KpiTarget.Status


@transaction.atomic
def kpi_target_propose(*, actor, code: str, year: int, target_percent) -> KpiTarget:
    """The IQAS owner proposes how high an indicator's share may be in a year (0–100 %); the
    proposal waits for the Director General's approval. Proposing the target already in force
    changes nothing."""
    require_perm(actor, PROPOSE_TARGET, _("Only the IQAS owner proposes the targets."))
    if code not in Code.values:
        raise ValidationError(_("Choose one of the five indicators."))
    target = target_checked(year, target_percent)
    row = KpiTarget.objects.select_for_update().filter(code=code, year=year).first()
    params = {"target": target}
    if row is None:
        row = KpiTarget(code=code, year=year, proposed_percent=target, set_by=actor, status=T.PROPOSED)
        row._history_user = actor
        row._change_reason = _("Target proposed")
        row.save()
        event_record(
            obj=row, action=gettext_lazy("Target proposed: at most %(target)s %%"), params=params, actor=actor
        )
        return row
    if row.status == T.APPROVED and row.target_percent == target:
        return row
    if row.status == T.PROPOSED and row.proposed_percent == target:
        return row
    return transition_perform(
        obj=row,
        workflow=KPI_TARGET_WORKFLOW,
        target=T.PROPOSED,
        actor=actor,
        action=gettext_lazy("Target proposed: at most %(target)s %%"),
        params=params,
        also={"proposed_percent": target, "set_by": actor},
    )


@transaction.atomic
def kpi_target_approve(*, target: KpiTarget, actor, password: str) -> KpiTarget:
    """The Director General approves the proposal with a signature: it becomes the target in
    force. Anyone else, a wrong password, a target not awaiting approval: nothing is saved."""
    KPI_TARGET_WORKFLOW.check(target, T.APPROVED, actor)
    password_confirm(actor, password)
    value = Decimal(target.proposed_percent)
    return transition_perform(
        obj=target,
        workflow=KPI_TARGET_WORKFLOW,
        target=T.APPROVED,
        actor=actor,
        action=gettext_lazy("Target approved and signed: at most %(target)s %%"),
        params={"target": value},
        also={
            "target_percent": value,
            "proposed_percent": None,
            "approved_by": actor,
            "approved_at": timezone.now(),
        },
    )


@transaction.atomic
def kpi_target_return(*, target: KpiTarget, actor, comment: str = "") -> KpiTarget:
    """The Director General returns a proposal to the IQAS owner; the approved target (if any)
    stays in force."""
    return transition_perform(
        obj=target,
        workflow=KPI_TARGET_WORKFLOW,
        target=T.RETURNED,
        actor=actor,
        comment=comment,
        also={"proposed_percent": None},
    )
