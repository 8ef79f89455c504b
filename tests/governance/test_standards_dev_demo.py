"""The demo's standard in development (§6.3): its plan, inputs and working group, and its public
consultation open today with twelve comments in the agency's languages."""

import pytest
from django.urls import reverse

from demo import documents as demo_documents
from demo import standards_dev
from demo.people import seed_people
from governance.models.standards_dev import ConsultationComment, DevelopmentPlan

pytestmark = pytest.mark.django_db


def test_the_demo_consultation_has_twelve_comments_in_the_agency_s_languages(roles, client):
    people = seed_people()
    demo_documents.seed(people)
    standards_dev.seed(people)
    standards_dev.seed(people)  # seeding twice adds nothing
    plan = DevelopmentPlan.objects.get()
    assert plan.inputs.count() == 7 and plan.working_group.kind == "working_group"
    consultation = plan.consultations.get()
    assert consultation.is_open()
    comments = ConsultationComment.objects.filter(section__consultation=consultation)
    assert comments.count() == 12
    assert comments.filter(status="hidden").count() == 1
    assert comments.filter(status="pending").count() == 2
    assert comments.exclude(answer="").count() == 7
    assert comments.filter(disposition="accepted").count() == 4
    assert comments.filter(disposition="rejected").count() == 2
    texts = " ".join(comments.values_list("text", flat=True))
    assert "Предлагаем" in texts and "Оқытушы" in texts and "сунушталат" in texts
    html = client.get(consultation.get_public_url()).content.decode()
    assert "Дублинские дескрипторы" in html and "арзан" not in html
    client.force_login(people["staff"])
    assert "2 comments await moderation" in client.get(reverse("core:dashboard")).content.decode()
