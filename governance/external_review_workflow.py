"""The agency's external review (§7.1, ESG 3.7) as tables: the review moves from the
self-assessment to the panel's visit, its report, the follow-up and its close, kept by the IQAS
owner; each recommendation's action is carried out by its owner (or the IQAS owner)."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, perm, relation

from .models import AgencyReview, ReviewRecommendation

KEEP = "governance.keep_agency_reviews"
R = AgencyReview.Status
RS = ReviewRecommendation.Status


@relation("owns the recommendation")
def owns_recommendation(user, recommendation) -> bool:
    """The person the recommendation's action is given to."""
    return user.is_authenticated and recommendation.owner_id == user.pk


def _advance(label, icon: str = "") -> Move:
    return Move(label, perm(KEEP), via="governance:xr_advance", post=True, icon=icon)


REVIEW_WORKFLOW = Workflow(
    AgencyReview,
    "status",
    {
        R.PREPARATION: {R.VISIT: _advance(_("Self-assessment sent: to the visit"), "send")},
        R.VISIT: {R.REPORT: _advance(_("Panel's report received"), "journal-check")},
        R.REPORT: {R.FOLLOW_UP: _advance(_("Recommendations taken up: to the follow-up"), "list-check")},
        R.FOLLOW_UP: {R.CLOSED: _advance(_("Follow-up report sent: close the review"), "check2-circle")},
    },
)

_WORKS = perm(KEEP) | perm("governance.view_agencyreview", "owns the recommendation")


def _update(label) -> Move:
    return Move(label, _WORKS, via="governance:xr_rec_update")


_ACTS = {
    RS.IN_PROGRESS: _update(_("Action under way")),
    RS.DONE: _update(_("Action done")),
    RS.NOT_ACCEPTED: Move(_("Not taken up"), perm(KEEP)),
}

RECOMMENDATION_WORKFLOW = Workflow(
    ReviewRecommendation,
    "status",
    {
        RS.OPEN: _ACTS,
        RS.IN_PROGRESS: {RS.IN_PROGRESS: _update(_("Progress noted")), RS.DONE: _ACTS[RS.DONE]},
        RS.DONE: {RS.IN_PROGRESS: Move(_("Reopened"), perm(KEEP))},
    },
)
