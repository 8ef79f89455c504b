from django.db.models import CharField, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from core.dashboard import TaskItem, TaskQuery, pk_url

from .models import Action, actions_in_force
from .selectors import (
    capas_awaiting_verification,
    capas_waiting_for_owner,
    nonconformities_awaiting_analysis,
    risks_due_for_review,
)


def _number_and(text) -> Concat:
    """A task's title in SQL, as the lines write it: the number, a space, the text."""
    return Concat("number", Value(" "), text, output_field=CharField())


def nonconformity_tasks(user):
    url = pk_url("improvement:detail")
    area, detail = _("Nonconformities"), _("Waiting to be accepted for analysis")
    yield TaskQuery(
        rows=nonconformities_awaiting_analysis(user).only("number", "title"),
        title=_number_and("title"),
        line=lambda nc: TaskItem(title=f"{nc.number} {nc.title}", url=url(nc.pk), area=area, detail=detail),
    )


def risk_tasks(user):
    url = pk_url("improvement:risk_detail")
    area, detail = _("Risks"), _("Review the risk")
    yield TaskQuery(
        rows=risks_due_for_review(user).only("number", "title", "review_on"),
        due="review_on",
        title=_number_and("title"),
        line=lambda risk: TaskItem(
            title=f"{risk.number} {risk.title}",
            url=url(risk.pk),
            area=area,
            due=risk.review_on,
            detail=detail,
        ),
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
    )
    capa_url, risk_url = pk_url("improvement:capa_detail"), pk_url("improvement:risk_detail")
    review_url = pk_url("reporting:review_detail")
    review_area, area = _("Management review"), _("Actions")

    def line(action) -> TaskItem:
        title = f"{action.number} {action.description[:80]}"
        if action.decision_id:
            review = action.decision.review
            return TaskItem(
                title=title,
                url=f"{review_url(review.pk)}#decision-{action.decision_id}",
                area=review_area,
                due=action.due_on,
                detail=_("Carry out the review decision and record its evidence (%(parent)s)")
                % {"parent": review.number},
            )
        if action.capa_id:
            parent, parent_url = action.capa, capa_url(action.capa_id)
        else:
            parent, parent_url = action.risk, risk_url(action.risk_id)
        return TaskItem(
            title=title,
            url=f"{parent_url}#action-{action.pk}",
            area=area,
            due=action.due_on,
            detail=_("Carry out the action and record its evidence (%(parent)s)") % {"parent": parent.number},
        )

    yield TaskQuery(rows=rows, due="due_on", title=_number_and(Substr("description", 1, 80)), line=line)


def capa_tasks(user):
    """Corrective-action steps waiting for their owner, and effectiveness checks for verifiers."""
    shown = ("number", "step", "verify_after", "nonconformity", "nonconformity__title")
    url = pk_url("improvement:capa_detail")
    area = _("Corrective actions")
    title = _number_and("nonconformity__title")
    yield TaskQuery(
        rows=capas_waiting_for_owner(user).only(*shown),
        title=title,
        line=lambda capa: TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=url(capa.pk),
            area=area,
            detail=_("Step waiting for you: %(step)s") % {"step": capa.get_step_display()},
        ),
    )
    yield TaskQuery(
        rows=capas_awaiting_verification(user).only(*shown),
        due="verify_after",
        title=title,
        line=lambda capa: TaskItem(
            title=f"{capa.number} {capa.nonconformity.title}",
            url=url(capa.pk),
            area=area,
            due=capa.verify_after,
            detail=_("Verify the effectiveness of the corrective action"),
        ),
    )
