"""A summary goes on the public site, shows the key figures and charts without any written
answer or small group, and comes off again with its history kept (§4.6.1)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from core.roles import Role
from core.selectors import events_for
from surveys import services
from surveys.models import Campaign
from tests.surveys import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = results_world.build()
    Campaign.objects.filter(number__in=["STU-1", "STU-2", "OPS-1"]).update(status=Campaign.Status.CLOSED)
    for campaign in world.campaigns.values():
        campaign.refresh_from_db()
    return world


def test_publish_from_the_form_then_withdraw_keeps_history(world, director_client):
    client = Client()  # the public, next to the director's signed-in client
    campaign = world.campaigns["STU-1"]
    form = director_client.get(reverse("surveys:summary_edit", args=[campaign.pk]))
    assert form.status_code == 200
    # The form starts with a draft written from the numbers.
    assert "6 responses" in form.content.decode()

    text = "Students rate the teaching 4.17 of 5 on average."
    response = director_client.post(reverse("surveys:summary_edit", args=[campaign.pk]), {"summary": text})
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.summary == text and campaign.summary_published_at is not None

    listing = client.get(reverse("surveys:published")).content.decode()
    assert text in listing
    assert campaign.title in listing
    detail = client.get(reverse("surveys:published_detail", args=[campaign.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "How good is the teaching?" in html and "<svg" in html
    assert "Comment" not in html  # never a written answer on the public site
    # The public site's menu leads there.
    assert reverse("surveys:published") in client.get(reverse("registry:list")).content.decode()

    director_client.post(
        reverse("surveys:summary_withdraw", args=[campaign.pk]), {"reason": "Numbers to be rechecked."}
    )
    campaign.refresh_from_db()
    assert campaign.summary_published_at is None
    assert campaign.summary == text  # kept
    assert text not in client.get(reverse("surveys:published")).content.decode()
    assert client.get(reverse("surveys:published_detail", args=[campaign.pk])).status_code == 404
    actions = [e.action for e in events_for(campaign)]
    assert actions == ["Summary published on the public site", "Summary withdrawn from the public site"]
    assert campaign.history.filter(summary_published_at__isnull=False).exists()  # every state is kept
    page = director_client.get(reverse("surveys:summary_edit", args=[campaign.pk])).content.decode()
    assert "Numbers to be rechecked." in page


def test_refusals(world, make_person):
    director = make_person(Role.DIRECTOR)
    staff = make_person(Role.STAFF)
    open_campaign = world.campaigns["STU-3"]
    with pytest.raises(ValidationError, match="closed"):
        services.summary_publish(campaign=open_campaign, actor=director, text="Too early")
    with pytest.raises(ValidationError, match="Fewer than 5"):
        services.summary_publish(campaign=world.campaigns["STU-2"], actor=director, text="Small")
    # A named survey with three answers is a small group on the public site too.
    with pytest.raises(ValidationError, match="Fewer than 5"):
        services.summary_publish(campaign=world.campaigns["ops"], actor=director, text="Three")
    with pytest.raises(ValidationError, match="Write the summary"):
        services.summary_publish(campaign=world.campaigns["STU-1"], actor=director, text="  ")
    with pytest.raises(PermissionDenied):
        services.summary_publish(campaign=world.campaigns["STU-1"], actor=staff, text="Mine")
    with pytest.raises(ValidationError, match="not on the public site"):
        services.summary_withdraw(campaign=world.campaigns["STU-1"], actor=director, reason="x")
    services.summary_publish(campaign=world.campaigns["STU-1"], actor=director, text="Fine")
    with pytest.raises(ValidationError, match="Say why"):
        services.summary_withdraw(campaign=world.campaigns["STU-1"], actor=director, reason="")
    assert Campaign.objects.get(pk=world.campaigns["STU-1"].pk).summary_published_at is not None


def test_refused_publication_shows_a_message_not_an_error(world, director_client):
    campaign = world.campaigns["STU-2"]
    response = director_client.post(reverse("surveys:summary_edit", args=[campaign.pk]), {"summary": "Small"})
    assert response.status_code == 200
    assert "cannot be published" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.summary_published_at is None


def test_only_publishers_open_the_summary_form(world, client_as):
    analyst = client_as(Role.PROJECT_MANAGER)  # reads results, does not publish
    assert analyst.get(reverse("surveys:summary_edit", args=[world.campaigns["STU-1"].pk])).status_code == 403
