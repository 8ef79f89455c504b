from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .selectors.reviews import reviews_waiting_for


def review_tasks(user):
    """Management reviews: inputs to assemble and the meeting to hold, the order to submit and
    the review to close (IQAS owner); the order to sign (Director General)."""
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
