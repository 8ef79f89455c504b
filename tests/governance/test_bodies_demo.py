"""The demo's four bodies: rosters, one term ending soon, the expert council's meetings with
signed minutes, and the specialized standards validated there, waiting for the Director General."""

import datetime

import pytest
from django.utils import timezone

from demo import documents as demo_documents
from demo import governance_bodies
from demo.people import seed_people
from documents.models import DocumentVersion, ReviewStep
from governance.models.bodies import Body, BodyMeeting, MinutesSignature

pytestmark = pytest.mark.django_db


def test_the_demo_bodies_and_the_expert_council_s_validation(roles):
    people = seed_people()
    demo_documents.seed(people)
    governance_bodies.seed(people)
    governance_bodies.seed(people)  # seeding twice adds nothing
    assert set(Body.objects.values_list("kind", flat=True)) == {
        "supervisory_board",
        "accreditation_council",
        "expert_council",
        "appeals_commission",
    }
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=60)
    council = Body.objects.get(kind="accreditation_council")
    assert council.memberships.filter(term_end__gte=today, term_end__lte=soon).count() == 1
    meetings = BodyMeeting.objects.filter(body__kind="expert_council")
    assert meetings.count() == 2 and all(m.status == "closed" for m in meetings)
    assert MinutesSignature.objects.count() == 4
    version = DocumentVersion.objects.get(
        document__title=governance_bodies.SPECIALIZED, status=DocumentVersion.Status.AWAITING_APPROVAL
    )
    step = version.steps.get(kind=ReviewStep.Kind.VALIDATION)
    assert step.body == governance_bodies.EXPERT_COUNCIL and step.meeting_date == today
