"""Campaigns: the surveys sent when a visit ends (once, however often the job runs), opening by
hand and during the visit with a public link, reminders (once), closing on the date, and who may
run a campaign."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accreditation.models import AccreditationProject
from core.dashboard import dashboard_for
from core.models import Notification
from core.roles import Role
from demo.walkthrough import drive
from surveys import services, tasks
from surveys.models import Campaign, Invitation, Response
from tests.surveys.conftest import full_answers

pytestmark = pytest.mark.django_db
S = AccreditationProject.Status


@pytest.fixture
def visited(cast, django_capture_on_commit_callbacks):
    """The cast's project carried through the visit: visit_held runs the dispatch on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        cast.project = drive(cast.project, cast, S.EEC_REPORT)
    return cast


def test_the_end_of_the_visit_sends_the_three_surveys(visited):
    project = visited.project
    campaigns = {c.version.survey.code: c for c in Campaign.objects.filter(project=project)}
    assert set(campaigns) == {"eo-satisfaction", "expert-feedback", "eec-evaluation"}
    for campaign in campaigns.values():
        assert campaign.organization == project.organization and campaign.status == Campaign.Status.OPEN
        assert campaign.public_token is None
    eo = campaigns["eo-satisfaction"].invitations.get()
    assert eo.person == visited.rep and eo.sent_at is not None
    experts = {e.user for e in visited.experts}
    assert {i.person for i in campaigns["expert-feedback"].invitations.all()} == experts
    evaluations = campaigns["eec-evaluation"].invitations.all()
    assert {i.person for i in evaluations} == {visited.coordinator}
    assert {i.about_expert for i in evaluations} == set(visited.experts)
    # Each is told in the portal (and by e-mail).
    assert Notification.objects.filter(recipient=visited.rep, subject__startswith="Please answer").exists()
    assert (
        Notification.objects.filter(
            recipient=visited.coordinator, subject__startswith="Evaluate the expert"
        ).count()
        == 3
    )


def test_the_visit_reaches_surveys_through_the_event_and_a_failure_keeps_the_record(
    cast, django_capture_on_commit_callbacks, monkeypatch
):
    """Accreditation only announces VISIT_HELD; surveys, subscribed in its AppConfig, enqueues
    the dispatch after the commit. A broker that is down leaves the visit recorded and the
    dispatch kept in the outbox (core.outbox)."""
    from kombu.exceptions import OperationalError

    from accreditation.models import Visit
    from core import events
    from core.models import OutboxTask

    assert tasks.dispatch_surveys_after_visit in events.subscribers(events.VISIT_HELD)

    def down(*args, **kwargs):
        raise OperationalError("the broker is down")

    monkeypatch.setattr(tasks.dispatch_after_visit, "apply_async", down)
    with django_capture_on_commit_callbacks(execute=True):
        project = drive(cast.project, cast, S.EEC_REPORT)
    assert project.status == S.EEC_REPORT
    assert Visit.objects.get(project=project).held
    assert not Campaign.objects.filter(project=project).exists()
    kept = OutboxTask.objects.get(name="surveys.tasks.dispatch_after_visit")
    assert kept.args == [project.pk] and kept.dispatched_at is None


def _tasks(user) -> list:
    board = dashboard_for(user)
    return board.waiting + board.due_soon + board.overdue


def test_the_dashboard_shows_the_survey_tasks(visited):
    coordinator_tasks = [t.title for t in _tasks(visited.coordinator)]
    for expert in visited.experts:
        assert f"Evaluate expert {expert.user}" in coordinator_tasks
    rep_tasks = _tasks(visited.rep)
    assert any(t.title.startswith("Answer the survey") for t in rep_tasks)
    # Answered: the task is gone.
    invitation = Invitation.objects.get(person=visited.rep)
    services.response_submit(token=invitation.token, data=full_answers(invitation.campaign))
    assert not any(t.title.startswith("Answer the survey") for t in _tasks(visited.rep))


def test_dispatch_run_again_makes_nothing_more(visited):
    counts = (Campaign.objects.count(), Invitation.objects.count(), Notification.objects.count())
    assert tasks.dispatch_after_visit.delay(visited.project.pk).get() == 0
    assert services.dispatch_after_visit(project_id=visited.project.pk) == 0
    assert (Campaign.objects.count(), Invitation.objects.count(), Notification.objects.count()) == counts


def test_dispatch_does_nothing_before_the_visit_or_for_a_missing_project(cast):
    assert services.dispatch_after_visit(project_id=cast.project.pk) == 0
    assert services.dispatch_after_visit(project_id=999_999) == 0
    assert not Campaign.objects.exists()


def test_reminders_go_once_a_few_days_before_closing(visited, settings):
    settings.IAAR_SURVEY_REMIND_DAYS_BEFORE = 3
    campaign = Campaign.objects.get(project=visited.project, version__survey__code="expert-feedback")
    answered = campaign.invitations.first()
    services.response_submit(token=answered.token, data=full_answers(campaign))
    waiting = Invitation.objects.filter(answered_on__isnull=True).count()
    assert services.invitations_remind(today=campaign.closes_on - datetime.timedelta(days=5)) == 0
    mail.outbox.clear()
    assert services.invitations_remind(today=campaign.closes_on - datetime.timedelta(days=2)) == waiting
    answered.refresh_from_db()
    assert answered.reminded_at is None
    assert Notification.objects.filter(subject__startswith="Reminder").count() == waiting
    assert services.invitations_remind(today=campaign.closes_on - datetime.timedelta(days=1)) == 0
    assert tasks.remind_invitations.delay().get() == 0


