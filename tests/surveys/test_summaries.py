"""The survey results' summary rows (issue 22, item 2): kept by the answering service in the
transaction that saves a response, equal to a full recount of the answers on random data, rebuilt
by ``manage.py rebuild_summaries``, and read by the results pages, which show the same figures as
counting every answer did (the old computation is the oracle)."""

import datetime
from decimal import Decimal
from io import StringIO
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveys import selectors, summaries
from surveys.models import Answer, AnswerTally, Campaign, Invitation, Question, Response, ResponseTally
from surveys.selectors import compare, indices, results
from surveys.services import response_submit
from tests.factories import OrganizationFactory, ProjectFactory
from tests.surveys.results_world import make_survey

pytestmark = pytest.mark.django_db
D = datetime.date
OPTIONS = [{"value": v, "label": v.title()} for v in ("online", "onsite", "mixed")]


def _on(day: datetime.date):
    """The portal's clock on that day, at noon."""
    moment = datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def _survey(code: str, *, anonymous: bool):
    survey, version, questions = make_survey(
        code,
        f"Survey {code}",
        "student" if anonymous else "organization",
        anonymous,
        [
            ("teaching", "likert", "How good is the teaching?", []),
            ("support", "likert", "How good is the support?", []),
            ("recommend", "nps", "Would you recommend us?", []),
            ("format", "single", "Which format?", OPTIONS),
            ("channels", "multiple", "Which channels?", OPTIONS),
            ("comment", "text", "Anything else?", []),
        ],
    )
    Question.objects.filter(section__version=version).update(required=False)
    return survey, version, questions


@pytest.fixture
def world():
    org_a, org_b = OrganizationFactory(name="Alpha"), OrganizationFactory(name="Beta")
    student, st_version, st_questions = _survey("r-student", anonymous=True)
    eo, eo_version, eo_questions = _survey("r-eo", anonymous=False)
    campaigns = []
    for number, version, organization, project in (
        ("R-1", st_version, org_a, None),
        ("R-2", st_version, None, ProjectFactory(organization=org_b)),
        ("R-3", st_version, None, None),
        ("R-4", eo_version, org_b, None),
    ):
        campaigns.append(
            Campaign.objects.create(
                number=number,
                version=version,
                title=f"Campaign {number}",
                organization=organization,
                project=project,
                opens_on=D(2024, 1, 1),
                closes_on=D(2026, 12, 31),
                public_token=f"token-{number}",
            )
        )
    return {
        "surveys": [student, eo],
        "organizations": [org_a, org_b],
        "campaigns": campaigns,
        "questions": {student.pk: st_questions, eo.pk: eo_questions},
    }


def _form(questions: dict, draw) -> dict:
    """A random filled-in form: each question answered or left out."""
    q = questions
    data = {}
    for key, value in (
        ("teaching", draw(st.none() | st.integers(1, 5))),
        ("support", draw(st.none() | st.integers(1, 5))),
        ("recommend", draw(st.none() | st.integers(0, 10))),
        ("format", draw(st.none() | st.sampled_from(["online", "onsite", "mixed"]))),
        ("channels", draw(st.lists(st.sampled_from(["online", "onsite", "mixed"]), unique=True))),
        ("comment", draw(st.sampled_from(["", "Хорошо", "Plus de pratique", "ok", "Жақсы"]))),
    ):
        if value is not None and value != [] and value != "":
            data[f"q{q[key].pk}"] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


def _submit(world, draw, count: int) -> None:
    for _ in range(count):
        campaign = draw(st.sampled_from(world["campaigns"]))
        day = draw(st.dates(D(2024, 1, 1), D(2026, 12, 31)))
        data = _form(world["questions"][campaign.version.survey_id], draw)
        with _on(day):
            response_submit(token=campaign.public_token, data=data)


def _old_campaign_results(campaign: Campaign) -> results.Results:
    """The campaign's figures as the page computed them before: from every answer."""
    return results.compute(
        campaign.responses.all(),
        selectors.questions_of([campaign.version_id]),
        anonymous=campaign.anonymous,
        invitations=campaign.invitations.all(),
        text_limit=200,
    )


