"""The demo's appeal decided by the appeals commission as a body: a past meeting with the appeal
on its agenda, the members' votes, minutes signed by the chair and the secretary, the appeal
decided through the chair's signature, and its page linking the meeting."""

import pytest
from django.utils import timezone

from accreditation.models import Appeal
from demo import governance_appeals
from governance.models.bodies import BodyMeeting, MeetingItem

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_appeal_decided_by_the_commission(seeded_demo, client):
    meeting = BodyMeeting.objects.get(body__kind="appeals_commission", number__startswith="АК-1/")
    assert meeting.status == BodyMeeting.Status.CLOSED and meeting.date < timezone.localdate()
    assert set(meeting.signatures.values_list("role", flat=True)) == {"chair", "secretary"}
    item = meeting.items.get(kind=MeetingItem.Kind.APPEAL)
    assert item.state == MeetingItem.State.DECIDED and item.votes.count() >= 3
    appeal = Appeal.objects.get(pk=item.appeal_id)
    assert appeal.status == Appeal.Status.DECIDED
    assert appeal.result == Appeal.Result.REJECTED
    assert appeal.decided_by.username == "appeals"
    assert appeal.reasons == item.decision_text
    # The pending appeal is still on АК-2's agenda.
    assert Appeal.objects.filter(kind="appeal").exclude(status="decided").exists()
    client.force_login(appeal.decided_by)
    page = client.get(appeal.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in page
    governance_appeals.seed({})  # seeding twice adds nothing
    assert BodyMeeting.objects.filter(number__startswith="АК-1/").count() == 1
