"""The permission matrix's rows for the survey builder, campaigns and answering pages (see
tests/test_permission_matrix.py): the object each view is opened on; who may is the view's own
declaration (opens=, moves=).

The builder's views take the URL's rule alone (change_survey: the IQAS owner), on a draft so an
allowed change succeeds. A campaign belongs to no project here, so only those who see every
campaign (run_campaign or analyze_survey) open it, and only run_campaign holders act on it; the
others get 404 (they do not see it) or 403 (they see it but may not act). The visit
questionnaire is opened on a third person's project: a coordinator of another project gets 404.
The answering pages are public: anyone opens an open campaign's link.
"""

import datetime

from django.utils import timezone

POST_ONLY: set[str] = {
    "surveys:draft",
    "surveys:publish",
    "surveys:section_move",
    "surveys:section_remove",
    "surveys:question_move",
    "surveys:question_remove",
    "surveys:campaign_remind",
    "surveys:campaign_close",
    "surveys:campaign_invite",
}

SURVEY_VIEWS = {"surveys:detail", "surveys:edit", "surveys:draft"}
VERSION_VIEWS = {"surveys:version", "surveys:publish", "surveys:section_add"}
SECTION_VIEWS = {
    "surveys:section_edit",
    "surveys:section_move",
    "surveys:section_remove",
    "surveys:question_add",
}
QUESTION_VIEWS = {"surveys:question_edit", "surveys:question_move", "surveys:question_remove"}
CAMPAIGN_VIEWS = {
    "surveys:campaign",
    "surveys:campaign_remind",
    "surveys:campaign_close",
    "surveys:campaign_invite",
}
PUBLIC_VIEWS = {"survey_public:answer", "survey_public:thanks"}


def _draft():
    """A survey with version 1 in use and a draft version 2 of one section and two questions."""
    from surveys.models import Question, Section, Survey, SurveyVersion

    n = Survey.objects.count() + 1
    survey = Survey.objects.create(code=f"matrix-{n}", title="Matrix survey", audience="other")
    published = SurveyVersion.objects.create(survey=survey, number=1, status="published")
    draft = SurveyVersion.objects.create(survey=survey, number=2)
    for version in (published, draft):
        section = Section.objects.create(version=version, position=1, title="General")
        for position, key in enumerate(("clarity", "speed"), start=1):
            Question.objects.create(
                section=section, position=position, key=key, kind="likert", text=f"Rate the {key}."
            )
    return survey, draft


def _campaign():
    from surveys.models import Campaign, new_token

    survey, _draft_version = _draft()
    today = timezone.localdate()
    return Campaign.objects.create(
        number=f"SV-M-{survey.pk}",
        version=survey.versions.get(status="published"),
        title="Matrix campaign",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        public_token=new_token(),
    )


def kwargs(name: str, person) -> dict | None:
    if name in ("surveys:list", "surveys:create", "surveys:campaign_list", "surveys:campaign_create"):
        return {}
    if name in SURVEY_VIEWS:
        return {"pk": _draft()[0].pk}
    if name in VERSION_VIEWS:
        return {"pk": _draft()[1].pk}
    if name in SECTION_VIEWS:
        return {"pk": _draft()[1].sections.get().pk}
    if name in QUESTION_VIEWS:
        from surveys.models import Question

        return {"pk": Question.objects.filter(section__version=_draft()[1]).first().pk}
    if name in CAMPAIGN_VIEWS:
        return {"pk": _campaign().pk}
    if name in PUBLIC_VIEWS:
        return {"token": _campaign().public_token}
    if name == "surveys:visit_campaign_open":
        from tests.factories import ProjectFactory

        return {"project_pk": ProjectFactory().pk}
    return None


def post_data(name: str) -> dict | None:
    if name in ("surveys:section_move", "surveys:question_move"):
        return {"direction": "down"}
    if name == "surveys:campaign_invite":
        return {"email": "matrix-invitee@example.org"}
    if name == "surveys:publish":
        return {"change_note": "Matrix"}
    return {} if name in POST_ONLY else None
