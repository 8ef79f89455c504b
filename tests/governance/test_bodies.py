"""The collegial bodies as one mechanism (§1.6, §6.5.2): the roster with terms, meetings with a
quorum by the body's rule, recusals, open votes only by current members present, decisions
with their actions, minutes signed by the chair and the secretary with the password again."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from core.roles import Role
from governance.models.bodies import (
    Body,
    BodyMeeting,
    DecisionAction,
    ItemVote,
    MeetingItem,
    Membership,
    MinutesSignature,
)
from governance.services import bodies as services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YEAR = datetime.timedelta(days=365)
PEOPLE: dict[int, dict] = {}  # each test body's people by name


@pytest.fixture
def admin(make_person):
    return make_person(Role.QMS_OWNER, Role.STAFF, username="qms_bodies")


@pytest.fixture
def council(admin, make_person):
    """An expert council of five: a chair, a secretary and three members, quorum two thirds."""
    body = services.body_create(
        actor=admin,
        name="Экспертный совет",
        kind=Body.Kind.EXPERT_COUNCIL,
        quorum_rule=Body.Quorum.TWO_THIRDS,
    )
    people = {}
    for name, role, constituency in (
        ("chair", "chair", "academic"),
        ("sec", "secretary", "agency"),
        ("m1", "member", "employer"),
        ("m2", "member", "student"),
        ("m3", "member", "international"),
    ):
        people[name] = make_person(Role.STAFF, username=f"body_{name}")
        services.membership_add(
            actor=admin,
            body=body,
            person=people[name],
            role=role,
            constituency=constituency,
            term_start=TODAY - YEAR,
            term_end=TODAY + 2 * YEAR,
        )
    PEOPLE[body.pk] = people
    return body


@pytest.fixture
def meeting(council):
    sec = PEOPLE[council.pk]["sec"]
    meeting = services.meeting_create(actor=sec, body=council, number="7", date=TODAY)
    services.item_add(meeting=meeting, actor=sec, kind=MeetingItem.Kind.REPORT, title="Отчёт за год")
    return meeting


def _present(meeting, *names):
    people = PEOPLE[meeting.body_id]
    services.attendance_record(
        meeting=meeting, actor=people["sec"], present_ids=[people[n].pk for n in names]
    )


def _open(meeting, *names):
    _present(meeting, *(names or ("chair", "sec", "m1", "m2", "m3")))
    services.meeting_open(meeting=meeting, actor=PEOPLE[meeting.body_id]["sec"])
    meeting.refresh_from_db()
    return meeting.items.get()


# --- The roster -------------------------------------------------------------------------------


def test_the_roster_keeps_roles_terms_and_history(council, admin):
    seat = council.memberships.get(person=PEOPLE[council.pk]["m1"])
    services.membership_edit(
        actor=admin,
        membership=seat,
        role="member",
        constituency="employer",
        term_start=seat.term_start,
        term_end=TODAY + datetime.timedelta(days=30),
        conflicts="Член правления ТОО «Работодатель»",
    )
    seat.refresh_from_db()
    assert seat.conflicts.startswith("Член правления")
    assert seat.history.count() == 2


def test_a_second_seat_or_a_second_chair_in_the_same_term_is_refused(council, admin, make_person):
    with pytest.raises(ValidationError, match="already has a seat"):
        services.membership_add(
            actor=admin,
            body=council,
            person=PEOPLE[council.pk]["m1"],
            role="member",
            constituency="employer",
            term_start=TODAY,
            term_end=TODAY + YEAR,
        )
    with pytest.raises(ValidationError, match="has a chair"):
        services.membership_add(
            actor=admin,
            body=council,
            person=make_person(Role.STAFF),
            role="chair",
            constituency="academic",
            term_start=TODAY,
            term_end=TODAY + YEAR,
        )
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        services.membership_add(
            actor=admin,
            body=council,
            person=make_person(Role.STAFF),
            role="member",
            constituency="academic",
            term_start=TODAY,
            term_end=TODAY - YEAR,
        )
    assert council.memberships.count() == 5


def test_only_whoever_administers_the_bodies_keeps_the_roster(council, make_person):
    staff = make_person(Role.STAFF)
    with pytest.raises(PermissionDenied):
        services.membership_add(
            actor=staff,
            body=council,
            person=staff,
            role="member",
            constituency="agency",
            term_start=TODAY,
            term_end=TODAY + YEAR,
        )


def test_the_body_page_marks_terms_ending_within_60_days(council, admin, client_as):
    seat = council.memberships.get(person=PEOPLE[council.pk]["m2"])
    services.membership_edit(
        actor=admin,
        membership=seat,
        role="member",
        constituency="student",
        term_start=seat.term_start,
        term_end=TODAY + datetime.timedelta(days=20),
    )
    page = client_as(Role.STAFF).get(council.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert str(PEOPLE[council.pk]["m2"]) in html and "ends soon" in html
    assert html.count("ends soon") == 1
    assert reverse("governance:membership_edit", args=[seat.pk]) not in html  # staff do not edit


# --- Meetings, quorum, votes ------------------------------------------------------------------


def test_a_meeting_invites_the_members_whose_term_covers_its_date(meeting, council):
    assert meeting.attendance.count() == 5
    assert Notification.objects.filter(
        recipient=PEOPLE[council.pk]["m1"], url=meeting.get_absolute_url()
    ).exists()


def test_a_meeting_without_quorum_cannot_open(meeting):
    _present(meeting, "chair", "sec", "m1")  # 3 of 5, two thirds needs 4
    with pytest.raises(ValidationError, match="No quorum: 3 of 5 members present, 4 needed"):
        services.meeting_open(meeting=meeting, actor=PEOPLE[meeting.body_id]["sec"])
    meeting.refresh_from_db()
    assert meeting.status == BodyMeeting.Status.PLANNED


def test_members_vote_openly_and_a_majority_for_adopts(meeting):
    item = _open(meeting)
    people = PEOPLE[meeting.body_id]
    for name, choice in (
        ("chair", "for"),
        ("sec", "for"),
        ("m1", "for"),
        ("m2", "against"),
        ("m3", "abstain"),
    ):
        services.vote_cast(item=item, actor=people[name], choice=choice)
    with pytest.raises(ValidationError, match="voted on this item already"):
        services.vote_cast(item=item, actor=people["m1"], choice="against")
    services.item_decide(item=item, actor=people["sec"], decision_text="Принять отчёт")
    item.refresh_from_db()
    assert (item.state, item.outcome) == ("decided", "adopted")
    assert item.tally["cast"] == 5
    assert ItemVote.objects.filter(item=item).count() == 5


def test_a_non_member_cannot_vote(meeting, make_person):
    item = _open(meeting)
    with pytest.raises(ValidationError, match="Only members of"):
        services.vote_cast(item=item, actor=make_person(Role.STAFF), choice="for")
    assert not item.votes.exists()


def test_a_member_whose_term_has_ended_cannot_vote(meeting, admin):
    item = _open(meeting)
    m3 = PEOPLE[meeting.body_id]["m3"]
    seat = meeting.body.memberships.get(person=m3)
    services.membership_edit(
        actor=admin,
        membership=seat,
        role="member",
        constituency="international",
        term_start=seat.term_start,
        term_end=TODAY - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="whose term covers its date"):
        services.vote_cast(item=item, actor=m3, choice="for")
    assert not item.votes.exists()


def test_a_member_absent_from_the_meeting_cannot_vote(meeting):
    item = _open(meeting, "chair", "sec", "m1", "m2")
    with pytest.raises(ValidationError, match="present at the meeting"):
        services.vote_cast(item=item, actor=PEOPLE[meeting.body_id]["m3"], choice="for")


def test_a_member_with_a_declared_conflict_cannot_vote_on_the_item(meeting):
    item = _open(meeting)
    m1 = PEOPLE[meeting.body_id]["m1"]
    services.recuse(item=item, actor=m1, member=m1, reason="Работаю в этом вузе")
    with pytest.raises(ValidationError, match="conflict of interest on this item"):
        services.vote_cast(item=item, actor=m1, choice="for")
    assert not item.votes.exists()


def test_without_a_quorum_on_the_item_the_body_cannot_decide(meeting):
    item = _open(meeting, "chair", "sec", "m1", "m2")  # 4 present: quorum exactly
    people = PEOPLE[meeting.body_id]
    services.recuse(item=item, actor=people["m2"], member=people["m2"], reason="Конфликт интересов")
    for name in ("chair", "sec", "m1"):
        services.vote_cast(item=item, actor=people[name], choice="for")
    with pytest.raises(ValidationError, match="cannot decide without a quorum"):
        services.item_decide(item=item, actor=people["sec"])
    item.refresh_from_db()
    assert item.state == MeetingItem.State.PENDING and not item.outcome


def test_a_tie_is_no_decision(meeting):
    item = _open(meeting, "chair", "sec", "m1", "m2")
    people = PEOPLE[meeting.body_id]
    for name, choice in (("chair", "for"), ("sec", "for"), ("m1", "against"), ("m2", "against")):
        services.vote_cast(item=item, actor=people[name], choice=choice)
    services.item_decide(item=item, actor=people["sec"])
    item.refresh_from_db()
    assert item.state == MeetingItem.State.NO_DECISION
    assert "tie" in item.note


def test_only_the_secretary_closes_the_vote(meeting):
    item = _open(meeting)
    with pytest.raises(PermissionDenied):
        services.item_decide(item=item, actor=PEOPLE[meeting.body_id]["m1"])


def test_a_decision_s_action_is_tracked_until_done(meeting):
    item = _open(meeting)
    people = PEOPLE[meeting.body_id]
    for name in ("chair", "sec", "m1"):
        services.vote_cast(item=item, actor=people[name], choice="for")
    services.item_decide(item=item, actor=people["sec"])
    action = services.action_add(
        item=item, actor=people["sec"], text="Разместить отчёт на сайте", owner=people["m1"], due_date=TODAY
    )
    assert Notification.objects.filter(recipient=people["m1"], url=action.get_absolute_url()).exists()
    with pytest.raises(PermissionDenied):
        services.action_done(action=action, actor=people["m2"], note="Сделано")
    with pytest.raises(ValidationError, match="Say what was done"):
        services.action_done(action=action, actor=people["m1"], note=" ")
    services.action_done(action=action, actor=people["m1"], note="Размещено 1 декабря")
    action.refresh_from_db()
    assert action.status == DecisionAction.Status.DONE and action.done_at


def _closed(meeting):
    item = _open(meeting)
    people = PEOPLE[meeting.body_id]
    for name in ("chair", "sec", "m1"):
        services.vote_cast(item=item, actor=people[name], choice="for")
    services.item_decide(item=item, actor=people["sec"])
    with pytest.raises(ValidationError, match="Write the minutes"):
        services.meeting_close(meeting=meeting, actor=people["sec"], minutes="  ")
    services.meeting_close(meeting=meeting, actor=people["sec"], minutes="Отчёт принят единогласно.")
    meeting.refresh_from_db()
    return meeting


def test_the_chair_and_the_secretary_sign_the_minutes_with_their_password(meeting):
    meeting = _closed(meeting)
    people = PEOPLE[meeting.body_id]
    with pytest.raises(ValidationError, match="password is not right"):
        services.minutes_sign(meeting=meeting, actor=people["chair"], password="wrong")
    assert not MinutesSignature.objects.exists()
    with pytest.raises(PermissionDenied):
        services.minutes_sign(meeting=meeting, actor=people["m1"], password=PASSWORD)
    services.minutes_sign(meeting=meeting, actor=people["chair"], password=PASSWORD)
    services.minutes_sign(meeting=meeting, actor=people["sec"], password=PASSWORD)
    with pytest.raises(ValidationError, match="signed these minutes already"):
        services.minutes_sign(meeting=meeting, actor=people["sec"], password=PASSWORD)
    assert set(meeting.signatures.values_list("role", flat=True)) == {"chair", "secretary"}
    assert len({s.content_sha256 for s in meeting.signatures.all()}) == 1


def test_the_minutes_pdf_holds_the_decisions_and_the_signatures(meeting, client):
    import io

    from pypdf import PdfReader

    meeting = _closed(meeting)
    people = PEOPLE[meeting.body_id]
    services.minutes_sign(meeting=meeting, actor=people["chair"], password=PASSWORD)
    client.force_login(people["m1"])
    response = client.get(reverse("governance:body_minutes_pdf", args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Отчёт за год" in text and "Signed electronically" in text


def test_a_wrong_password_on_the_sign_page_is_a_message_and_saves_nothing(meeting, client):
    meeting = _closed(meeting)
    client.force_login(PEOPLE[meeting.body_id]["chair"])
    url = reverse("governance:body_minutes_sign", args=[meeting.pk])
    response = client.post(url, {"password": "nope"})
    assert response.status_code == 200
    assert "password is not right" in response.content.decode()
    assert not MinutesSignature.objects.exists()


# --- The pages refuse bad votes with a message ------------------------------------------------


def test_a_vote_posted_by_a_non_member_is_a_message_and_nothing_is_saved(meeting, client_as):
    item = _open(meeting)
    client = client_as(Role.STAFF)
    url = reverse("governance:body_vote", args=[meeting.pk, item.pk])
    response = client.post(url, {"choice": "for"}, follow=True)
    assert response.status_code == 200
    assert "Only members of" in response.content.decode()
    assert not item.votes.exists()


def test_a_member_votes_from_the_meeting_page(meeting, client):
    item = _open(meeting)
    m1 = PEOPLE[meeting.body_id]["m1"]
    client.force_login(m1)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("governance:body_vote", args=[meeting.pk, item.pk]) in page
    client.post(reverse("governance:body_vote", args=[meeting.pk, item.pk]), {"choice": "against"})
    assert item.votes.get().member == m1


def test_deciding_without_a_quorum_from_the_page_is_a_message(meeting, client):
    item = _open(meeting, "chair", "sec", "m1", "m2")
    people = PEOPLE[meeting.body_id]
    services.recuse(item=item, actor=people["sec"], member=people["m2"], reason="Конфликт")
    client.force_login(people["sec"])
    response = client.post(
        reverse("governance:body_item_decide", args=[meeting.pk, item.pk]), {"decision_text": ""}, follow=True
    )
    assert "cannot decide without a quorum" in response.content.decode()
    item.refresh_from_db()
    assert item.state == "pending"


def test_the_accreditation_council_s_body_lists_its_meetings(admin, client_as, make_person):
    from accreditation import services as accreditation_services

    secretary = make_person(Role.COUNCIL_SECRETARY, Role.STAFF)
    member = make_person(Role.COUNCIL_MEMBER)
    council_meeting = accreditation_services.meeting_create(
        actor=secretary, number="АС-12", date=TODAY, members=[member]
    )
    body = services.body_create(
        actor=admin, name="Аккредитационный совет", kind=Body.Kind.ACCREDITATION_COUNCIL
    )
    with pytest.raises(ValidationError, match="council's pages"):
        services.meeting_create(actor=admin, body=body, number="1", date=TODAY)
    html = client_as(Role.COUNCIL_MEMBER).get(body.get_absolute_url()).content.decode()
    assert council_meeting.get_absolute_url() in html
    assert not BodyMeeting.objects.exists()


def test_membership_constituencies_are_the_manual_s(council):
    assert set(Membership.Constituency.values) == {
        "academic",
        "employer",
        "student",
        "international",
        "agency",
    }


def test_my_tasks_show_the_action_to_its_owner_and_the_minutes_to_the_chair(meeting, client):
    meeting = _closed(meeting)
    people = PEOPLE[meeting.body_id]
    item = meeting.items.get()
    services.action_add(
        item=item,
        actor=people["sec"],
        text="Подготовить отчёт Наблюдательному совету",
        owner=people["m1"],
        due_date=TODAY,
    )
    client.force_login(people["m1"])
    assert (
        "Подготовить отчёт Наблюдательному совету" in client.get(reverse("core:dashboard")).content.decode()
    )
    client.force_login(people["chair"])
    assert "Sign the minutes" in client.get(reverse("core:dashboard")).content.decode()
    services.minutes_sign(meeting=meeting, actor=people["chair"], password=PASSWORD)
    assert "Sign the minutes" not in client.get(reverse("core:dashboard")).content.decode()
