from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .selectors import nonconformities_awaiting_analysis


def nonconformity_tasks(user):
    for nc in nonconformities_awaiting_analysis(user):
        yield TaskItem(
            title=f"{nc.number} {nc.title}",
            url=nc.get_absolute_url(),
            area=_("Nonconformities"),
            detail=_("Waiting to be accepted for analysis"),
        )


def risk_tasks(user):
    from .risks import risks_due_for_review

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
    from .models import Action, actions_in_force

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
    from .selectors import capas_awaiting_verification, capas_waiting_for_owner

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


def review_tasks(user):
    """Management reviews: inputs to assemble and the meeting to hold, the order to submit and
    the review to close (IQAS owner); the order to sign (Director General)."""
    from .review import reviews_waiting_for

    details = {
        "assemble": _("Assemble the input pack and hold the management review"),
        "hold": _("Hold the management review and record its conclusions"),
        "submit": _("Add the decisions and submit the order for signature"),
        "sign": _("Sign the management review order"),
        "close": _("Close the management review: its decisions are done"),
    }
    for review, what in reviews_waiting_for(user):
        yield TaskItem(
            title=f"{review.number} {_('Management review')}",
            url=review.get_absolute_url(),
            area=_("Management review"),
            due=review.planned_on if what in ("assemble", "hold") else None,
            detail=details[what],
        )
