"""Answering: the good path, every bad input refused cleanly with nothing saved, and anonymity
(no page and no record leads from an anonymous response to a person)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from surveys import services
from surveys.models import Answer, Campaign, Invitation, Question, Response
from tests.surveys.conftest import full_answers, question_of

pytestmark = pytest.mark.django_db


def answer_url(token: str) -> str:
    return reverse("survey_public:answer", args=[token])


@pytest.fixture
def student_campaign(open_campaign):
    return open_campaign("student", public_link=True)


@pytest.fixture
def eo_invitation(open_campaign, make_person):
    campaign = open_campaign("eo-satisfaction")
    rep = make_person(Role.EO_REPRESENTATIVE, username="rep", email="rep@example.org")
    return services.invitation_add(campaign=campaign, person=rep)


def assert_refused(token, data, match, code=None):
    before = (Response.objects.count(), Answer.objects.count())
    with pytest.raises(ValidationError, match=match) as caught:
        services.response_submit(token=token, data=data)
    if code:
        assert caught.value.code == code
    assert (Response.objects.count(), Answer.objects.count()) == before
    return caught.value


# --- The good path ---------------------------------------------------------------------------


def test_a_student_answers_through_the_public_link(client, student_campaign):
    page = client.get(answer_url(student_campaign.public_token))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<fieldset" in html and "<legend" in html
    assert "this browser will remember" in html
    data = full_answers(student_campaign)
    response = client.post(answer_url(student_campaign.public_token), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("survey_public:thanks", args=[student_campaign.public_token])
    assert "Thank you for your answers" in client.get(response["Location"]).content.decode()
    saved = Response.objects.get(campaign=student_campaign)
    assert saved.answers.count() == len(data)
    assert saved.submitted_on == timezone.localdate()
    multiple = question_of(student_campaign, "multiple")
    assert saved.answers.get(question=multiple).choices == data[f"q{multiple.pk}"]


def test_the_form_reads_in_russian(client, student_campaign):
    client.cookies["django_language"] = "ru"
    html = client.get(answer_url(student_campaign.public_token)).content.decode()
    assert "Анкета студентов во время визита ВЭК" in html
    assert "В целом я доволен(льна) своим обучением." in html
    client.post(answer_url(student_campaign.public_token), full_answers(student_campaign))
    assert Response.objects.get(campaign=student_campaign).language == "ru"


def test_an_invited_person_answers_once(client, eo_invitation):
    campaign = eo_invitation.campaign
    url = answer_url(eo_invitation.token)
    assert client.post(url, full_answers(campaign)).status_code == 302
    eo_invitation.refresh_from_db()
    assert eo_invitation.answered_on == timezone.localdate()
    response = Response.objects.get(campaign=campaign)
    assert response.invitation == eo_invitation and response.respondent == eo_invitation.person
    # The same link again: refused with a clear page, nothing more saved.
    again = client.post(url, full_answers(campaign))
    assert again.status_code == 410
    assert "This link has been used already" in again.content.decode()
    assert client.get(url).status_code == 410
    assert Response.objects.filter(campaign=campaign).count() == 1


# --- Refusals about the link -----------------------------------------------------------------


def test_an_unknown_token_is_a_friendly_404(client, student_campaign):
    for token in ("no-such-token", "x" * 300):
        page = client.get(answer_url(token))
        assert page.status_code == 404
        assert "This survey link is not valid" in page.content.decode()
    assert client.post(answer_url("no-such-token"), {"q1": "3"}).status_code == 404
    assert client.get(reverse("survey_public:thanks", args=["no-such-token"])).status_code == 404
    assert_refused("no-such-token", {}, "not valid", code="unknown")


def test_a_closed_campaign_takes_no_answers(client, student_campaign, qms_owner):
    data = full_answers(student_campaign)
    services.campaign_close(campaign=student_campaign, actor=qms_owner)
    page = client.post(answer_url(student_campaign.public_token), data)
    assert page.status_code == 410
    assert "answers are no longer taken" in page.content.decode()
    assert_refused(student_campaign.public_token, data, "no longer taken", code="closed")


def test_a_campaign_past_its_date_takes_no_answers_even_before_the_nightly_close(student_campaign):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Campaign.objects.filter(pk=student_campaign.pk).update(opens_on=yesterday, closes_on=yesterday)
    assert_refused(
        student_campaign.public_token, full_answers(student_campaign), "no longer taken", code="closed"
    )


def test_a_campaign_not_open_yet_takes_no_answers(client, open_campaign):
    today = timezone.localdate()
    later = open_campaign(
        "student",
        public_link=True,
        opens_on=today + datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=9),
    )
    page = client.get(answer_url(later.public_token))
    assert page.status_code == 404 and "opens on" in page.content.decode()
    assert_refused(later.public_token, full_answers(later), "opens on", code="not_open")


def test_a_double_submit_of_an_invitation_is_refused(eo_invitation):
    data = full_answers(eo_invitation.campaign)
    services.response_submit(token=eo_invitation.token, data=data)
    assert_refused(eo_invitation.token, data, "used already", code="answered")


# --- Refusals about the answers (the form comes back with a message) ---------------------------


def test_out_of_range_numbers_are_refused(client, open_campaign):
    campaign = open_campaign("eo-satisfaction", public_link=True)
    likert, nps = question_of(campaign, "likert"), question_of(campaign, "nps")
    for question, value in (
        (likert, "6"),
        (likert, "0"),
        (likert, "-1"),
        (likert, "four"),
        (nps, "11"),
        (nps, "2.5"),
    ):
        data = {**full_answers(campaign), f"q{question.pk}": value}
        error = assert_refused(campaign.public_token, data, "Choose a value from")
        assert f"q{question.pk}" in error.message_dict
    data = {**full_answers(campaign), f"q{likert.pk}": "9"}
    page = client.post(answer_url(campaign.public_token), data)
    assert page.status_code == 200
    assert "Choose a value from 1 to 5." in page.content.decode()
    assert not Response.objects.exists()


def test_an_unknown_option_is_refused(student_campaign):
    single, multiple = question_of(student_campaign, "single"), question_of(student_campaign, "multiple")
    data = {**full_answers(student_campaign), f"q{single.pk}": "phd-in-astrology"}
    assert_refused(student_campaign.public_token, data, "Choose among the answers offered")
    data = {**full_answers(student_campaign), f"q{multiple.pk}": ["advising", "casino"]}
    assert_refused(student_campaign.public_token, data, "Choose among the answers offered")
    data = {**full_answers(student_campaign), f"q{single.pk}": ["bachelor-1-2", "master"]}
    assert_refused(student_campaign.public_token, data, "Choose one answer")


def test_a_forged_question_id_is_refused(client, student_campaign, seeded):
    foreign = Question.objects.filter(section__version__survey=seeded["eo-satisfaction"]).first()
    for key in (f"q{foreign.pk}", "q999999", "qx"):
        data = {**full_answers(student_campaign), key: "3"}
        assert_refused(student_campaign.public_token, data, "not part of this survey")
    page = client.post(
        answer_url(student_campaign.public_token), {**full_answers(student_campaign), f"q{foreign.pk}": "3"}
    )
    assert page.status_code == 200 and "not part of this survey" in page.content.decode()
    assert not Response.objects.exists()


def test_missing_required_answers_are_refused_and_optional_ones_may_be_left(client, student_campaign):
    data = full_answers(student_campaign)
    required = Question.objects.filter(section__version=student_campaign.version, required=True).first()
    optional = Question.objects.filter(section__version=student_campaign.version, required=False)
    del data[f"q{required.pk}"]
    assert_refused(student_campaign.public_token, data, "Please answer this question")
    page = client.post(answer_url(student_campaign.public_token), data)
    html = page.content.decode()
    assert page.status_code == 200 and "Please answer this question." in html
    assert f'aria-describedby="err-q{required.pk}"' in html
    # What was filled in comes back filled in.
    assert "Keep the library open longer." in html
    data = {
        k: v for k, v in full_answers(student_campaign).items() if int(k[1:]) not in {q.pk for q in optional}
    }
    services.response_submit(token=student_campaign.public_token, data=data)
    assert Response.objects.count() == 1


def test_an_over_long_text_is_refused_with_a_form_error(client, student_campaign):
    text = question_of(student_campaign, "text")
    data = {**full_answers(student_campaign), f"q{text.pk}": "x" * (Answer.MAX_TEXT + 1)}
    assert_refused(student_campaign.public_token, data, "Keep the answer under")
    page = client.post(answer_url(student_campaign.public_token), data)
    assert page.status_code == 200 and "Keep the answer under 5000 characters" in page.content.decode()
    assert not Response.objects.exists()


def test_a_ten_megabyte_post_is_refused_cleanly(client, student_campaign):
    text = question_of(student_campaign, "text")
    data = {**full_answers(student_campaign), f"q{text.pk}": "x" * (10 * 1024 * 1024)}
    page = client.post(answer_url(student_campaign.public_token), data)
    assert page.status_code == 400
    assert "nothing was saved" in page.content.decode()
    assert not Response.objects.exists()


def test_the_csrf_check_stays_on(student_campaign):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.post(answer_url(student_campaign.public_token), full_answers(student_campaign))
    assert page.status_code == 403
    assert not Response.objects.exists()


# --- Anonymity -------------------------------------------------------------------------------


def test_an_anonymous_response_keeps_no_trace_of_the_person(client, open_campaign, make_person):
    campaign = open_campaign("teaching-staff", public_link=True)
    teacher = make_person(Role.STAFF, username="teacher", first_name="Gulnara", last_name="Seitkali")
    invitation = services.invitation_add(campaign=campaign, person=teacher)
    client.force_login(teacher)  # even signed in, and through a personal link
    client.post(answer_url(invitation.token), full_answers(campaign))
    client.post(answer_url(campaign.public_token), full_answers(campaign))
    responses = list(Response.objects.filter(campaign=campaign))
    assert len(responses) == 2
    for response in responses:
        assert response.invitation_id is None and response.respondent_id is None
        assert response.about_expert_id is None
    invitation.refresh_from_db()
    assert invitation.answered_on == timezone.localdate()
    with pytest.raises(Invitation.response.RelatedObjectDoesNotExist):
        invitation.response  # noqa: B018


def test_the_campaign_page_of_an_anonymous_survey_shows_only_counts(
    client, open_campaign, make_person, qms_owner
):
    campaign = open_campaign("student", public_link=True)
    student = make_person(
        username="student1", first_name="Aruzhan", last_name="Bekova", email="aruzhan@example.org"
    )
    invitation = services.invitation_add(campaign=campaign, person=student)
    services.response_submit(token=invitation.token, data=full_answers(campaign))
    client.force_login(qms_owner)
    html = client.get(campaign.get_absolute_url()).content.decode()
    assert "Bekova" not in html and "aruzhan@example.org" not in html and "student1" not in html
    assert "only counts are shown" in html
    assert 'id="response-count">1<' in html


def test_the_same_browser_cannot_answer_a_public_anonymous_link_twice(client, student_campaign):
    url = answer_url(student_campaign.public_token)
    client.post(url, full_answers(student_campaign))
    again = client.get(url)
    assert again.status_code == 410
    assert "already been sent from this browser" in again.content.decode()
    assert client.post(url, full_answers(student_campaign)).status_code == 410
    assert Response.objects.filter(campaign=student_campaign).count() == 1


def test_a_non_anonymous_evaluation_links_the_expert(open_campaign, cast):
    campaign = open_campaign("eec-evaluation")
    expert = cast.experts[0]
    invitation = services.invitation_add(campaign=campaign, person=cast.coordinator, about_expert=expert)
    response = services.response_submit(token=invitation.token, data=full_answers(campaign))
    assert response.about_expert == expert and response.respondent == cast.coordinator


def test_a_public_link_takes_a_limited_number_of_answers_per_network_and_hour(student_campaign, settings):
    """Browsers of one network (one address) may answer a public link a few hundred times an
    hour; past that a clear "try again later" (429) and nothing saved."""
    from django.test import Client

    settings.IAAR_SURVEY_ANSWERS_PER_HOUR = 2
    url = answer_url(student_campaign.public_token)
    codes = [Client().post(url, full_answers(student_campaign)).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    refused = Client().post(url, full_answers(student_campaign))
    assert refused.status_code == 429 and "try again later" in refused.content.decode()
    assert refused["Retry-After"] == "3600"
    assert Response.objects.filter(campaign=student_campaign).count() == 2
