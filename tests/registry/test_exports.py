"""Lists as files: the registry's export and the API's ?format=csv / ?format=xlsx.

Whole filtered lists (never one page), filters applied, nothing unpublished, cells that open
safely in a spreadsheet.
"""

import csv
import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.pagination import PageNumberPagination

from accreditation.models import Organization

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REGISTRY_HEADER = [
    "Certificate number",
    "IAAR ID",
    "Organization",
    "Programme code",
    "Programme",
    "Kind",
    "Level",
    "Decision",
    "Years",
    "Decision date",
    "Valid from",
    "Valid until",
    "Status",
    "Organization page",
]


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _xlsx(response) -> list[list]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _stamp() -> str:
    return timezone.localdate().isoformat()


# ---------------------------------------------------------------------------------------------
# /registry/export.csv and /registry/export.xlsx


def test_the_registry_exports_what_it_shows_as_csv(client, registry_world, cast):
    programme, college, hidden = (registry_world[k] for k in ("programme", "college", "hidden"))
    response = client.get(reverse("registry:export", args=["csv"]))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="iaar-registry-{_stamp()}.csv"'
    rows = _csv(response)
    assert rows[0] == REGISTRY_HEADER
    by_number = {row[0]: dict(zip(REGISTRY_HEADER, row, strict=True)) for row in rows[1:]}
    assert set(by_number) == {programme.number, college.number}  # not the unpublished one
    assert hidden.number not in by_number
    row = by_number[programme.number]
    assert row["IAAR ID"] == cast.organization.iaar_id
    assert row["Organization"] == "Eurasian Tech University"
    assert (row["Programme code"], row["Programme"]) == ("6B06101", "Information systems")
    assert (row["Kind"], row["Level"]) == ("Specialized (programme)", "Higher education")
    assert (row["Decision"], row["Years"]) == ("Accredit", "5")
    assert row["Decision date"] == programme.decision.decided_on.isoformat()
    assert row["Valid from"] == programme.valid_from.isoformat()
    assert row["Valid until"] == programme.valid_until.isoformat()
    assert row["Status"] == "Valid"
    page = f"http://testserver/registry/organizations/{cast.organization.iaar_id}/"
    assert row["Organization page"] == page
    assert client.get(page).status_code == 200
    college_row = by_number[college.number]
    assert college_row["Status"] == "Expired" and college_row["Programme code"] == ""
    assert college_row["Valid until"] == datetime.date(2020, 1, 1).isoformat()
    assert college_row["Level"] == "Technical and vocational education (TVET)"


FILTERS = [
    ({"status": "valid"}, {"programme"}),
    ({"status": "expired"}, {"college"}),
    ({"status": "revoked"}, set()),
    ({"kind": "institutional"}, {"college"}),
    ({"level": "higher"}, {"programme"}),
    ({"q": "steppe"}, {"college"}),
    ({"q": "6B06101"}, {"programme"}),
    ({"q": "hidden academy"}, set()),
    ({"country": "KZ", "page": "2", "sort": "-valid_until"}, {"programme", "college"}),  # every page
    ({"status": "nonsense", "year": "abc"}, {"programme", "college"}),  # ignored, as on the page
]


def test_the_registry_export_applies_the_pages_filters(client, registry_world):
    for query, expected in FILTERS:
        for fmt, read in (("csv", _csv), ("xlsx", _xlsx)):
            rows = read(client.get(reverse("registry:export", args=[fmt]), query))
            assert {row[0] for row in rows[1:]} == {registry_world[k].number for k in expected}, (fmt, query)


def test_the_registry_export_as_xlsx(client, registry_world, cast):
    programme = registry_world["programme"]
    response = client.get(reverse("registry:export", args=["xlsx"]), {"sort": "-valid_until"})
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == f'attachment; filename="iaar-registry-{_stamp()}.xlsx"'
    rows = _xlsx(response)
    assert rows[0] == REGISTRY_HEADER
    assert [row[0] for row in rows[1:]] == [programme.number, registry_world["college"].number]
    row = dict(zip(REGISTRY_HEADER, rows[1], strict=True))
    assert row["Years"] == 5  # numbers and dates are typed cells
    assert row["Valid until"].date() == programme.valid_until
    assert row["Status"] == "Valid" and row["Organization"] == "Eurasian Tech University"


def test_the_registry_export_is_safe_in_a_spreadsheet(client, registry_world, cast):
    Organization.objects.filter(pk=cast.organization.pk).update(name='=HYPERLINK("http://evil")\x0b')
    rows = _csv(client.get(reverse("registry:export", args=["csv"]), {"q": "6B06101"}))
    assert rows[1][2].startswith("'=HYPERLINK")  # shown as text, never run as a formula
    rows = _xlsx(client.get(reverse("registry:export", args=["xlsx"]), {"q": "6B06101"}))
    assert rows[1][2] == '\'=HYPERLINK("http://evil")'  # the control character is dropped


