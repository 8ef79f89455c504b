"""Survey figures on a hand-counted world (see tests/surveys/results_world.py)."""

import datetime
from decimal import Decimal

import pytest

from surveys import selectors
from tests.surveys import results_world

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def world():
    return results_world.build()


def _by_key(results):
    return {q.key: q for q in results.questions}


def test_campaign_distribution_mean_nps_and_rate(world):
    results = selectors.campaign_results(world.campaigns["ops"])
    assert results.responses == 3
    assert (results.invited, results.answered_invitations, results.rate) == (4, 3, Decimal("75.0"))
    assert not results.hidden
    q = _by_key(results)
    assert [(p.value, p.count) for p in q["overall"].points] == [
        ("1", 0),
        ("2", 0),
        ("3", 1),
        ("4", 1),
        ("5", 1),
    ]
    assert q["overall"].mean == Decimal("4.00")
    assert q["overall"].mean_percent == Decimal("75.0")
    assert [(p.value, p.count) for p in q["communication"].points if p.count] == [("2", 1), ("4", 2)]
    assert q["communication"].mean == Decimal("3.33")
    assert [(p.label, p.count) for p in q["format"].points] == [("Online", 2), ("On site", 1)]
    assert q["format"].points[0].percent == Decimal("66.7")
    # Two gave a channel; e-mail by both (100 %), the site by one (50 %), nobody by phone.
    assert q["channels"].answered == 2
    assert [(p.label, p.count, p.percent) for p in q["channels"].points] == [
        ("E-mail", 2, Decimal("100.0")),
        ("Web site", 1, Decimal("50.0")),
        ("Phone", 0, Decimal("0.0")),
    ]
    assert (q["recommend"].promoters, q["recommend"].passives, q["recommend"].detractors) == (2, 0, 1)
    assert q["recommend"].nps == 33
    assert q["recommend"].mean is None or q["recommend"].mean == Decimal("8.0")
    # Free text: the empty answer is left out, the rest sorted by what was written.
    assert q["comment"].texts == ['=HYPERLINK("http://evil")', "Хорошо"]
    assert results.likert_mean == Decimal("3.67")
    assert results.likert_percent == Decimal("66.7")


def test_free_text_of_anonymous_survey_is_sorted_by_text_not_by_arrival(world):
    results = selectors.campaign_results(world.campaigns["STU-1"])
    texts = _by_key(results)["comment"].texts
    # Written in the order Z, Y, X, W, V, U: listed alphabetically.
    assert texts == sorted(texts)
    assert texts[0].startswith("Comment U")


def test_anonymous_campaign_below_min_group_shows_no_figures(world, settings):
    settings.IAAR_SURVEY_MIN_GROUP = 5
    small = selectors.campaign_results(world.campaigns["STU-2"])
    assert small.responses == 3 and small.hidden
    assert small.questions == []
    assert selectors.campaign_results(world.campaigns["STU-3"]).hidden is False  # exactly five
    settings.IAAR_SURVEY_MIN_GROUP = 6
    assert selectors.campaign_results(world.campaigns["STU-3"]).hidden is True
    # A named survey shows even one answer.
    settings.IAAR_SURVEY_MIN_GROUP = 50
    assert selectors.campaign_results(world.campaigns["ops"]).hidden is False


def test_survey_results_across_campaigns_with_filters(world):
    student = world.surveys["student"]
    a, b = world.organizations
    every = selectors.survey_results(student)
    assert every.responses == 14
    assert _by_key(every)["teaching"].mean == Decimal("3.64")  # (25 + 6 + 20) / 14 = 51 / 14
    assert selectors.survey_results(student, year=2025).responses == 9
    assert _by_key(selectors.survey_results(student, year=2025))["teaching"].mean == Decimal("3.44")  # 31 / 9
    only_b = selectors.survey_results(student, organization_id=b.pk)
    assert only_b.responses == 3 and only_b.hidden
    only_a_2026 = selectors.survey_results(student, organization_id=a.pk, year=2026)
    assert only_a_2026.responses == 5 and _by_key(only_a_2026)["teaching"].mean == Decimal("4.00")


