"""Actions (§7.5.2–7.5.3): one owner, a due date and evidence, on a corrective action or as a
preventive measure of a risk or a decision of a management review; and the escalation ladder
of overdue ones.

An open action past its due date is reminded to its owner once; if it is still open
IAAR_ACTION_ESCALATE_AFTER_DAYS after the reminder, the IQAS owner is told, once.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from ..models import Action, CorrectiveAction, ManagementReview, Risk, actions_in_force
from ..selectors.nonconformities import qms_owners
from ..workflow import ACTION_WORKFLOW
from .capa import TEXT_LIMIT, can_work
from .risks import can_change

# Actions are planned while evaluating them (step 3) and carried out at step 4.
CAPA_STEPS_WITH_ACTIONS = (CorrectiveAction.Step.EVALUATION, CorrectiveAction.Step.ACTIONS)


def can_add_to(user, *, capa: CorrectiveAction | None = None, risk: Risk | None = None) -> bool:
    if capa is not None:
        return can_work(user, capa) and capa.step in CAPA_STEPS_WITH_ACTIONS
    return risk is not None and risk.status != Risk.Status.CLOSED and can_change(user, risk)


def decision_cancel_check(actor, review: ManagementReview) -> bool:
    """Whether the person may cancel a decision of a management review: the IQAS owner, while
    the order is not submitted for signature (afterwards a signed order is changed only by the
    next review)."""
    return actor.has_perm("improvement.change_managementreview") and review.status == (
        ManagementReview.Status.HELD
    )


def _parent(action: Action):
    return action.parent


@transaction.atomic
def action_add(
    *,
    actor,
    description: str,
    owner,
    due_on: datetime.date,
    capa: CorrectiveAction | None = None,
    risk: Risk | None = None,
    today: datetime.date | None = None,
) -> Action:
    """Add an action to a corrective action (its owner or the IQAS owner, at steps 3–4) or to
    a risk (whoever may change the risk). The due date is today or later."""
    if (capa is None) == (risk is None):
        raise ValidationError(_("An action belongs to one corrective action or one risk."))
    if capa is not None:
        capa = CorrectiveAction.objects.select_for_update().get(pk=capa.pk)
        if not can_work(actor, capa):
            raise PermissionDenied(
                _("Only the owner of the corrective action or the IQAS owner adds actions.")
            )
        if capa.step not in CAPA_STEPS_WITH_ACTIONS:
            raise ValidationError(
                _("Actions are added while evaluating them (step 3) or carrying them out (step 4).")
            )
    else:
        risk = Risk.objects.select_for_update().select_related("process").get(pk=risk.pk)
        if not can_change(actor, risk):
            raise PermissionDenied(_("You are not allowed to change this risk."))
        if risk.status == Risk.Status.CLOSED:
            raise ValidationError(_("This risk is closed; reopen it before adding actions."))
    today = today or timezone.localdate()
    errors = {}
    description = (description or "").strip()
    if not description:
        errors["description"] = _("Describe the action.")
    elif len(description) > TEXT_LIMIT:
        errors["description"] = _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}
    if owner is None or not owner.is_active:
        errors["owner"] = _("The action's owner must be an active member of staff.")
    if due_on is None:
        errors["due_on"] = _("Give a due date.")
    elif due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)
    year = today.year
    action = Action.objects.create(
        number=f"ACT-{year}-{sequence_next(f'action-{year}'):04d}",
        capa=capa,
        risk=risk,
        description=description,
        owner=owner,
        due_on=due_on,
        created_by=actor,
    )
    parent = capa or risk
    event_record(
        obj=parent,
        action=gettext_lazy("Action %(number)s added for %(owner)s, due %(due)s"),
        actor=actor,
        params={"number": action.number, "owner": owner, "due": due_on.isoformat()},
        comment=description[:500],
    )
    if owner.pk != actor.pk:
        notification_send(
            recipients=[owner],
            subject=gettext_lazy("Action %(number)s is yours, due %(due)s"),
            params={"number": action.number, "due": due_on.isoformat()},
            body=description,
            url=action.get_absolute_url(),
        )
    return action


@transaction.atomic
def action_complete(*, action: Action, actor, evidence: str, evidence_file=None) -> Action:
    """The action's owner marks it done, with evidence written (and optionally a file whose
    content is checked like every upload)."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if actor.pk != action.owner_id:
        raise PermissionDenied(_("Only the action's owner marks it done."))
    if action.status != Action.Status.OPEN:
        raise ValidationError(_("This action is not open any more."))
    if not Action.objects.filter(actions_in_force(), pk=action.pk).exists():
        raise ValidationError(_("The review's order is not signed yet: the decision is not in force."))
    evidence = (evidence or "").strip()
    errors = {}
    if not evidence:
        errors["evidence"] = _("Describe the evidence that the action is done.")
    elif len(evidence) > TEXT_LIMIT:
        errors["evidence"] = _("Keep this under %(limit)s characters.") % {"limit": TEXT_LIMIT}
    if evidence_file is not None:
        try:
            check_upload(evidence_file)
        except ValidationError as exc:
            errors["evidence_file"] = exc.messages
    if errors:
        raise ValidationError(errors)
    also = {"evidence": evidence, "done_by": actor, "done_at": timezone.now()}
    if evidence_file is not None:
        action.evidence_file.save(evidence_file.name.rsplit("/", 1)[-1][:100], evidence_file, save=False)
        also["evidence_file"] = action.evidence_file.name
    action = transition_perform(
        obj=action, workflow=ACTION_WORKFLOW, target=Action.Status.DONE, actor=actor, also=also
    )
    parent = _parent(action)
    event_record(
        obj=parent,
        action=gettext_lazy("Action %(number)s done"),
        actor=actor,
        params={"number": action.number},
        comment=evidence[:500],
    )
    lead = parent.owner
    if lead.pk != actor.pk:
        notification_send(
            recipients=[lead],
            subject=gettext_lazy("Action %(number)s is done"),
            params={"number": action.number},
            body=evidence,
            url=action.get_absolute_url(),
        )
    return action


