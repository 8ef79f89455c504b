"""The implementation plan's approval (§4.4.1): a draft until a collegial body has discussed it
(its adopted "strategy or plan approval" item records the meeting on the plan) and the Director
General approves it with a signature (password typed again), as the strategy's approval is made."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import stored
from core.permissions import password_confirm, user_role_labels
from core.workflow import event_record, transition_perform

from ..models import ImplementationPlan, PlanSignature
from ..workflow import PLAN_WORKFLOW

P = ImplementationPlan.Status


def plan_discussion_refusal(plan: ImplementationPlan) -> str:
    """Why the plan cannot be put on a body's agenda for discussion, or "" if it can."""
    if plan.status != P.DRAFT:
        return _("The implementation plan for %(year)s is approved already.") % {"year": plan.year}
    return ""


@transaction.atomic
def plan_discussion_from_meeting(*, plan: ImplementationPlan, meeting, actor) -> ImplementationPlan:
    """A collegial body adopted the draft plan at its meeting: the plan records the meeting, and
    the Director General may approve it."""
    plan = ImplementationPlan.objects.select_for_update().get(pk=plan.pk)
    refusal = plan_discussion_refusal(plan)
    if refusal:
        raise ValidationError(refusal)
    plan.discussed_at = meeting
    plan._history_user = actor
    plan._change_reason = "Discussed at a collegial body's meeting"
    plan.save(update_fields=["discussed_at"])
    event_record(
        obj=plan,
        action=gettext_lazy("Discussed at %(body)s meeting № %(number)s"),
        actor=actor,
        params={"body": meeting.body.name, "number": meeting.number},
    )
    return plan


def plan_content_sha256(plan: ImplementationPlan) -> str:
    """The checksum of what the Director General signs: the plan's year, revision and items."""
    content = {
        "year": plan.year,
        "revision": plan.revision,
        "strategy_version": plan.strategy_version_id,
        "items": [
            [i.pk, i.task_id, i.title, i.owner_id, i.due_date.isoformat(), i.indicator_id, i.expected_result]
            for i in plan.items.order_by("pk")
        ],
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


@transaction.atomic
def plan_approve(*, plan: ImplementationPlan, actor, password: str) -> ImplementationPlan:
    """The Director General signs the draft plan (password typed again) once a body has
    discussed it. Anyone else, a plan not discussed or without items, a wrong password: nothing
    is saved."""
    plan = ImplementationPlan.objects.select_for_update().get(pk=plan.pk)
    PLAN_WORKFLOW.check(plan, P.APPROVED, actor)
    if plan.discussed_at_id is None:
        raise ValidationError(
            _("A collegial body discusses the plan first: put it on a meeting's agenda as a plan approval.")
        )
    if not plan.items.exists():
        raise ValidationError(_("The plan has no items yet."))
    password_confirm(actor, password)
    PlanSignature.objects.create(
        plan=plan,
        signer=actor,
        signer_name=str(actor),
        signer_role=user_role_labels(actor) or actor.position or stored(gettext_lazy("no role")),
        content_sha256=plan_content_sha256(plan),
    )
    return transition_perform(
        obj=plan,
        workflow=PLAN_WORKFLOW,
        target=P.APPROVED,
        actor=actor,
        action=gettext_lazy("Plan approved and signed"),
        also={"approved_by": actor, "approved_at": timezone.now()},
    )
