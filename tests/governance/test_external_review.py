"""The agency's own external review (§7.1, ESG 3.7): memberships with their terms, a review from
the self-assessment to the follow-up, each recommendation an action with an owner and a due
date, and the reminders before a follow-up report and the next review are due."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.dashboard import dashboard_for
from core.models import Notification, WorkflowEvent
from core.roles import Role
from governance.models import AgencyReview, Registration, ReviewRecommendation
from governance.services import external_review as services
from tests.factories import DocumentFactory

TODAY = timezone.localdate()
R = AgencyReview.Status
RS = ReviewRecommendation.Status


def _txt(name="report.txt", text=b"ENQA panel report: substantially compliant."):
    return SimpleUploadedFile(name, text, content_type="text/plain")


@pytest.fixture
def keeper(make_person):
    return make_person(Role.QMS_OWNER, Role.STAFF, username="qms", email="qms@iaar.test")


@pytest.fixture
def owner(make_person):
    return make_person(Role.STAFF, username="owner", first_name="Aliya", last_name="Nurlanovna")


@pytest.fixture
def review(keeper):
    return services.review_create(actor=keeper, body="enqa", title="ENQA targeted review 2026")


def _to_follow_up(review, keeper, owner):
    services.review_update(
        review=review,
        actor=keeper,
        self_assessment=DocumentFactory(),
        visit_from=TODAY - datetime.timedelta(days=200),
        visit_until=TODAY - datetime.timedelta(days=197),
    )
    services.review_advance(review=review, actor=keeper, target=R.VISIT)
    services.review_update(
        review=review, actor=keeper, report_upload=_txt(), decided_on=TODAY - datetime.timedelta(days=90)
    )
    services.review_advance(review=review, actor=keeper, target=R.REPORT)
    rec = services.recommendation_add(
        review=review,
        actor=keeper,
        text="Publish the analysis of complaints yearly.",
        standard="ESG 3.6",
        owner=owner,
        due_on=TODAY + datetime.timedelta(days=30),
    )
    services.review_update(review=review, actor=keeper, follow_up_due=TODAY + datetime.timedelta(days=45))
    services.review_advance(review=review, actor=keeper, target=R.FOLLOW_UP)
    return rec


def test_the_iqas_owner_records_memberships_with_their_terms(keeper, client):
    client.force_login(keeper)
    response = client.post(
        reverse("governance:xr_registration_add"),
        {
            "body": "eqar",
            "kind": "registration",
            "valid_from": "2022-06-01",
            "valid_until": "2027-05-31",
            "conditions": "Substantive change reports to EQAR.",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.in_force_on(TODAY) == (registration.valid_until >= TODAY)
    assert registration.history.get().history_user == keeper
    page = client.get(reverse("governance:xr_list")).content.decode()
    assert "EQAR" in page and "Substantive change reports to EQAR." in page


def test_a_term_ending_before_it_starts_or_a_national_recognition_without_country_is_refused(keeper, client):
    client.force_login(keeper)
    response = client.post(
        reverse("governance:xr_registration_add"),
        {"body": "enqa", "kind": "membership", "valid_from": "2025-06-01", "valid_until": "2020-05-31"},
    )
    assert "The term cannot end before it starts." in response.content.decode()
    response = client.post(
        reverse("governance:xr_registration_add"),
        {"body": "national", "kind": "recognition", "valid_from": "2025-06-01"},
    )
    assert "Name the country of the national recognition." in response.content.decode()
    assert not Registration.objects.exists()


def test_staff_reads_the_register_but_cannot_keep_it(owner, client):
    client.force_login(owner)
    assert client.get(reverse("governance:xr_list")).status_code == 200
    assert client.get(reverse("governance:xr_registration_add")).status_code == 403


def test_a_review_moves_only_with_what_each_step_needs(review, keeper, owner):
    with pytest.raises(ValidationError, match="self-assessment report"):
        services.review_advance(review=review, actor=keeper, target=R.VISIT)
    with pytest.raises(PermissionDenied):
        services.review_advance(review=review, actor=owner, target=R.VISIT)
    _to_follow_up(review, keeper, owner)
    review.refresh_from_db()
    assert review.status == R.FOLLOW_UP
    # ESG 3.7: the next review five years after the body's decision.
    assert review.next_review_due == services.add_years(review.decided_on, 5)
    with pytest.raises(ValidationError, match="follow-up report first"):
        services.review_advance(review=review, actor=keeper, target=R.CLOSED)
    services.review_update(review=review, actor=keeper, follow_up_upload=_txt("follow-up.txt"))
    services.review_advance(review=review, actor=keeper, target=R.CLOSED)
    review.refresh_from_db()
    assert review.status == R.CLOSED and review.follow_up_sent_on == TODAY
    assert WorkflowEvent.objects.filter(object_id=review.pk, to_state=R.CLOSED).exists()


def test_each_recommendation_is_an_action_of_its_owner(review, keeper, owner, client):
    rec = _to_follow_up(review, keeper, owner)
    assert Notification.objects.filter(
        recipient=owner, subject__contains="recommendation %(number)s"
    ).exists()
    board = dashboard_for(owner)
    titles = [t.title for t in board.waiting + board.due_soon + board.overdue]
    assert any("Recommendation 1 of ENQA targeted review 2026" in t for t in titles)
    client.force_login(owner)
    url = reverse("governance:xr_rec_update", args=[rec.pk])
    response = client.post(url, {"target": "done", "evidence": ""})
    assert "Describe or attach the evidence that the action is done." in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == RS.OPEN and rec.history.count() == 1
    client.post(url, {"target": "in_progress", "evidence": "Draft analysis ready."})
    client.post(url, {"target": "done", "evidence": "", "file": _txt("complaints-2026.txt", b"Analysis")})
    rec.refresh_from_db()
    assert rec.status == RS.DONE and rec.evidence_name == "complaints-2026.txt" and rec.closed_at
    page = client.get(review.get_absolute_url()).content.decode()
    assert "complaints-2026.txt" in page


def test_another_member_of_staff_cannot_close_someone_elses_action(review, keeper, owner, make_person):
    rec = _to_follow_up(review, keeper, owner)
    other = make_person(Role.STAFF, username="other")
    with pytest.raises(PermissionDenied):
        services.recommendation_update(recommendation=rec, actor=other, target=RS.DONE, evidence="Done")
    with pytest.raises(ValidationError, match="not taken up"):
        services.recommendation_update(recommendation=rec, actor=keeper, target=RS.NOT_ACCEPTED, evidence="")
    rec.refresh_from_db()
    assert rec.status == RS.OPEN


def test_a_recommendation_needs_an_owner_from_the_staff_and_a_due_date(review, keeper, make_person):
    outsider = make_person(username="outsider")
    with pytest.raises(ValidationError, match="owner"):
        services.recommendation_add(review=review, actor=keeper, text="X", owner=outsider, due_on=TODAY)
    with pytest.raises(ValidationError, match="due date"):
        services.recommendation_add(review=review, actor=keeper, text="X", owner=keeper, due_on=None)
    assert not ReviewRecommendation.objects.exists()


def test_follow_up_and_next_review_are_reminded_once_each(review, keeper, owner):
    _to_follow_up(review, keeper, owner)
    review.refresh_from_db()
    # The follow-up in 45 days; the next review in 5 years: only the follow-up is reminded now.
    assert services.reminders_send(TODAY) == 1
    assert services.reminders_send(TODAY) == 0
    later = review.next_review_due - datetime.timedelta(days=300)
    assert services.reminders_send(later) == 1
    assert services.reminders_send(later) == 0
    subjects = list(Notification.objects.filter(recipient=keeper).values_list("subject", flat=True))
    assert sum("follow-up report of" in s for s in subjects) == 1
    assert sum("next %(body)s review" in s for s in subjects) == 1
    # A new due date is reminded again.
    services.review_update(review=review, actor=keeper, follow_up_due=TODAY + datetime.timedelta(days=20))
    assert services.reminders_send(TODAY) == 1


def test_the_keeper_sees_the_follow_up_due_on_the_dashboard(review, keeper, owner):
    _to_follow_up(review, keeper, owner)
    board = dashboard_for(keeper)
    assert "Send the follow-up report" in [t.detail for t in board.waiting + board.due_soon + board.overdue]


def test_the_review_page_shows_the_panel_and_the_dates(review, keeper, owner, client, make_person):
    services.panelist_add(
        review=review, actor=keeper, name="Dr. Anna Kowalska", role="chair", affiliation="PKA"
    )
    board = make_person(Role.SUPERVISORY_BOARD, username="board")
    client.force_login(board)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Dr. Anna Kowalska" in page and "Update the facts" not in page
    client.force_login(keeper)
    response = client.post(
        reverse("governance:xr_panelist_add", args=[review.pk]), {"name": "", "role": "member"}
    )
    assert response.status_code == 302 and review.panel.count() == 1


def test_an_unknown_step_is_refused_with_a_message(review, keeper, client):
    client.force_login(keeper)
    response = client.post(
        reverse("governance:xr_advance", args=[review.pk]), {"target": "bogus"}, follow=True
    )
    assert "Choose one of the steps offered." in response.content.decode()
    review.refresh_from_db()
    assert review.status == R.PREPARATION


@pytest.mark.django_db
def test_the_beat_schedule_runs_the_reminders_daily():
    from django.conf import settings

    from governance import tasks

    entry = settings.CELERY_BEAT_SCHEDULE["governance-remind-agency-reviews"]
    assert entry["task"] == tasks.remind_agency_reviews.name
