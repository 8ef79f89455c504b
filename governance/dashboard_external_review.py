"""The agency's external review on the "my tasks" dashboard: each owner's open actions on the
panel's recommendations, and for the IQAS owner the follow-up report and the next review due."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .external_review_workflow import KEEP
from .selectors import external_review as selectors
from .services.external_review import FOLLOW_UP_NOTICE_DAYS, NEXT_REVIEW_NOTICE_DAYS


def external_review_tasks(user):
    if not user.is_authenticated or not user.has_perm("governance.view_agencyreview"):
        return
    for rec in selectors.open_recommendations_of(user)[:30]:
        yield TaskItem(
            _("Recommendation %(number)s of %(review)s") % {"number": rec.number, "review": rec.review.title},
            rec.get_absolute_url(),
            _("External review of the agency"),
            due=rec.due_on,
            detail=_("Carry out the action and record its evidence"),
        )
    if not user.has_perm(KEEP):
        return
    today = timezone.localdate()
    reviews = selectors.reviews_for(user)
    for review in reviews.filter(
        follow_up_due__isnull=False,
        follow_up_file="",
        follow_up_due__lte=today + datetime.timedelta(days=FOLLOW_UP_NOTICE_DAYS),
    ):
        yield TaskItem(
            review.title,
            review.get_absolute_url(),
            _("External review of the agency"),
            due=review.follow_up_due,
            detail=_("Send the follow-up report"),
        )
    latest = {}
    for review in reviews.filter(next_review_due__isnull=False).order_by("decided_on", "pk"):
        latest[review.body] = review
    for review in latest.values():
        if review.next_review_due <= today + datetime.timedelta(days=NEXT_REVIEW_NOTICE_DAYS):
            yield TaskItem(
                review.title,
                review.get_absolute_url(),
                _("External review of the agency"),
                due=review.next_review_due,
                detail=_("Prepare the next external review of the agency"),
            )
