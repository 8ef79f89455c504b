"""Surveys as the agency has them: the manual's five forms seeded, campaigns opened through the
services, and a way to fill in a whole form the way a respondent would."""

import datetime

import pytest
from django.utils import timezone

from surveys import services
from surveys.models import Question, Survey


@pytest.fixture
def seeded(db):
    services.survey_seed()
    return {s.code: s for s in Survey.objects.all()}


@pytest.fixture
def open_campaign(seeded, qms_owner):
    """Open a campaign of a seeded survey today, for a week."""

    def make(code: str, *, public_link: bool = False, **fields):
        today = timezone.localdate()
        return services.campaign_open(
            actor=qms_owner,
            survey=seeded[code],
            title=fields.pop("title", f"Campaign of {code}"),
            opens_on=fields.pop("opens_on", today),
            closes_on=fields.pop("closes_on", today + datetime.timedelta(days=7)),
            public_link=public_link,
            **fields,
        )

    return make


def full_answers(campaign) -> dict:
    """A valid answer to every question of the campaign's version."""
    data = {}
    for question in Question.objects.filter(section__version=campaign.version):
        key = f"q{question.pk}"
        if question.kind == Question.Kind.LIKERT:
            data[key] = "4"
        elif question.kind == Question.Kind.NPS:
            data[key] = "9"
        elif question.kind == Question.Kind.SINGLE:
            data[key] = question.options[0]["value"]
        elif question.kind == Question.Kind.MULTIPLE:
            data[key] = [question.options[0]["value"], question.options[1]["value"]]
        else:
            data[key] = "Keep the library open longer."
    return data


def question_of(campaign, kind: str) -> Question:
    return Question.objects.filter(section__version=campaign.version, kind=kind).first()