def test_comparisons_hide_small_groups_of_anonymous_surveys(world):
    student = world.surveys["student"]
    by_org = {g.label: g for g in selectors.compare_organizations(student, year=2025)}
    assert by_org["Alpha University"].responses == 6
    assert by_org["Alpha University"].mean == Decimal("4.17")  # 25 / 6
    assert by_org["Beta College"].responses == 3
    assert by_org["Beta College"].hidden and by_org["Beta College"].mean is None
    years = selectors.compare_years(student, years=[2024, 2025, 2026])
    assert [(g.label, g.responses, g.mean) for g in years] == [
        ("2024", 0, None),
        ("2025", 9, Decimal("3.44")),
        ("2026", 5, Decimal("4.00")),
    ]
    assert years[1].means == {"teaching": Decimal("3.44")}
    assert selectors.compare_experts(student) == []  # never for an anonymous survey


def test_comparison_by_expert(world):
    groups = selectors.compare_experts(world.surveys["eec"])
    assert [(g.label, g.responses, g.mean) for g in groups] == [
        ("One Expert", 2, Decimal("4.50")),
        ("Two Expert", 1, Decimal("3.00")),
    ]


def test_comparison_by_organization_of_named_survey_keeps_single_answers(world):
    groups = selectors.compare_organizations(world.surveys["eo"])
    assert [(g.label, g.responses, g.mean, g.nps) for g in groups] == [
        ("Alpha University", 3, Decimal("3.67"), 33)
    ]


def test_satisfaction_indices_on_hand_counted_data(world):
    indices = {i.code: i for i in selectors.satisfaction_indices(D(2025, 1, 1), D(2025, 12, 31))}
    eo = indices["t-eo-satisfaction"]
    assert eo.title == "Satisfaction of the education organization"
    assert (eo.mean, eo.percent, eo.responses, eo.rate) == (
        Decimal("3.67"),
        Decimal("66.7"),
        3,
        Decimal("75.0"),
    )
    student = indices["t-student"]
    assert (student.mean, student.percent, student.responses, student.rate) == (
        Decimal("3.44"),
        Decimal("61.1"),
        9,
        None,
    )
    eec = indices["t-eec-evaluation"]
    assert (eec.mean, eec.percent, eec.responses) == (Decimal("4.00"), Decimal("75.0"), 3)

    later = {i.code: i for i in selectors.satisfaction_indices(D(2026, 1, 1), D(2026, 12, 31))}
    assert (later["t-student"].mean, later["t-student"].responses) == (Decimal("4.00"), 5)
    assert (later["t-eo-satisfaction"].mean, later["t-eo-satisfaction"].responses) == (None, 0)
    assert later["t-eo-satisfaction"].rate is None

    # November 2025 holds only the three answers of the small student group: no mean.
    november = {i.code: i for i in selectors.satisfaction_indices(D(2025, 11, 1), D(2025, 11, 30))}
    assert (november["t-student"].responses, november["t-student"].mean, november["t-student"].percent) == (
        3,
        None,
        None,
    )


def test_satisfaction_indices_by_year(world):
    years = selectors.satisfaction_by_year([2025, 2026])
    assert {i.code: i.mean for i in years[2026]}["t-student"] == Decimal("4.00")


def test_summary_draft_reads_the_numbers(world):
    text = selectors.summary_text(world.campaigns["ops"])
    assert "3 responses" in text
    assert "75.0 %" in text
    assert "3.67 of 5" in text
    assert "How satisfied are you overall?" in text  # rated highest
    assert "Net promoter score: 33" in text


def test_a_page_costs_few_queries(world, django_assert_max_num_queries):
    survey = world.surveys["eo"]
    with django_assert_max_num_queries(10):
        selectors.survey_results(survey)
    with django_assert_max_num_queries(6):
        selectors.compare_organizations(survey)
