"""A strategy version is developed collegially (§4.3, issue 18 item 1): a body's meeting puts the
version under discussion on its agenda as a "strategy or plan approval" item; the body's
adoption records the discussion on the version (body, meeting, its minutes), and the Director
General approves as before. The typed record is kept only for versions discussed before."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from governance import services as strategy
from governance.models import StrategyVersion
from governance.models.bodies import Body, MeetingItem
from governance.services import bodies as services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
S = StrategyVersion.Status


@pytest.fixture
def world(make_person, qms_owner):
    s = strategy.strategy_create(actor=qms_owner, title="Стратегия НААР", period_start=2030, period_end=2031)
    version = s.versions.get()
    strategy.goal_add(version=version, actor=qms_owner, title="Признание")
    strategy.version_discuss(version=version, actor=qms_owner)
    admin = make_person(Role.QMS_OWNER, username="sd_admin")
    body = services.body_create(actor=admin, name="Наблюдательный совет", kind=Body.Kind.SUPERVISORY_BOARD)
    people = [make_person(Role.STAFF, username=f"sd_{n}") for n in ("chair", "sec", "m1")]
    for person, role in zip(people, ("chair", "secretary", "member"), strict=True):
        services.membership_add(
            actor=admin,
            body=body,
            person=person,
            role=role,
            constituency="academic",
            term_start=TODAY - datetime.timedelta(days=10),
            term_end=TODAY + datetime.timedelta(days=700),
        )
    chair, sec, m1 = people
    meeting = services.meeting_create(actor=sec, body=body, number="7", date=TODAY)
    return {"version": version, "meeting": meeting, "chair": chair, "sec": sec, "m1": m1, "qms": qms_owner}


def _decide(world, choices):
    sec = world["sec"]
    item = services.item_add(
        meeting=world["meeting"],
        actor=sec,
        kind=MeetingItem.Kind.STRATEGY,
        title="",
        strategy_version=world["version"],
    )
    services.attendance_record(
        meeting=world["meeting"], actor=sec, present_ids=[world[n].pk for n in ("chair", "sec", "m1")]
    )
    services.meeting_open(meeting=world["meeting"], actor=sec)
    for name, choice in zip(("chair", "sec", "m1"), choices, strict=True):
        services.vote_cast(item=item, actor=world[name], choice=choice)
    services.item_decide(item=item, actor=sec, decision_text="Одобрить проект стратегии")
    item.refresh_from_db()
    return item


def test_an_adopted_item_records_the_discussion_and_the_director_approves(world, director, client):
    item = _decide(world, ("for", "for", "against"))
    assert item.outcome == "adopted"
    version = StrategyVersion.objects.get(pk=world["version"].pk)
    assert version.discussed_at == world["meeting"]
    assert (version.discussed_by, version.discussed_on) == ("Наблюдательный совет", TODAY)
    client.force_login(director)
    html = client.get(version.get_absolute_url()).content.decode()
    assert "Discussed at Наблюдательный совет meeting № 7" in html
    assert world["meeting"].get_absolute_url() in html
    assert "The minutes are not signed yet." in html
    strategy.version_approve(version=version, actor=director, password=PASSWORD)
    version.refresh_from_db()
    assert version.status == S.APPROVED


def test_the_signed_minutes_are_linked_from_the_version(world, director, client):
    _decide(world, ("for", "for", "for"))
    meeting = world["meeting"]
    services.meeting_close(meeting=meeting, actor=world["sec"], minutes="Проект стратегии одобрен.")
    services.minutes_sign(meeting=meeting, actor=world["sec"], password=PASSWORD)
    client.force_login(director)
    html = client.get(world["version"].get_absolute_url()).content.decode()
    assert reverse("governance:body_minutes_pdf", args=[meeting.pk]) in html


def test_a_rejected_item_records_nothing(world):
    item = _decide(world, ("against", "against", "for"))
    assert item.outcome == "rejected"
    version = StrategyVersion.objects.get(pk=world["version"].pk)
    assert version.discussed_at is None and version.discussed_on is None
    assert version.status == S.DISCUSSION


def test_a_version_not_in_discussion_is_refused(world):
    strategy.version_redraft(version=world["version"], actor=world["qms"])
    with pytest.raises(ValidationError, match="not under discussion"):
        services.item_add(
            meeting=world["meeting"],
            actor=world["sec"],
            kind=MeetingItem.Kind.STRATEGY,
            title="",
            strategy_version=world["version"],
        )
    assert not world["meeting"].items.exists()


def test_on_the_page_a_version_not_in_discussion_is_a_message(world, client):
    strategy.version_redraft(version=world["version"], actor=world["qms"])
    client.force_login(world["sec"])
    page = client.post(
        reverse("governance:body_item_add", args=[world["meeting"].pk]),
        {"kind": "strategy", "title": "", "strategy_version": world["version"].pk},
        follow=True,
    )
    assert page.status_code == 200
    assert "not under discussion" in page.content.decode()
    assert not world["meeting"].items.exists()


def test_on_the_page_the_secretary_puts_the_version_on_the_agenda(world, client):
    client.force_login(world["sec"])
    page = client.post(
        reverse("governance:body_item_add", args=[world["meeting"].pk]),
        {"kind": "strategy", "title": "", "strategy_version": world["version"].pk},
        follow=True,
    )
    item = world["meeting"].items.get()
    assert item.strategy_version == world["version"]
    assert str(world["version"]) in page.content.decode()


def test_the_typed_discussion_is_refused_once_the_agency_keeps_bodies(world):
    version = world["version"]
    with pytest.raises(ValidationError, match="recorded by a collegial body's decision"):
        strategy.version_edit(
            version=version,
            actor=world["qms"],
            mission="М",
            vision="В",
            values="Ц",
            discussed_on=TODAY,
            discussed_by="Совет",
        )
    version.refresh_from_db()
    assert version.discussed_on is None and version.mission == ""
    # editing the texts, with the record unchanged, still works
    strategy.version_edit(version=version, actor=world["qms"], mission="М", vision="В", values="Ц")
    version.refresh_from_db()
    assert version.mission == "М"
