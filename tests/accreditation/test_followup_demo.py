"""The demo follows the EEC's recommendations of three organizations: this year's progress
reported, last year's assessed for the third, which is on the open council meeting's agenda for
its monitoring decision; and the agency's last ENQA review with ten recommendations in every state."""

from django.utils import timezone

from accreditation.models import AgendaItem, FollowupItem, FollowupProgress
from governance.models import AgencyReview, Registration, ReviewRecommendation


def test_the_demo_follows_the_recommendations_of_three_organizations(seeded_demo):
    organizations = set(FollowupItem.objects.values_list("project__organization", flat=True))
    assert len(organizations) == 3
    statuses = set(FollowupItem.objects.values_list("status", flat=True))
    assert {"open", "not_started", "in_progress", "implemented", "closed"} <= statuses
    assert FollowupProgress.objects.filter(assessment="not_confirmed").exists()
    # Every implementation reported carries its evidence.
    for progress in FollowupProgress.objects.filter(status="implemented"):
        assert progress.evidence_link or progress.evidence_file
    texts = " ".join(FollowupItem.objects.values_list("text", flat=True))
    assert "студент" in texts and "бағдарлама" in texts.lower() and "Окутуучулардын" in texts
    (item,) = AgendaItem.objects.filter(project__in=FollowupItem.objects.values("project"), state="pending")
    assert item.is_monitoring


def test_the_demo_agency_review_has_ten_recommendations_in_every_state(seeded_demo):
    review = AgencyReview.objects.get()
    assert review.status == "follow_up" and review.self_assessment and review.report_file
    assert review.panel.count() == 4
    recs = ReviewRecommendation.objects.filter(review=review)
    assert recs.count() == 10
    assert set(recs.values_list("status", flat=True)) == {"open", "in_progress", "done", "not_accepted"}
    today = timezone.localdate()
    assert recs.filter(status__in=("open", "in_progress"), due_on__lt=today).count() == 2
    assert set(Registration.objects.values_list("body", flat=True)) >= {
        "enqa",
        "eqar",
        "apqn",
        "wfme",
        "national",
    }
