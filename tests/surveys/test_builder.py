"""The survey builder: the manual's forms seeded, versions (a published version is frozen, a new
draft copies it and keeps every key), and building a form through the pages."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from core.roles import Role
from surveys import services
from surveys.models import Question, Section, Survey, SurveyVersion

pytestmark = pytest.mark.django_db

CODES = {"eo-satisfaction", "expert-feedback", "eec-evaluation", "student", "teaching-staff"}


def test_seed_makes_the_manuals_five_forms_each_in_use(seeded):
    assert set(seeded) == CODES
    assert {c for c, s in seeded.items() if s.anonymous} == {"student", "teaching-staff"}
    assert seeded["eo-satisfaction"].audience == "organization"
    assert seeded["eec-evaluation"].audience == "coordinator"
    for survey in seeded.values():
        version = survey.versions.get()
        assert version.status == SurveyVersion.Status.PUBLISHED and version.number == 1
        sections = version.sections.count()
        questions = list(Question.objects.filter(section__version=version))
        assert 2 <= sections <= 4, survey.code
        assert 6 <= len(questions) <= 12, survey.code
        kinds = {q.kind for q in questions}
        assert {"likert", "single", "multiple", "text"} <= kinds, survey.code
        assert len({q.key for q in questions}) == len(questions)
        for question in questions:
            assert set(question.text_translations) == {"ru", "kk", "ky"}, question.key
            for option in question.options:
                assert set(option["translations"]) == {"ru", "kk", "ky"}, (question.key, option["value"])
        assert set(survey.title_translations) == {"ru", "kk", "ky"}
    for code in ("eo-satisfaction", "expert-feedback"):
        assert Question.objects.filter(section__version__survey__code=code, kind="nps").exists()


def test_seed_run_twice_adds_nothing(seeded):
    counts = (Survey.objects.count(), SurveyVersion.objects.count(), Question.objects.count())
    services.survey_seed()
    assert (Survey.objects.count(), SurveyVersion.objects.count(), Question.objects.count()) == counts


def test_texts_read_in_the_readers_language(seeded):
    question = Question.objects.get(section__version__survey__code="student", key="satisfaction")
    with translation.override("ru"):
        assert question.localized_text == "В целом я доволен(льна) своим обучением."
        assert seeded["student"].localized_title == "Анкета студентов во время визита ВЭК"
    with translation.override("en"):
        assert question.localized_text == "Overall, I am satisfied with my studies."


def test_published_version_is_frozen(seeded, qms_owner):
    version = seeded["student"].versions.get()
    section = version.sections.first()
    question = section.questions.first()
    with pytest.raises(ValidationError):
        services.question_add(actor=qms_owner, section=section, key="new", kind="text", text="New?")
    with pytest.raises(ValidationError):
        services.question_update(
            actor=qms_owner, question=question, key=question.key, kind="likert", text="Changed"
        )
    with pytest.raises(ValidationError):
        services.question_remove(actor=qms_owner, question=question)
    with pytest.raises(ValidationError):
        services.section_remove(actor=qms_owner, section=section)
    question.refresh_from_db()
    assert question.text != "Changed"


def test_new_draft_copies_the_version_in_use_and_keeps_keys(seeded, qms_owner):
    survey = seeded["eo-satisfaction"]
    v1 = survey.versions.get()
    draft = services.version_draft(actor=qms_owner, survey=survey)
    assert draft.number == 2 and draft.status == SurveyVersion.Status.DRAFT
    old = list(Question.objects.filter(section__version=v1).values_list("key", "kind", "text", "options"))
    new = list(Question.objects.filter(section__version=draft).values_list("key", "kind", "text", "options"))
    assert old == new
    assert not set(Question.objects.filter(section__version=v1).values_list("pk", flat=True)) & set(
        Question.objects.filter(section__version=draft).values_list("pk", flat=True)
    )
    # Asking again gives the same draft, not a third version.
    assert services.version_draft(actor=qms_owner, survey=survey) == draft

    question = Question.objects.get(section__version=draft, key="info-clarity")
    services.question_update(
        actor=qms_owner,
        question=question,
        key="info-clarity",
        kind="likert",
        text="IAAR explained the procedure well.",
    )
    services.question_remove(
        actor=qms_owner, question=Question.objects.get(section__version=draft, key="suggestions")
    )
    services.version_publish(actor=qms_owner, version=draft, change_note="Shorter form")

    v1.refresh_from_db()
    draft.refresh_from_db()
    assert v1.status == SurveyVersion.Status.RETIRED
    assert draft.status == SurveyVersion.Status.PUBLISHED
    assert Question.objects.get(section__version=v1, key="info-clarity").text.startswith("The information")
    assert not Question.objects.filter(section__version=draft, key="suggestions").exists()


def test_campaigns_ask_the_version_in_use_and_keep_theirs(seeded, qms_owner, open_campaign):
    first = open_campaign("student", public_link=True)
    survey = seeded["student"]
    draft = services.version_draft(actor=qms_owner, survey=survey)
    services.version_publish(actor=qms_owner, version=draft)
    second = open_campaign("student", public_link=True)
    first.refresh_from_db()
    assert first.version.number == 1 and second.version.number == 2


def test_builder_refuses_bad_questions(seeded, qms_owner):
    draft = services.version_draft(actor=qms_owner, survey=seeded["expert-feedback"])
    section = draft.sections.first()
    with pytest.raises(ValidationError, match="key"):
        services.question_add(actor=qms_owner, section=section, key="briefing", kind="likert", text="Again?")
    with pytest.raises(ValidationError):
        services.question_add(
            actor=qms_owner,
            section=section,
            key="format",
            kind="single",
            text="Format?",
            options=[{"value": "a", "label": "A"}],
        )
    with pytest.raises(ValidationError):
        services.question_add(actor=qms_owner, section=section, key="Bad Key", kind="text", text="?")


def test_moving_questions_and_sections_in_a_draft(seeded, qms_owner):
    draft = services.version_draft(actor=qms_owner, survey=seeded["teaching-staff"])
    first, second = list(draft.sections.order_by("position"))[:2]
    services.section_move(actor=qms_owner, section=second, direction="up")
    assert list(draft.sections.order_by("position").values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    top = second.questions.order_by("position").first()
    services.question_move(actor=qms_owner, question=top, direction="down")
    assert list(second.questions.order_by("position").values_list("key", flat=True)) == [
        "development",
        "workload",
        "resources",
        "programme-involvement",
    ]
    # At the edge of its section a question moves on into the next one.
    last = second.questions.order_by("position").last()
    services.question_move(actor=qms_owner, question=last, direction="down")
    last.refresh_from_db()
    assert last.section == first and last.position == 1


def test_only_the_survey_keepers_build(seeded, make_person):
    clerk = make_person(Role.STAFF, username="clerk")
    with pytest.raises(PermissionDenied):
        services.version_draft(actor=clerk, survey=seeded["student"])
    with pytest.raises(PermissionDenied):
        services.survey_create(actor=clerk, code="x", title="X", audience="other")


def test_building_a_survey_through_the_pages(client, qms_owner):
    client.force_login(qms_owner)
    response = client.post(
        reverse("surveys:create"),
        {
            "code": "employer-feedback",
            "title": "Employers' feedback",
            "title_ru": "Отзыв работодателей",
            "audience": "other",
        },
    )
    survey = Survey.objects.get(code="employer-feedback")
    version = survey.versions.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "surveys:version", args=[version.pk]
    )
    assert survey.title_translations == {"ru": "Отзыв работодателей"}

    client.post(
        reverse("surveys:section_add", args=[version.pk]), {"title": "Graduates", "title_ru": "Выпускники"}
    )
    section = Section.objects.get(version=version)
    client.post(
        reverse("surveys:question_add", args=[section.pk]),
        {"kind": "likert", "key": "readiness", "text": "Graduates are ready for work.", "required": "on"},
    )
    client.post(
        reverse("surveys:question_add", args=[section.pk]),
        {
            "kind": "single",
            "key": "hire-again",
            "text": "Would you hire our graduates again?",
            "options": "yes | Yes | Да | Иә | Ооба\nno | No | Нет | Жоқ | Жок",
            "required": "on",
        },
    )
    choice = Question.objects.get(section=section, key="hire-again")
    assert choice.options[1] == {
        "value": "no",
        "label": "No",
        "translations": {"ru": "Нет", "kk": "Жоқ", "ky": "Жок"},
    }
    page = client.get(reverse("surveys:version", args=[version.pk])).content.decode()
    assert "Graduates are ready for work." in page and "Publish" in page

    response = client.post(reverse("surveys:publish", args=[version.pk]), {"change_note": "First edition"})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == SurveyVersion.Status.PUBLISHED
    # Frozen: no editing controls, and the edit pages refuse.
    page = client.get(reverse("surveys:version", args=[version.pk])).content.decode()
    assert reverse("surveys:question_edit", args=[choice.pk]) not in page
    assert client.get(reverse("surveys:question_edit", args=[choice.pk])).status_code == 403
    client.post(reverse("surveys:question_remove", args=[choice.pk]))
    assert Question.objects.filter(pk=choice.pk).exists()


def test_publishing_an_empty_draft_is_refused_with_a_message(client, qms_owner):
    client.force_login(qms_owner)
    survey = services.survey_create(actor=qms_owner, code="empty", title="Empty", audience="other")
    version = survey.versions.get()
    response = client.post(reverse("surveys:publish", args=[version.pk]), follow=True)
    assert "Add at least one question before publishing." in response.content.decode()
    version.refresh_from_db()
    assert version.status == SurveyVersion.Status.DRAFT


def test_the_admin_reads_surveys_and_campaigns_but_builds_nothing(admin_client, seeded, open_campaign):
    campaign = open_campaign("student", public_link=True)
    survey = seeded["student"]
    assert admin_client.get(reverse("admin:surveys_survey_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:surveys_survey_change", args=[survey.pk]))
    assert page.status_code == 200 and "published" in page.content.decode().lower()
    assert admin_client.get(reverse("admin:surveys_campaign_change", args=[campaign.pk])).status_code == 200
    assert admin_client.get(reverse("admin:surveys_survey_add")).status_code == 403
    # Responses are not in the admin at all: nothing there could lead from an answer to a person.
    assert not admin_client.get("/admin/surveys/").content.decode().count("/admin/surveys/response/")
