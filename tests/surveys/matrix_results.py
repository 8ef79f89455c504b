"""The permission matrix's rows for the survey results views (see tests/test_permission_matrix.py).

Results are read by everyone holding surveys.analyze_survey, over every campaign; the summary is
published by those who also hold surveys.publish_survey_summary. The URL rule is the whole
rule. The public summary pages are public; the matrix opens them on a
campaign whose summary is published.
"""

POST_ONLY: set[str] = {"surveys:summary_withdraw"}

NAMES = {
    "surveys:results_survey": "survey",
    "surveys:results_survey_pdf": "survey",
    "surveys:results_survey_export": "survey",
    "surveys:results_campaign": "campaign",
    "surveys:results_campaign_pdf": "campaign",
    "surveys:results_campaign_export": "campaign",
    "surveys:summary_edit": "campaign",
    "surveys:summary_withdraw": "campaign",
    "surveys:published_detail": "campaign",
}


def _campaign():
    import datetime

    from django.utils import timezone

    from surveys.models import Answer, Campaign, Question, Response, Section, Survey, SurveyVersion
    from surveys.summaries import response_tallied

    survey, _created = Survey.objects.get_or_create(
        code="matrix-results",
        defaults={"title": "Matrix survey", "audience": Survey.Audience.STUDENT, "anonymous": True},
    )
    version, _created = SurveyVersion.objects.get_or_create(
        survey=survey, number=1, defaults={"status": "published"}
    )
    section, _created = Section.objects.get_or_create(version=version, position=1, defaults={"title": "Main"})
    question, _created = Question.objects.get_or_create(
        section=section, key="teaching", defaults={"kind": "likert", "text": "How good is the teaching?"}
    )
    day = datetime.date(2025, 3, 1)
    campaign = Campaign.objects.create(
        number=f"MX-{Campaign.objects.count() + 1}",
        version=version,
        title="Matrix campaign",
        opens_on=day,
        closes_on=day,
        status=Campaign.Status.CLOSED,
        public_token=None,
        summary="Students are content.",
        summary_published_at=timezone.now(),
    )
    for mark in (5, 4, 4, 3, 5):
        response = Response.objects.create(campaign=campaign, submitted_on=day)
        answer = Answer.objects.create(response=response, question=question, number=mark)
        response_tallied(response=response, answers=[answer])
    return campaign


def kwargs(name: str, person) -> dict | None:
    what = NAMES.get(name)
    if what is None:
        return None
    campaign = _campaign()
    pk = campaign.version.survey_id if what == "survey" else campaign.pk
    if name.endswith("_export"):
        return {"pk": pk, "fmt": "csv"}
    return {"pk": pk}


def post_data(name: str) -> dict | None:
    if name == "surveys:summary_withdraw":
        return {"reason": "Checked by the matrix."}
    return None
