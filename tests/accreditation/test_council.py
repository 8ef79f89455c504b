"""The Accreditation Council: quorum, recusal, one open vote per member, simple majority."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from accreditation import services as council
from accreditation.models import AccreditationProject, AgendaItem, CouncilAttendance, Decision, Vote
from demo.walkthrough import drive

S = AccreditationProject.Status


@pytest.fixture
def session(cast):
    """A project waiting for the council, on the agenda of an open meeting of five members."""
    project = drive(cast.project, cast, S.COUNCIL)
    meeting = council.meeting_create(
        actor=cast.secretary, number="AC-7", date=datetime.date.today(), members=cast.council
    )
    item = council.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
    council.attendance_record(
        meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council[:4]]
    )
    council.meeting_open(meeting=meeting, actor=cast.secretary)
    return meeting, item, project


def test_a_simple_majority_decides_and_certificates_wait_for_signature(cast, session):
    _meeting, item, project = session
    for member, choice in zip(
        cast.council[:4], ["accredit_5", "accredit_5", "accredit_5", "accredit_3"], strict=True
    ):
        council.vote_cast(item=item, actor=member, choice=choice)
    decision = council.item_close(item=item, actor=cast.secretary)
    assert (decision.outcome, decision.years, decision.votes_for, decision.votes_cast) == (
        "accredit",
        5,
        3,
        4,
    )
    project.refresh_from_db()
    assert project.status == S.DECIDED
    assert project.certificates.get().status == "draft"


def test_a_tie_records_no_decision(cast, session):
    _meeting, item, project = session
    for member, choice in zip(
        cast.council[:4], ["accredit_5", "accredit_5", "refuse", "refuse"], strict=True
    ):
        council.vote_cast(item=item, actor=member, choice=choice)
    assert council.item_close(item=item, actor=cast.secretary) is None
    item.refresh_from_db()
    project.refresh_from_db()
    assert item.state == AgendaItem.State.NO_DECISION and "tie" in item.note
    assert project.status == S.COUNCIL and not Decision.objects.exists()


def test_no_majority_of_votes_cast_is_no_decision(cast, session):
    _meeting, item, _project = session
    for member, choice in zip(cast.council[:3], ["accredit_5", "accredit_3", "refuse"], strict=True):
        council.vote_cast(item=item, actor=member, choice=choice)
    assert council.item_close(item=item, actor=cast.secretary) is None


def test_recusals_can_take_an_item_below_quorum(cast, session):
    _meeting, item, _project = session  # 4 of 5 present, quorum 4
    council.recuse(item=item, actor=cast.council[0], member=cast.council[0], reason="Graduated there.")
    with pytest.raises(ValidationError, match="stepped aside"):
        council.vote_cast(item=item, actor=cast.council[0], choice="accredit_5")
    for member in cast.council[1:4]:
        council.vote_cast(item=item, actor=member, choice="accredit_5")
    assert council.item_close(item=item, actor=cast.secretary) is None
    item.refresh_from_db()
    assert "No quorum" in item.note


def test_a_meeting_without_quorum_does_not_open(cast, make_person):
    project = drive(cast.project, cast, S.COUNCIL)
    meeting = council.meeting_create(
        actor=cast.secretary, number="AC-8", date=datetime.date.today(), members=cast.council
    )
    invitations = CouncilAttendance.objects.filter(meeting=meeting)
    assert invitations.count() == len(cast.council)
    for attendance in invitations:  # each invitation has its history
        assert attendance.history.filter(history_type="+").count() == 1
    council.agenda_add(meeting=meeting, actor=cast.secretary, project=project)
    council.attendance_record(
        meeting=meeting, actor=cast.secretary, present_ids=[m.pk for m in cast.council[:3]]
    )
    with pytest.raises(ValidationError, match="No quorum"):
        council.meeting_open(meeting=meeting, actor=cast.secretary)


def test_one_vote_per_member_absent_members_and_closed_meetings_refused(cast, session):
    meeting, item, _project = session
    council.vote_cast(item=item, actor=cast.council[0], choice="accredit_5")
    with pytest.raises(ValidationError, match="voted on this item already"):
        council.vote_cast(item=item, actor=cast.council[0], choice="refuse")
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(item=item, member=cast.council[0], choice="refuse")
    with pytest.raises(PermissionDenied):
        council.vote_cast(item=item, actor=cast.council[4], choice="accredit_5")  # absent
    with pytest.raises(ValidationError, match="decisions offered"):
        council.vote_cast(item=item, actor=cast.council[1], choice="revoke")
    with pytest.raises(ValueError):
        Vote.objects.get(member=cast.council[0]).save()  # a vote is never changed
    for member in cast.council[1:4]:
        council.vote_cast(item=item, actor=member, choice="accredit_5")
    council.item_close(item=item, actor=cast.secretary)
    with pytest.raises(ValidationError, match="closed"):
        council.vote_cast(item=item, actor=cast.council[1], choice="accredit_5")
    council.meeting_close(meeting=meeting, actor=cast.secretary, minutes="Done.")
    with pytest.raises(ValidationError, match="in session"):
        council.vote_cast(item=item, actor=cast.council[2], choice="accredit_5")
    assert Vote.objects.count() == 4


def test_only_the_secretary_records(cast, session):
    _meeting, item, _project = session
    with pytest.raises(PermissionDenied):
        council.item_close(item=item, actor=cast.council[0])


def _in_threads(*calls):
    errors, barrier = [], threading.Barrier(len(calls))

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_two_members_both_count_one_member_twice_counts_once(cast, session):
    _meeting, item, _project = session
    errors = _in_threads(
        lambda: council.vote_cast(item=item, actor=cast.council[0], choice="accredit_5"),
        lambda: council.vote_cast(item=item, actor=cast.council[1], choice="refuse"),
    )
    assert errors == [] and Vote.objects.filter(item=item).count() == 2
    errors = _in_threads(
        lambda: council.vote_cast(item=item, actor=cast.council[2], choice="accredit_5"),
        lambda: council.vote_cast(item=item, actor=cast.council[2], choice="refuse"),
    )
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert Vote.objects.filter(item=item, member=cast.council[2]).count() == 1
