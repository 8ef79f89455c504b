"""The public page of a consultation on a draft standard (§6.3): anyone comments by section
without signing in until the closing date; the page shows only the published comments with
their answers; a robot's comment (the hidden field filled) is thanked and dropped; everything a
stakeholder writes is escaped."""

import datetime

import pytest

from governance.models.standards_dev import Consultation, ConsultationComment
from governance.services import standards_dev as services
from tests.governance.stddev_world import build, comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_person):
    return build(make_person)


def _post(client, world, **overrides):
    data = {
        "section": world["s2"].pk,
        "name": "Ерлан Жумабаев",
        "organization": "Союз работодателей",
        "email": "",
        "constituency": "employer",
        "text": "Больше практики у работодателей.",
    }
    data.update(overrides)
    return client.post(f"/consultation/{world['consultation'].pk}/", data, follow=True)


def test_anonymous_stakeholder_comments_on_a_section(world, client):
    page = client.get(f"/consultation/{world['consultation'].pk}/")
    assert page.status_code == 200
    assert "Студент в центре." in page.content.decode()
    response = _post(client, world)
    assert "your comment will appear once the working group has read it" in response.content.decode()
    made = ConsultationComment.objects.get()
    assert (made.section, made.constituency, made.status) == (world["s2"], "employer", "pending")
    assert "Больше практики" not in response.content.decode()  # not published yet


def test_comment_after_the_close_is_refused_with_a_clear_message(world, client):
    Consultation.objects.filter(pk=world["consultation"].pk).update(
        opens_on=world["today"] - datetime.timedelta(days=20),
        closes_on=world["today"] - datetime.timedelta(days=1),
    )
    response = _post(client, world)
    assert response.status_code == 410
    assert "comments are no longer taken" in response.content.decode()
    assert 'id="comment-form"' not in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_missing_name_is_refused_and_what_was_written_stays(world, client):
    response = _post(client, world, name="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Give your name." in html and "Больше практики у работодателей." in html
    assert ConsultationComment.objects.count() == 0


def test_robot_filling_the_hidden_field_is_thanked_and_nothing_saved(world, client):
    response = _post(client, world, website="http://spam.example")
    assert "Thank you" in response.content.decode()
    assert ConsultationComment.objects.count() == 0


def test_published_comment_and_answer_are_shown_escaped(world, client):
    made = comment(world, name="<script>alert(1)</script>", text="<b>жирно</b>")
    services.comment_moderate(comment=made, actor=world["sec"], publish=True)
    services.comment_answer(comment=made, actor=world["sec"], answer="Спасибо <i>за</i> предложение")
    html = client.get(f"/consultation/{world['consultation'].pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "&lt;b&gt;жирно&lt;/b&gt;" in html
    assert "Спасибо &lt;i&gt;за&lt;/i&gt; предложение" in html
    assert "aigul@example.org" not in html


def test_hidden_comment_is_not_on_the_public_page(world, client):
    made = comment(world, text="Оскорбление")
    services.comment_moderate(comment=made, actor=world["sec"], publish=False, reason="Оскорбительный")
    assert "Оскорбление" not in client.get(f"/consultation/{world['consultation'].pk}/").content.decode()


def test_a_consultation_not_yet_open_is_not_found(world, client):
    Consultation.objects.filter(pk=world["consultation"].pk).update(
        opens_on=world["today"] + datetime.timedelta(days=3),
        closes_on=world["today"] + datetime.timedelta(days=9),
    )
    assert client.get(f"/consultation/{world['consultation'].pk}/").status_code == 404


def test_too_many_comments_from_one_address_are_refused(world, client):
    from governance.views import consultation as view

    limit = view.COMMENTS_PER_HOUR
    view.COMMENTS_PER_HOUR = 1
    try:
        _post(client, world)
        response = _post(client, world, text="Ещё одно")
    finally:
        view.COMMENTS_PER_HOUR = limit
    assert response.status_code == 429
    assert ConsultationComment.objects.count() == 1
