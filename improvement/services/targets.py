"""Approved targets (§4.1): the one path a yearly target takes, whichever indicator it is for
(the KPI targets, the surveys' satisfaction targets). The IQAS owner proposes; the proposal has
no effect until the Director General approves it with a signature (password typed again) or
returns it; the target in force meanwhile stays as it was."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from core.permissions import password_confirm
from core.workflow import Workflow, event_record, transition_perform

from ..models import ApprovedTarget

T = ApprovedTarget.Status


@transaction.atomic
def target_propose(
    *, workflow: Workflow, key: dict, actor, target: Decimal, action, reason: str = ""
) -> ApprovedTarget:
    """Propose ``target`` for the row ``key`` names (made when there is none). Proposing the
    target in force, or the one already waiting, changes nothing. ``action`` is the timeline's
    message, with ``%(target)s``."""
    model = workflow.model
    row = model.objects.select_for_update().filter(**key).first()
    params = {"target": target}
    if row is None:
        row = model(**key, proposed_percent=target, set_by=actor, status=T.PROPOSED)
        row._history_user = actor
        row._change_reason = reason
        row.save()
        event_record(obj=row, action=action, params=params, actor=actor)
        return row
    if row.status == T.APPROVED and row.target_percent == target:
        return row
    if row.status == T.PROPOSED and row.proposed_percent == target:
        return row
    return transition_perform(
        obj=row,
        workflow=workflow,
        target=T.PROPOSED,
        actor=actor,
        action=action,
        params=params,
        also={"proposed_percent": target, "set_by": actor},
    )


@transaction.atomic
def target_approve(
    *, workflow: Workflow, target: ApprovedTarget, actor, password: str, action
) -> ApprovedTarget:
    """The Director General approves the proposal with a signature: it becomes the target in
    force. Anyone else, a wrong password, a target not awaiting approval: nothing is saved."""
    target = workflow.model.objects.select_for_update().get(pk=target.pk)
    workflow.check(target, T.APPROVED, actor)
    password_confirm(actor, password)
    value = Decimal(target.proposed_percent)
    return transition_perform(
        obj=target,
        workflow=workflow,
        target=T.APPROVED,
        actor=actor,
        action=action,
        params={"target": value},
        also={
            "target_percent": value,
            "proposed_percent": None,
            "approved_by": actor,
            "approved_at": timezone.now(),
        },
    )


@transaction.atomic
def target_return(*, workflow: Workflow, target: ApprovedTarget, actor, comment: str = "") -> ApprovedTarget:
    """The Director General returns a proposal to the IQAS owner; the approved target (if any)
    stays in force."""
    return transition_perform(
        obj=target,
        workflow=workflow,
        target=T.RETURNED,
        actor=actor,
        comment=comment,
        also={"proposed_percent": None},
    )