def _old_survey_results(survey, year, organization_id) -> results.Results:
    return results.compute(
        results.survey_responses(survey, year=year, organization_id=organization_id),
        selectors.questions_of(survey.versions.values("pk")),
        anonymous=survey.anonymous,
        invitations=Invitation.objects.filter(
            campaign__in=results.survey_campaigns(survey, year=year, organization_id=organization_id)
        ),
        text_limit=200,
    )


def _figures(group: compare.Group) -> tuple:
    return (
        group.id,
        group.responses,
        group.hidden,
        group.mean,
        tuple(sorted(group.means.items())),
        group.nps,
    )


def _assert_pages_equal_the_old_computation(world) -> None:
    for campaign in Campaign.objects.filter(pk__in=[c.pk for c in world["campaigns"]]):
        assert selectors.campaign_results(campaign) == _old_campaign_results(campaign), campaign.number
    org_a, org_b = world["organizations"]
    for survey in world["surveys"]:
        for year in (None, 2024, 2025, 2026):
            for organization_id in (None, org_a.pk, org_b.pk):
                new = selectors.survey_results(survey, year=year, organization_id=organization_id)
                assert new == _old_survey_results(survey, year, organization_id), (year, organization_id)
            responses = results.survey_responses(survey, year=year)
            old = compare._groups(responses, "organization", anonymous=survey.anonymous)
            new = selectors.compare_organizations(survey, year=year)
            assert {_figures(g) for g in new} == {_figures(g) for g in old.values()}
        for organization_id in (None, org_a.pk):
            responses = results.survey_responses(survey, organization_id=organization_id)
            old = compare._groups(responses, "year", anonymous=survey.anonymous)
            new = selectors.compare_years(survey, organization_id=organization_id)
            assert {g.id: g for g in new} == old
        assert selectors.survey_years(survey) == sorted(
            {
                d.year
                for d in Response.objects.filter(campaign__version__survey=survey).dates(
                    "submitted_on", "year"
                )
            },
            reverse=True,
        )
    for year in (2024, 2025, 2026):
        start, end = D(year, 1, 1), D(year, 12, 31)
        new = selectors.satisfaction_indices(start, end)
        with mock.patch.object(indices.summaries, "whole_months", return_value=False):
            assert new == selectors.satisfaction_indices(start, end), year


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_summaries_equal_a_full_recount_and_the_pages_the_old_figures(world, data):
    # The examples add up in one database: each checks everything saved so far.
    _submit(world, data.draw, data.draw(st.integers(1, 8)))
    assert summaries.stored() == summaries.recount()
    assert summaries.differing() == set()
    _assert_pages_equal_the_old_computation(world)


def test_a_saved_response_counts_at_once_in_its_month(world):
    campaign = world["campaigns"][0]
    q = world["questions"][campaign.version.survey_id]
    with _on(D(2025, 3, 14)):
        response_submit(
            token=campaign.public_token,
            data={
                f"q{q['teaching'].pk}": "4",
                f"q{q['channels'].pk}": ["online", "mixed"],
                f"q{q['comment'].pk}": "Хорошо",
            },
        )
    assert ResponseTally.objects.get(campaign=campaign).month == D(2025, 3, 1)
    rows = {
        (row.question_id, row.kind, row.number, row.value): row.n
        for row in AnswerTally.objects.filter(campaign=campaign)
    }
    assert rows == {
        (q["teaching"].pk, "n", 4, ""): 1,
        (q["channels"].pk, "c", 0, ""): 1,
        (q["channels"].pk, "o", 0, "online"): 1,
        (q["channels"].pk, "o", 0, "mixed"): 1,
        (q["comment"].pk, "t", 0, ""): 1,
    }
    with _on(D(2025, 3, 20)):
        response_submit(token=campaign.public_token, data={f"q{q['teaching'].pk}": "4"})
    assert ResponseTally.objects.get(campaign=campaign).responses == 2
    assert AnswerTally.objects.get(campaign=campaign, question=q["teaching"], number=4).n == 2


def test_a_refused_response_changes_no_summary(world):
    campaign = world["campaigns"][0]
    q = world["questions"][campaign.version.survey_id]
    with _on(D(2025, 3, 14)), pytest.raises(Exception, match="from 1 to 5"):
        response_submit(token=campaign.public_token, data={f"q{q['teaching'].pk}": "9"})
    assert not ResponseTally.objects.exists()
    assert not AnswerTally.objects.exists()