@transaction.atomic
def action_cancel(*, action: Action, actor, reason: str) -> Action:
    """Whoever may add actions to its corrective action or risk cancels one no longer needed."""
    action = Action.objects.select_for_update(of=("self",)).select_related("capa", "risk").get(pk=action.pk)
    parent = _parent(action)
    if action.decision_id:
        allowed = decision_cancel_check(actor, parent)
    elif action.capa_id:
        allowed = can_work(actor, parent)
    else:
        allowed = can_change(actor, parent)
    if not allowed:
        raise PermissionDenied(_("You are not allowed to cancel this action."))
    if action.status != Action.Status.OPEN:
        raise ValidationError(_("Only an open action can be cancelled."))
    if action.capa_id and parent.step not in CAPA_STEPS_WITH_ACTIONS:
        raise ValidationError(_("Actions are cancelled while the corrective action is at step 3 or 4."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the action is cancelled.")})
    action = transition_perform(
        obj=action, workflow=ACTION_WORKFLOW, target=Action.Status.CANCELLED, actor=actor, comment=reason
    )
    event_record(
        obj=parent,
        action=gettext_lazy("Action %(number)s cancelled"),
        actor=actor,
        params={"number": action.number},
        comment=reason[:TEXT_LIMIT],
    )
    return action


def actions_escalate(today: datetime.date | None = None) -> int:
    """One rung of the ladder for every open overdue action: remind its owner once, then,
    IAAR_ACTION_ESCALATE_AFTER_DAYS after the reminder, tell the IQAS owner once. Returns how
    many actions moved a rung; a second run the same day moves none."""
    today = today or timezone.localdate()
    after = datetime.timedelta(days=settings.IAAR_ACTION_ESCALATE_AFTER_DAYS)
    moved = 0
    overdue = Action.objects.filter(
        actions_in_force(), status=Action.Status.OPEN, due_on__lt=today, escalated_on__isnull=True
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            action = (
                Action.objects.select_for_update(of=("self",))
                .select_related("owner", "capa", "risk")
                .filter(pk=pk, status=Action.Status.OPEN, escalated_on__isnull=True)
                .first()
            )
            if action is None:
                continue
            params = {
                "number": action.number,
                "due": action.due_on.isoformat(),
                "owner": action.owner,
                "days": (today - action.due_on).days,
            }
            if action.reminded_on is None:
                notification_send(
                    recipients=[action.owner],
                    subject=gettext_lazy("Action %(number)s was due on %(due)s"),
                    params=params,
                    body=action.description,
                    url=action.get_absolute_url(),
                )
                action.reminded_on = today
                action._change_reason = "Owner reminded"
            elif today >= action.reminded_on + after:
                notification_send(
                    recipients=qms_owners(),
                    subject=gettext_lazy(
                        "Escalated: action %(number)s of %(owner)s is %(days)s days overdue"
                    ),
                    params=params,
                    body=action.description,
                    url=action.get_absolute_url(),
                )
                action.escalated_on = today
                action._change_reason = "Escalated to the IQAS owner"
            else:
                continue
            action.save()
            moved += 1
    return moved