def test_campaigns_close_on_their_date(open_campaign, client):
    campaign = open_campaign("student", public_link=True)
    assert services.campaigns_close_due(today=campaign.closes_on) == 0
    assert services.campaigns_close_due(today=campaign.closes_on + datetime.timedelta(days=1)) == 1
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED and campaign.closed_at is not None
    assert services.campaigns_close_due(today=campaign.closes_on + datetime.timedelta(days=2)) == 0
    assert tasks.close_due_campaigns.delay().get() == 0
    assert client.get(reverse("survey_public:answer", args=[campaign.public_token])).status_code == 410


def test_opening_a_campaign_checks_its_dates(seeded, qms_owner):
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="cannot close before it opens"):
        services.campaign_open(
            actor=qms_owner,
            survey=seeded["student"],
            title="X",
            opens_on=today,
            closes_on=today - datetime.timedelta(days=1),
        )
    with pytest.raises(ValidationError, match="has passed"):
        services.campaign_open(
            actor=qms_owner,
            survey=seeded["student"],
            title="X",
            opens_on=today - datetime.timedelta(days=9),
            closes_on=today - datetime.timedelta(days=2),
        )
    campaign = services.campaign_open(
        actor=qms_owner,
        survey=seeded["student"],
        title="X",
        opens_on=today,
        closes_on=today,
        public_link=True,
    )
    assert campaign.number == f"SV-{today.year}-001" and campaign.public_token


def test_a_coordinator_runs_only_the_campaigns_of_their_own_project(cast, seeded, make_person):
    today = timezone.localdate()
    args = {"survey": seeded["student"], "title": "Students", "opens_on": today, "closes_on": today}
    other = make_person(Role.COORDINATOR, username="other_coord")
    with pytest.raises(PermissionDenied):
        services.campaign_open(actor=other, project=cast.project, **args)
    with pytest.raises(PermissionDenied):
        services.campaign_open(actor=cast.coordinator, **args)  # no project: the IQAS owner's business
    cast.project.coordinator = cast.coordinator
    cast.project.save()
    campaign = services.campaign_open(actor=cast.coordinator, project=cast.project, public_link=True, **args)
    assert campaign.organization == cast.organization
    with pytest.raises(PermissionDenied):
        services.campaign_close(campaign=campaign, actor=other)
    services.campaign_close(campaign=campaign, actor=cast.coordinator)


def test_the_coordinator_opens_a_visit_questionnaire_from_the_project_page(cast, seeded, client, make_person):
    project = drive(cast.project, cast, S.VISIT)
    client.force_login(cast.coordinator)
    page = client.get(project.get_absolute_url()).content.decode()
    open_url = reverse("surveys:visit_campaign_open", args=[project.pk])
    assert "Visit surveys" in page and open_url in page
    response = client.post(
        open_url,
        {
            "survey": seeded["student"].pk,
            "closes_on": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        },
    )
    campaign = Campaign.objects.get(project=project)
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert reverse("survey_public:answer", args=[campaign.public_token]) in html
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code
    assert campaign.number in client.get(project.get_absolute_url()).content.decode()
    # A coordinator of another project neither sees the campaign nor opens a questionnaire.
    client.force_login(make_person(Role.COORDINATOR, username="other_coord"))
    assert client.get(open_url).status_code == 404
    assert client.get(campaign.get_absolute_url()).status_code == 404


def test_staff_open_remind_and_close_a_campaign_by_hand(
    client, qms_owner, seeded, make_person, django_capture_on_commit_callbacks
):
    client.force_login(qms_owner)
    today = timezone.localdate()
    response = client.post(
        reverse("surveys:campaign_create"),
        {
            "survey": seeded["expert-feedback"].pk,
            "title": "Feedback of the 2026 expert pool",
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=10)).isoformat(),
        },
    )
    campaign = Campaign.objects.get(title="Feedback of the 2026 expert pool")
    assert response["Location"] == campaign.get_absolute_url()
    expert = make_person(Role.EXPERT, username="pool_expert", email="pool@example.org", last_name="Omarov")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("surveys:campaign_invite", args=[campaign.pk]), {"email": "pool@example.org"})
        client.post(reverse("surveys:campaign_invite", args=[campaign.pk]), {"email": "outside@example.org"})
    invitations = {i.email: i for i in campaign.invitations.all()}
    assert (
        invitations["pool@example.org"].person == expert and invitations["outside@example.org"].person is None
    )
    assert any("outside@example.org" in m.to for m in mail.outbox)
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "Omarov" in page  # not anonymous: the campaign page names who was invited
    client.post(reverse("surveys:campaign_remind", args=[campaign.pk]))
    assert campaign.invitations.filter(reminded_at__isnull=False).count() == 2
    list_page = client.get(reverse("surveys:campaign_list")).content.decode()
    assert campaign.number in list_page
    client.post(reverse("surveys:campaign_close", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.CLOSED
    token = invitations["pool@example.org"].token
    assert client.get(reverse("survey_public:answer", args=[token])).status_code == 410
    assert not Response.objects.exists()