def test_a_new_written_answer_shows_on_the_page_read_before(world):
    campaign = world["campaigns"][3]
    q = world["questions"][campaign.version.survey_id]
    with _on(D(2025, 3, 14)):
        response_submit(token=campaign.public_token, data={f"q{q['comment'].pk}": "Первый"})
    comments = lambda: next(r for r in selectors.campaign_results(campaign).questions if r.key == "comment")  # noqa: E731
    assert comments().texts == ["Первый"]
    with _on(D(2025, 3, 15)):
        response_submit(token=campaign.public_token, data={f"q{q['comment'].pk}": "Второй"})
    assert comments().texts == ["Второй", "Первый"]
    assert comments().answered == 2


def _bulk_load(campaign: Campaign, question: Question, marks: list[int]) -> None:
    """Answers written past the answering service (as the benchmark's bulk load does)."""
    for mark in marks:
        response = Response.objects.create(campaign=campaign, submitted_on=D(2025, 6, 1))
        Answer.objects.create(response=response, question=question, number=mark)


def test_the_command_finds_and_rebuilds_rows_that_differ(world):
    campaign = world["campaigns"][0]
    question = world["questions"][campaign.version.survey_id]["teaching"]
    _bulk_load(campaign, question, [5, 4, 4, 3, 5])
    with pytest.raises(CommandError, match="R-1"):
        call_command("rebuild_summaries", "--check")
    assert selectors.campaign_results(campaign).responses == 0  # the page reads the summary rows

    out = StringIO()
    call_command("rebuild_summaries", stdout=out)
    assert "Rebuilt 1 response rows and 3 answer rows" in out.getvalue()
    figures = selectors.campaign_results(campaign)
    assert figures == _old_campaign_results(campaign)
    assert (figures.responses, figures.questions[0].mean) == (5, Decimal("4.20"))
    out = StringIO()
    call_command("rebuild_summaries", "--check", stdout=out)
    assert "equal a recount" in out.getvalue()


def test_the_command_rebuilds_one_campaign_and_leaves_the_others(world):
    first, second = world["campaigns"][0], world["campaigns"][1]
    question = world["questions"][first.version.survey_id]["teaching"]
    _bulk_load(first, question, [5])
    _bulk_load(second, question, [3])
    call_command("rebuild_summaries", "--campaign", "R-2", stdout=StringIO())
    assert summaries.differing() == {first.pk}


def test_the_command_refuses_an_unknown_campaign_and_changes_nothing(world):
    campaign = world["campaigns"][0]
    _bulk_load(campaign, world["questions"][campaign.version.survey_id]["teaching"], [5])
    with pytest.raises(CommandError, match="No campaign numbered NOPE"):
        call_command("rebuild_summaries", "--campaign", "R-1", "--campaign", "NOPE")
    assert not ResponseTally.objects.exists()


def test_a_period_of_days_is_still_counted_from_the_answers(world):
    campaign = world["campaigns"][3]
    q = world["questions"][campaign.version.survey_id]
    for day, mark in ((D(2025, 3, 10), "5"), (D(2025, 3, 20), "1")):
        with _on(day):
            response_submit(token=campaign.public_token, data={f"q{q['teaching'].pk}": mark})
    index = next(i for i in selectors.satisfaction_indices(D(2025, 3, 1), D(2025, 3, 15)) if i.code == "r-eo")
    assert (index.responses, index.mean) == (1, 5)
    index = next(i for i in selectors.satisfaction_indices(D(2025, 3, 1), D(2025, 3, 31)) if i.code == "r-eo")
    assert (index.responses, index.mean) == (2, 3)


def test_results_stay_hidden_below_the_minimum_group(world, settings):
    settings.IAAR_SURVEY_MIN_GROUP = 3
    campaign = world["campaigns"][0]
    q = world["questions"][campaign.version.survey_id]
    for n in range(2):
        with _on(D(2025, 3, 10 + n)):
            response_submit(token=campaign.public_token, data={f"q{q['teaching'].pk}": "5"})
    figures = selectors.campaign_results(campaign)
    assert figures.hidden and figures.questions == []
