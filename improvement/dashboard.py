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
