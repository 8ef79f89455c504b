"""An appeal is decided by the appeals and complaints commission as a body (§6.5.2, ESG 2.7):
quorum, open vote, recusal of anyone who sat on the council for the project, and the chair's
signature making the commission's decision the appeal's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accreditation.models import AgendaItem as CouncilItem
from accreditation.models import Appeal, CouncilAttendance, CouncilMeeting
from core.roles import Role
from governance.models.bodies import Body, MeetingItem
from governance.services import bodies as services
from tests.factories import PASSWORD, ProjectFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def case(make_person):
    qms = make_person(Role.QMS_OWNER)
    body = services.body_create(
        actor=qms, name="Апелляционная комиссия", kind=Body.Kind.APPEALS_COMMISSION, quorum_rule="two_thirds"
    )
    people = {
        n: make_person(Role.APPEALS_COMMISSION, username=f"ap_{n}") for n in ("chair", "sec", "m1", "m2")
    }
    for name, person in people.items():
        services.membership_add(
            actor=qms,
            body=body,
            person=person,
            role={"chair": "chair", "sec": "secretary"}.get(name, "member"),
            constituency="academic",
            term_start=TODAY - datetime.timedelta(days=100),
            term_end=TODAY + datetime.timedelta(days=600),
        )
    project = ProjectFactory()
    council_meeting = CouncilMeeting.objects.create(number="АС-9", date=TODAY, secretary=people["sec"])
    CouncilItem.objects.create(meeting=council_meeting, project=project)
    CouncilAttendance.objects.create(meeting=council_meeting, member=people["m2"], present=True)
    appeal = Appeal.objects.create(
        number="AP-2026-0007",
        kind=Appeal.Kind.APPEAL,
        project=project,
        filed_by=qms,
        subject="Срок аккредитации",
        text="Просим пересмотреть срок.",
        due_on=TODAY + datetime.timedelta(days=30),
    )
    meeting = services.meeting_create(actor=people["sec"], body=body, number="1", date=TODAY)
    return {"people": people, "appeal": appeal, "meeting": meeting, "body": body}


def test_the_commission_decides_by_vote_and_the_chair_s_signature_decides_the_appeal(case):
    people, meeting = case["people"], case["meeting"]
    item = services.item_add(
        meeting=meeting, actor=people["sec"], kind=MeetingItem.Kind.APPEAL, title="", appeal=case["appeal"]
    )
    # m2 voted on the project at the council: stepped aside at once.
    assert list(item.recusals.values_list("member__username", flat=True)) == ["ap_m2"]
    services.attendance_record(
        meeting=meeting, actor=people["sec"], present_ids=[p.pk for p in people.values()]
    )
    services.meeting_open(meeting=meeting, actor=people["sec"])
    with pytest.raises(ValidationError, match="conflict of interest"):
        services.vote_cast(item=item, actor=people["m2"], choice="for")
    for name in ("chair", "sec", "m1"):
        services.vote_cast(item=item, actor=people[name], choice="against")
    services.item_decide(item=item, actor=people["sec"], decision_text="Оставить решение совета в силе")
    services.meeting_close(meeting=meeting, actor=people["sec"], minutes="Апелляция рассмотрена.")
    case["appeal"].refresh_from_db()
    assert case["appeal"].status != Appeal.Status.DECIDED  # not until the chair signs
    with pytest.raises(ValidationError, match="password is not right"):
        services.minutes_sign(meeting=meeting, actor=people["chair"], password="x")
    case["appeal"].refresh_from_db()
    assert case["appeal"].status != Appeal.Status.DECIDED
    services.minutes_sign(meeting=meeting, actor=people["chair"], password=PASSWORD)
    case["appeal"].refresh_from_db()
    assert case["appeal"].status == Appeal.Status.DECIDED
    assert case["appeal"].result == Appeal.Result.REJECTED
    assert case["appeal"].decided_by == people["chair"]
    assert case["appeal"].reasons == "Оставить решение совета в силе"


def test_only_the_appeals_commission_decides_an_appeal(case, make_person):
    qms = make_person(Role.QMS_OWNER)
    other = services.body_create(actor=qms, name="Экспертный совет", kind=Body.Kind.EXPERT_COUNCIL)
    seat = case["people"]["sec"]
    services.membership_add(
        actor=qms,
        body=other,
        person=seat,
        role="secretary",
        constituency="agency",
        term_start=TODAY,
        term_end=TODAY + datetime.timedelta(days=30),
    )
    meeting = services.meeting_create(actor=seat, body=other, number="1", date=TODAY)
    with pytest.raises(ValidationError, match="appeals and complaints commission"):
        services.item_add(
            meeting=meeting, actor=seat, kind=MeetingItem.Kind.APPEAL, title="", appeal=case["appeal"]
        )