def test_nothing_unpublished_is_exported(client, cast):
    from accreditation.models import AccreditationProject
    from demo.walkthrough import drive

    drive(cast.project, cast, AccreditationProject.Status.DECIDED)
    assert _csv(client.get(reverse("registry:export", args=["csv"]))) == [REGISTRY_HEADER]
    assert _xlsx(client.get(reverse("registry:export", args=["xlsx"]))) == [REGISTRY_HEADER]
    assert client.get("/registry/export.pdf").status_code == 404


def test_the_registry_export_speaks_the_visitors_language(client, db):
    from django.utils import translation

    with translation.override("ru"):
        expected = [translation.gettext(title) for title in REGISTRY_HEADER]
    rows = _csv(client.get(reverse("registry:export", args=["csv"]), HTTP_ACCEPT_LANGUAGE="ru"))
    assert rows[0] == expected and rows[0][0] == "Номер свидетельства"


# ---------------------------------------------------------------------------------------------
# The API: ?format=csv and ?format=xlsx


def test_api_lists_export_the_whole_filtered_list(client, registry_world, monkeypatch):
    monkeypatch.setattr(PageNumberPagination, "page_size", 1)  # JSON: one per page
    assert len(client.get("/api/v1/certificates/").json()["results"]) == 1
    response = client.get("/api/v1/certificates/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="iaar-certificates-{_stamp()}.csv"'
    rows = _csv(response)
    assert rows[0] == [
        "number",
        "institution",
        "programme",
        "agency_activity",
        "status",
        "valid_from",
        "valid_to",
        "report",
        "verify_url",
    ]
    numbers = {row[0]: row for row in rows[1:]}
    assert set(numbers) == {registry_world["programme"].number, registry_world["college"].number}
    assert numbers[registry_world["college"].number][4] == "expired"
    assert numbers[registry_world["college"].number][2] == ""  # no programme: an empty cell
    filtered = _csv(client.get("/api/v1/certificates/", {"format": "csv", "agency_activity": "specialized"}))
    assert [row[0] for row in filtered[1:]] == [registry_world["programme"].number]
    institutions = _xlsx(client.get("/api/v1/institutions/", {"format": "xlsx", "city": "astana"}))
    assert institutions[0][:2] == ["id", "name_official"]
    assert [row[1] for row in institutions[1:]] == ["Steppe College"]  # not the unpublished academy


def test_api_exports_flatten_nested_values(client, registry_world, cast):
    rows = _csv(client.get("/api/v1/reports/", {"format": "csv", "project__kind": "specialized"}))
    report = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2 and report["agency"] == "IAAR"
    assert report["institutions"] == cast.organization.iaar_id and report["programmes"] == "6B06101"
    files = report["files"].split("; ")  # a list of files: their addresses
    assert len(files) == 2 and all(f.startswith("http://testserver/registry/files/") for f in files)
    assert all(client.get(f).status_code == 200 for f in files)
    book = _xlsx(client.get("/api/v1/programmes/", {"format": "xlsx"}))
    programme = dict(zip(book[0], book[1], strict=True))
    assert programme["languages"] == "ru" and programme["code"] == "6B06101"
    assert programme["id"] == cast.programme.pk


def test_api_export_of_one_object_and_of_nothing(client, registry_world, cast):
    number = registry_world["programme"].number
    rows = _csv(client.get(f"/api/v1/certificates/{number}/", {"format": "csv"}))
    assert len(rows) == 2 and rows[1][0] == number
    empty = _csv(client.get("/api/v1/certificates/", {"format": "csv", "institution": "nobody"}))
    assert empty == [empty[0]] and empty[0][0] == "number"
    book = _xlsx(client.get("/api/v1/reports/", {"format": "xlsx", "decision__outcome": "refuse"}))
    assert book == [book[0]] and book[0][0] == "id"


def test_api_export_errors_are_explained_in_json(client, registry_world, settings):
    bad = client.get("/api/v1/certificates/", {"format": "csv", "valid_on": "not-a-date"})
    assert bad.status_code == 400 and bad["Content-Type"] == "application/json"
    assert "valid_on" in bad.json() and "Content-Disposition" not in bad
    missing = client.get("/api/v1/certificates/NO-SUCH/", {"format": "xlsx"})
    assert missing.status_code == 404 and missing["Content-Type"] == "application/json"
    settings.IAAR_EXPORT_MAX_ROWS = 1
    response = client.get("/api/v1/certificates/", {"format": "xlsx"})
    assert response.status_code == 400 and "Content-Disposition" not in response
    assert response.json()["detail"] == (
        "The list has 2 rows, more than the 1 an export may hold. Narrow it down with filters."
    )
    narrowed = client.get("/api/v1/certificates/", {"format": "xlsx", "agency_activity": "specialized"})
    assert narrowed.status_code == 200
    assert client.get("/api/v1/certificates/").status_code == 200  # JSON pages are not limited


def test_the_schema_describes_the_files_and_generates_without_warnings(client, db, tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/certificates/"]["get"]
    formats = next(p for p in operation["parameters"] if p["name"] == "format")["schema"]["enum"]
    assert set(formats) == {"json", "csv", "xlsx"}
    content = operation["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("PaginatedCertificateList")
    assert content["text/csv"]["schema"] == {"type": "string", "format": "binary"}
    assert content[XLSX]["schema"] == {"type": "string", "format": "binary"}
