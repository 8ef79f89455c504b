"""The responses as CSV and XLSX: one row per response, one column per question key; nothing
that points at a person for an anonymous survey; no formula can run in a spreadsheet."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.roles import Role
from surveys.models import Response
from tests.surveys import results_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return results_world.build()


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response) -> list[list]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_named_campaign_csv_has_a_column_per_key_and_the_respondent(world, analyst):
    response = analyst.get(
        reverse("surveys:results_campaign_export", args=[world.campaigns["ops"].pk, "csv"])
    )
    assert response.status_code == 200
    rows = _csv(response)
    header = rows[0]
    assert header[-6:] == ["overall", "communication", "format", "channels", "recommend", "comment"]
    assert "Respondent" in header
    assert len(rows) == 4
    first = dict(zip(header, rows[1], strict=True))
    assert first["overall"] == "5" and first["channels"] == "E-mail; Web site" and first["format"] == "Online"
    assert first["Date"] == "2025-05-03"
    # The answer that starts with = is quoted: a spreadsheet shows it as text.
    comments = [dict(zip(header, r, strict=True))["comment"] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in comments
    assert not any(c.startswith("=") for c in comments)


def test_named_campaign_xlsx_neutralizes_formulas(world, analyst):
    response = analyst.get(
        reverse("surveys:results_campaign_export", args=[world.campaigns["ops"].pk, "xlsx"])
    )
    rows = _xlsx(response)
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert '\'=HYPERLINK("http://evil")' in cells
    assert not any(cell.startswith("=") for cell in cells)


def test_anonymous_export_has_no_identity_no_day_and_no_arrival_order(world, analyst):
    survey = world.surveys["student"]
    response = analyst.get(reverse("surveys:results_survey_export", args=[survey.pk, "csv"]))
    rows = _csv(response)
    header, body = rows[0], rows[1:]
    assert header == ["Campaign", "Organization", "Month", "teaching", "comment"]
    # STU-2 has three answers only: left out; STU-1 (6) and STU-3 (5) stay.
    assert len(body) == 11
    assert {r[0] for r in body} == {"STU-1", "STU-3"}
    assert {r[2] for r in body} == {"2025-03", "2026-04"}  # the month, never the day
    ids = {str(pk) for pk in Response.objects.values_list("pk", flat=True)}
    text = response.content.decode("utf-8-sig")
    assert not any(pk in text for pk in ids)
    assert "2025-03-10" not in text
    # Within a campaign, rows are in the order of their answers, not the order they came in.
    stu1 = [r for r in body if r[0] == "STU-1"]
    assert stu1 == sorted(stu1)
    assert [r[3] for r in stu1] == ["3", "4", "4", "4", "5", "5"]


def test_anonymous_xlsx_has_no_identity(world, analyst):
    response = analyst.get(
        reverse("surveys:results_campaign_export", args=[world.campaigns["STU-1"].pk, "xlsx"])
    )
    rows = _xlsx(response)
    assert rows[0] == ["Campaign", "Organization", "Month", "teaching", "comment"]
    assert len(rows) == 7


def test_export_of_a_small_anonymous_campaign_is_empty(world, analyst):
    response = analyst.get(
        reverse("surveys:results_campaign_export", args=[world.campaigns["STU-2"].pk, "csv"])
    )
    assert len(_csv(response)) == 1  # the header alone


def test_unknown_format_is_404_and_outsiders_are_refused(world, analyst, client_as):
    assert (
        analyst.get(
            reverse("surveys:results_campaign_export", args=[world.campaigns["ops"].pk, "doc"])
        ).status_code
        == 404
    )
    other = client_as(Role.EXPERT)
    assert (
        other.get(
            reverse("surveys:results_campaign_export", args=[world.campaigns["ops"].pk, "csv"])
        ).status_code
        == 403
    )
