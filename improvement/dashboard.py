from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .models import Action, actions_in_force
from .selectors import (
    capas_awaiting_verification,
    capas_waiting_for_owner,
    nonconformities_awaiting_analysis,
    risks_due_for_review,
)


def nonconformity_tasks(user):
    for nc in nonconformities_awaiting_analysis(user):
        yield TaskItem(
            title=f"{nc.number} {nc.title}",
            url=nc.get_absolute_url(),
            area=_("Nonconformities"),
            detail=_("Waiting to be accepted for analysis"),
        )


def risk_tasks(user):
    for risk in risks_due_for_review(user):
        yield TaskItem(
            title=f"{risk.number} {risk.title}",
            url=risk.get_absolute_url(),
            area=_("Risks"),
            due=risk.review_on,
            detail=_("Review the risk"),
        )


def action_tasks(user):
    """My open actions, each with its due date (overdue ones land in "overdue")."""
    # Only what a task line shows: a busy owner may have hundreds.
    rows = (
        Action.objects.filter(actions_in_force(), owner=user, status=Action.Status.OPEN)
        .select_related("capa", "risk", "decision__review")
        .only(
            "number",
            "description",
            "due_on",
            "capa",
            "capa__number",
            "risk",
            "risk__number",
            "decision",
            "decision__review",
            "decision__review__number",
        )
        .order_by("due_on", "pk")
    )
    for action in rows:
        if action.decision_id:
            yield TaskItem(
                title=f"{action.number} {action.description[:80]}",
                url=action.get_absolute_url(),
                area=_("Management review"),
                due=action.due_on,
                detail=_("Carry out the review decision and record its evidence (%(parent)s)")
                % {"parent": action.decision.review.number},
            )
            continue
        parent = action.capa or action.risk
        yield TaskItem(
            title=f"{action.number} {action.description[:80]}",
            url=action.get_absolute_url(),
            area=_("Actions"),
            due=action.due_on,
            detail=_("Carry out the action and record its evidence (%(parent)s)") % {"parent": parent.number},
        )


def capa_tasks(user):
    """Corrective-action steps waiting for their owner, and effectiveness checks for verifiers."""
    shown = ("number", "step", "verify_after", "nonconformity", "nonconformity__title")
    for capa in capas_waiting_for_owner(user).only(*shown):
        yield TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=capa.get_absolute_url(),
            area=_("Corrective actions"),
            detail=_("Step waiting for you: %(step)s") % {"step": capa.get_step_display()},
        )
    for capa in capas_awaiting_verification(user).only(*shown):
        yield TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=capa.get_absolute_url(),
            area=_("Corrective actions"),
            due=capa.verify_after,
            detail=_("Verify the effectiveness of the corrective action"),
        )
