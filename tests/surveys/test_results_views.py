"""The results pages as an analyst reads them: figures, charts with their tables, comparisons,
anonymity, the PDF."""

import io

import pytest
from django.urls import reverse

from core.roles import Role
from tests.surveys import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return results_world.build()


def test_campaign_page_shows_rate_distribution_mean_nps_and_texts(world, analyst):
    page = analyst.get(reverse("surveys:results_campaign", args=[world.campaigns["ops"].pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "75.0 %" in html  # 3 of 4 invited
    assert "3 of 4 invited" in html
    assert "How satisfied are you overall?" in html
    assert "mean 4.00 of 5 (75.0 %)" in html
    assert "net promoter score 33" in html
    assert "<svg" in html and 'role="img"' in html  # the charts, next to their tables
    assert "<caption" in html
    assert "Хорошо" in html  # free text is listed
    # Never the name of whoever wrote it.
    assert "Number0" not in html and "Number1" not in html


def test_anonymous_small_campaign_shows_no_figures(world, analyst):
    html = analyst.get(
        reverse("surveys:results_campaign", args=[world.campaigns["STU-2"].pk])
    ).content.decode()
    assert "hidden to protect anonymity" in html
    assert "How good is the teaching?" not in html
    assert "Comment" not in html  # not even their written answers


def test_survey_page_compares_years_and_organizations_and_hides_small_groups(world, analyst):
    url = reverse("surveys:results_survey", args=[world.surveys["student"].pk])
    html = analyst.get(url).content.decode()
    assert "Year by year" in html
    assert "By organization" in html
    assert "Alpha University" in html
    assert "Beta College" in html
    assert "fewer than 5 answers — hidden to protect anonymity" in html
    # Filtered down to the small group: nothing shows.
    only_b = analyst.get(url, {"organization": world.organizations[1].pk}).content.decode()
    assert "Fewer than 5 answers: the figures are hidden to protect anonymity." in only_b
    # A filter that is not understood is ignored, never a 500.
    assert analyst.get(url, {"year": "abc", "organization": "x", "key": "<script>"}).status_code == 200


def test_survey_page_compares_experts(world, analyst):
    html = analyst.get(reverse("surveys:results_survey", args=[world.surveys["eec"].pk])).content.decode()
    assert "By expert" in html
    assert "One Expert" in html and "4.50" in html


def test_results_index_lists_surveys_and_campaigns(world, analyst):
    html = analyst.get(reverse("surveys:results")).content.decode()
    assert reverse("surveys:results_survey", args=[world.surveys["student"].pk]) in html
    assert reverse("surveys:results_campaign", args=[world.campaigns["ops"].pk]) in html


def test_campaign_pdf_is_a_real_pdf_with_the_questions(world, analyst):
    from pypdf import PdfReader

    response = analyst.get(reverse("surveys:results_campaign_pdf", args=[world.campaigns["ops"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "How satisfied are you overall?" in text
    assert "OPS-1" in text
    assert "Number0" not in text


def test_survey_pdf_keeps_small_groups_hidden(world, analyst):
    from pypdf import PdfReader

    response = analyst.get(reverse("surveys:results_survey_pdf", args=[world.surveys["student"].pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "How good is the teaching?" in text
    assert "hidden to protect anonymity" in text


def test_people_without_the_right_cannot_read_results(world, client_as):
    client = client_as(Role.COORDINATOR)
    assert (
        client.get(reverse("surveys:results_campaign", args=[world.campaigns["ops"].pk])).status_code == 403
    )
    assert client.get(reverse("surveys:results_survey", args=[world.surveys["eo"].pk])).status_code == 403
