"""The appeal's page links the appeals commission's meeting that has it on its agenda, with the
item's outcome once decided, only for a reader who may open that meeting."""

import pytest
from django.urls import reverse

from core.roles import Role
from governance.models.bodies import MeetingItem
from governance.services import bodies as services
from tests.factories import PASSWORD
from tests.governance.test_bodies_appeal import case  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def _on_agenda(case):  # noqa: F811
    people = case["people"]
    return services.item_add(
        meeting=case["meeting"],
        actor=people["sec"],
        kind=MeetingItem.Kind.APPEAL,
        title="",
        appeal=case["appeal"],
    )


def test_the_appeal_page_links_the_meeting_and_its_outcome_once_decided(case, client):  # noqa: F811
    people, meeting = case["people"], case["meeting"]
    item = _on_agenda(case)
    client.force_login(people["m1"])
    page = client.get(case["appeal"].get_absolute_url()).content.decode()
    assert "data-appeal-hearings" in page
    assert f'href="{meeting.get_absolute_url()}"' in page
    assert "To be decided" in page
    services.attendance_record(
        meeting=meeting, actor=people["sec"], present_ids=[p.pk for p in people.values()]
    )
    services.meeting_open(meeting=meeting, actor=people["sec"])
    for name in ("chair", "sec", "m1"):
        services.vote_cast(item=item, actor=people[name], choice="for")
    services.item_decide(item=item, actor=people["sec"], decision_text="Удовлетворить")
    services.meeting_close(meeting=meeting, actor=people["sec"], minutes="Рассмотрено.")
    services.minutes_sign(meeting=meeting, actor=people["chair"], password=PASSWORD)
    page = client.get(case["appeal"].get_absolute_url()).content.decode()
    assert f'href="{meeting.get_absolute_url()}"' in page
    assert "Adopted" in page


def test_a_reader_who_cannot_open_the_meeting_sees_no_link(case, make_person, client):  # noqa: F811
    _on_agenda(case)
    filer = make_person(Role.EO_REPRESENTATIVE)
    case["appeal"].filed_by = filer
    case["appeal"].save()
    client.force_login(filer)
    response = client.get(case["appeal"].get_absolute_url())
    assert response.status_code == 200
    assert "data-appeal-hearings" not in response.content.decode()
    assert (
        reverse("governance:body_meeting_detail", args=[case["meeting"].pk]) not in response.content.decode()
    )


def test_an_appeal_on_no_agenda_shows_no_hearings(case, client):  # noqa: F811
    client.force_login(case["people"]["m1"])
    assert "data-appeal-hearings" not in client.get(case["appeal"].get_absolute_url()).content.decode()
