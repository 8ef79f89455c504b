"""What the register of the agency's external reviews shows its readers (the management, the
Supervisory Board and the staff who own its actions)."""

import datetime

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..models import AgencyReview, Registration, ReviewRecommendation

READ = "governance.view_agencyreview"
RS = ReviewRecommendation.Status


def reviews_for(user) -> QuerySet[AgencyReview]:
    if not user.is_authenticated or not user.has_perm(READ):
        return AgencyReview.objects.none()
    return AgencyReview.objects.select_related("self_assessment")


def review_get_for(user, pk: int) -> AgencyReview:
    return get_object_or_404(reviews_for(user), pk=pk)


def registrations_for(user) -> QuerySet[Registration]:
    if not user.is_authenticated or not user.has_perm(READ):
        return Registration.objects.none()
    return Registration.objects.all()


def registration_get_for(user, pk: int) -> Registration:
    return get_object_or_404(registrations_for(user), pk=pk)


def recommendations_for(user) -> QuerySet[ReviewRecommendation]:
    return ReviewRecommendation.objects.filter(review__in=reviews_for(user)).select_related("owner", "review")


def recommendation_get_for(user, pk: int) -> ReviewRecommendation:
    return get_object_or_404(recommendations_for(user), pk=pk)


def open_recommendations_of(user) -> QuerySet[ReviewRecommendation]:
    """The person's open actions on the recommendations of the agency's reviews."""
    return recommendations_for(user).filter(owner=user, status__in=(RS.OPEN, RS.IN_PROGRESS))


def review_page(review: AgencyReview, today: datetime.date) -> dict:
    recommendations = list(review.recommendations.select_related("owner"))
    for rec in recommendations:
        rec.overdue = rec.is_open and rec.due_on < today
    counts = {value: 0 for value in RS.values}
    for rec in recommendations:
        counts[rec.status] += 1
    return {
        "panel": list(review.panel.all()),
        "recommendations": recommendations,
        "counts": [(label, counts[value]) for value, label in RS.choices],
        "overdue": sum(rec.overdue for rec in recommendations),
    }
