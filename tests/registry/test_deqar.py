"""DEQAR: the vocabulary on the API, the submission export, and the opt-in submission task
end to end against a stand-in of DEQAR's submission endpoint."""

import csv
import io
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from celery.exceptions import Retry
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accreditation import services
from accreditation.models import AccreditationProject, Publication
from demo.walkthrough import drive
from registry import deqar
from registry.tasks import deqar_submit

S = AccreditationProject.Status
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TOKEN = "stand-in-token"


URL = re.compile(r"^https?://[^\s/]+\S*$")
QF_EHEA = ("short cycle", "first cycle", "second cycle", "third cycle", "0", "1", "2", "3")
DEGREE_OUTCOMES = (1, "1", "yes", "full degree", 2, "2", "no", "no full degree")


def _blanks(value, path="") -> list[str]:
    """DEQAR's serializers refuse "" and null for a field (``This field may not be blank.``)."""
    if value in ("", None):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _blanks(v, f"{path}.{k}".lstrip("."))]
    if isinstance(value, list):
        return [p for n, v in enumerate(value) for p in _blanks(v, f"{path}[{n}]")]
    return []


def _problems(report: dict) -> dict:
    """What DEQAR's submission API refuses, as its serializers say (EQAR/eqar_backend,
    submissionapi/serializers/submisson_serializers.py and serializer_fields/)."""
    errors = {}
    for path in _blanks(report):
        errors[path] = "This field may not be blank."
    for key in ("agency", "report_id", "status", "decision", "valid_from", "date_format"):
        if key in report and not isinstance(report[key], str):
            errors[key] = f"Incorrect type. Expected a string, but got {type(report[key]).__name__}"
    if not report.get("agency"):
        errors["agency"] = "This field is required."
    if not report.get("date_format"):
        errors["date_format"] = "This field is required."
    if not DATE.match(str(report.get("valid_from", ""))) or (
        report.get("valid_to") and not DATE.match(str(report["valid_to"]))
    ):
        errors["valid_from"] = "Date format string is not applicable to the submitted date."
    if report.get("status") not in deqar.STATUS_VALUES:
        errors["status"] = "Please provide valid Report Status."
    if report.get("decision") not in deqar.DECISION_VALUES:
        errors["decision"] = "Please provide valid Report Decision."
    if not (report.get("activity") or report.get("activity_local_identifier")):
        errors["activity"] = (
            "Either ESG Activity ID, ESG Activity text or ESG Activity local identifier is needed."
        )
    if not report.get("local_identifier"):  # optional for DEQAR, but our updates rely on it
        errors["local_identifier"] = "This field is required."
    for link in report.get("report_links") or []:
        if set(link) - {"link", "link_display_name"} or not URL.match(str(link.get("link", ""))):
            errors["report_links"] = "Enter a valid URL."
        elif len(link["link"]) > 255 or len(link.get("link_display_name", "")) > 200:
            errors["report_links"] = "Ensure this field has no more than 255 characters."
    institutions = report.get("institutions") or []
    if not institutions or not all(
        i.get("deqar_id") or i.get("eter_id") or i.get("identifiers") for i in institutions
    ):
        errors["institutions"] = (
            "This report cannot be linked to an institution. "
            "It is missing either a valid ETER ID, DEQAR ID, or local identifier."
        )
    programmes = report.get("programmes") or []
    if report.get("activity_local_identifier") in ("specialized", "primary_specialized") and not programmes:
        errors["programmes"] = "Please provide at least one programme with this particular Activity type."
    for p in programmes:
        if not p.get("name_primary") or not (p.get("qf_ehea_level") or p.get("nqf_level")):
            errors["programmes"] = (
                "Please provide the programmes with their names and QF-EHEA levels (or NQF levels)."
            )
        elif p.get("qf_ehea_level") and p["qf_ehea_level"] not in QF_EHEA:
            errors["programmes"] = "Please provide valid QF EHEA level."
        elif p.get("degree_outcome", 1) not in DEGREE_OUTCOMES:
            errors["programmes"] = "Please provide valid degree_outcome value."
        elif p.get("degree_outcome") in (2, "2", "no", "no full degree") and not p.get("workload_ects"):
            errors["programmes"] = (
                "ECTS credits are required, when degree_outcome field is 'false / no full degree'."
            )
        elif p.get("degree_outcome") in (2, "2", "no", "no full degree") and not p.get(
            "assessment_certification"
        ):
            errors["programmes"] = (
                "Assessment information is required, when degree_outcome field is 'false / no full degree'."
            )
        elif p.get("field_study") and not re.match(r"^[0-9]{1,4}$", str(p["field_study"])):
            errors["programmes"] = "Either full ESCO URI or max. 4-digit ISCED-F number needed."
    files = report.get("report_files") or []
    if not files or not all(
        URL.match(str(f.get("original_location", "")))
        and f.get("report_language")
        and all(isinstance(code, str) and len(code) in (2, 3) for code in f["report_language"])
        for f in files
    ):
        errors["report_files"] = "Please provide at least one report file with its languages."
    return errors


class StandIn:
    """DEQAR's submission endpoint in miniature: reports by id, keyed by local identifier."""

    def __init__(self):
        self.reports: dict[int, dict] = {}
        self.posts = 0
        self.fail_next = 0  # answer 503 this many times
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/submissionapi/v1/submit/report"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                stand_in.posts += 1
                if stand_in.fail_next:
                    stand_in.fail_next -= 1
                    return self._answer(503, {"detail": "Service unavailable"})
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._answer(401, {"detail": "Invalid token."})
                report = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                errors = _problems(report)
                if errors:
                    return self._answer(400, {"submission_status": "errors", "errors": errors})
                known = next(
                    (
                        pk
                        for pk, r in stand_in.reports.items()
                        if r["local_identifier"] == report["local_identifier"]
                    ),
                    None,
                )
                if report.get("report_id") and report["report_id"] != str(known):
                    return self._answer(400, {"errors": {"report_id": "Report ID does not match."}})
                pk = known or len(stand_in.reports) + 1001
                stand_in.reports[pk] = report
                return self._answer(
                    200,
                    {
                        "submission_status": "success",
                        "submitted_report": {"id": pk},
                        "sanity_check_status": "success",
                    },
                )

        return Handler


@pytest.fixture(scope="module")
def stand_in():
    server = StandIn()
    yield server
    server.server.shutdown()


@pytest.fixture
def endpoint(stand_in, settings):
    stand_in.reports.clear()
    stand_in.posts = 0
    stand_in.fail_next = 0
    settings.DEQAR_SUBMISSION_URL = stand_in.url
    settings.DEQAR_SUBMISSION_TOKEN = TOKEN
    return stand_in


def _publish(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        project = drive(cast.project, cast, S.POST_MONITORING)
    return Publication.objects.get(project=project)


def _staff_page(client, cast, publication):
    client.force_login(cast.pm)
    return client.get(reverse("accreditation:project_detail", args=[publication.project_id])).content.decode()


def test_a_published_decision_is_reported_once_and_updated_never_duplicated(
    client, cast, endpoint, django_capture_on_commit_callbacks
):
    publication = _publish(cast, django_capture_on_commit_callbacks)
    publication.refresh_from_db()
    assert publication.deqar_report_id == 1001 and publication.deqar_submitted_at
    assert publication.deqar_error == ""
    sent = endpoint.reports[1001]
    assert sent["local_identifier"] == publication.local_identifier
    assert sent["decision"] == "positive" and sent["programmes"][0]["qf_ehea_level"] == "first cycle"
    assert "Reported to DEQAR on" in _staff_page(client, cast, publication)
    client.logout()
    organization_page = client.get(reverse("registry:organization", args=[cast.organization.iaar_id]))
    assert "Reported to DEQAR on" in organization_page.content.decode()

    # A re-run (a re-publication of the same report) is an update of the same DEQAR report.
    publication.summary = "Accredited for five years."
    publication.save()
    deqar_submit.delay(publication.pk)
    publication.refresh_from_db()
    assert list(endpoint.reports) == [1001]
    assert endpoint.reports[1001]["summary"] == "Accredited for five years."
    assert endpoint.reports[1001]["report_id"] == "1001"


def test_a_network_failure_is_retried_until_deqar_answers(cast, endpoint, django_capture_on_commit_callbacks):
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    endpoint.fail_next = 2  # two 503s, then DEQAR answers
    # Each failed attempt asks Celery for a retry with backoff; the worker's re-runs succeed.
    for _attempt in range(2):
        with pytest.raises(Retry):
            deqar_submit.delay(publication.pk)
    publication.refresh_from_db()
    assert publication.deqar_submitted_at is None
    deqar_submit.delay(publication.pk)
    publication.refresh_from_db()
    assert endpoint.posts == 3 and publication.deqar_report_id == 1001
    assert list(endpoint.reports) == [1001]


def test_a_refusal_shows_on_the_report_with_the_endpoints_message(
    client, cast, endpoint, django_capture_on_commit_callbacks
):
    services.programme_save(
        organization=cast.organization,
        actor=cast.pm,
        programme=cast.project.programmes.get(),
        level="additional",  # no QF-EHEA cycle: DEQAR refuses a programme report without one
    )
    publication = _publish(cast, django_capture_on_commit_callbacks)
    publication.refresh_from_db()
    assert publication.deqar_report_id is None and publication.deqar_submitted_at is None
    assert "QF-EHEA" in publication.deqar_error and endpoint.reports == {}
    page = _staff_page(client, cast, publication)
    assert "DEQAR refused the report:" in page and "QF-EHEA levels" in page
    assert (
        'style="' not in page.split("DEQAR refused the report:")[1][:400]
    )  # no inline style: the CSP refuses it


def test_nothing_is_sent_when_no_endpoint_is_configured(cast, stand_in, django_capture_on_commit_callbacks):
    stand_in.posts = 0
    with override_settings(DEQAR_SUBMISSION_URL=""):
        publication = _publish(cast, django_capture_on_commit_callbacks)
    publication.refresh_from_db()
    assert stand_in.posts == 0 and publication.deqar_submitted_at is None


def test_the_export_speaks_deqars_submission_format(cast, django_capture_on_commit_callbacks):
    publication = _publish(cast, django_capture_on_commit_callbacks)
    out = io.StringIO()
    call_command("deqar_export", "--format", "json", stdout=out)
    (report,) = json.loads(out.getvalue())
    assert _problems(report) == {}
    assert report["local_identifier"] == publication.local_identifier
    out = io.StringIO()
    call_command("deqar_export", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 1 and rows[0]["decision"] == "positive"
    assert rows[0]["file[1].report_language[1]"] == "rus"
    assert rows[0]["institution[1].country[1]"] == "KZ"


def test_the_secretary_downloads_the_reports_for_deqar_from_the_project(
    client, cast, make_person, django_capture_on_commit_callbacks
):
    publication = _publish(cast, django_capture_on_commit_callbacks)
    iaar_id = cast.project.organization.iaar_id
    client.force_login(cast.secretary)
    page = client.get(reverse("accreditation:project_detail", args=[publication.project_id])).content.decode()
    link = reverse("registry:deqar_export", args=["json"]) + f"?organization={iaar_id}"
    assert f'href="{link}"' in page
    response = client.get(link)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    (report,) = json.loads(response.content)
    assert _problems(report) == {} and report["local_identifier"] == publication.local_identifier
    rows = list(csv.DictReader(io.StringIO(client.get(link.replace(".json", ".csv")).content.decode())))
    assert len(rows) == 1 and rows[0]["decision"] == "positive"
    assert json.loads(client.get(link.replace(iaar_id, "IAAR-999999")).content) == []
    refused = client.get(reverse("registry:deqar_export", args=["json"]), {"since": "yesterday"})
    assert refused.status_code == 400 and "YYYY-MM-DD" in refused.content.decode()
    # Someone who does not record the council's decisions sees no link and gets 403.
    client.force_login(cast.pm)
    assert f'href="{link}"' not in _staff_page(client, cast, publication)
    assert client.get(link).status_code == 403


def test_the_api_serves_deqars_vocabulary(client, cast, django_capture_on_commit_callbacks):
    services.organization_update(
        organization=cast.organization, actor=cast.pm, eter_id="KZ0099", country="KG", name_en="ETU"
    )
    publication = _publish(cast, django_capture_on_commit_callbacks)
    report = client.get(f"/api/v1/reports/{publication.pk}/").json()
    assert report["local_identifier"] == publication.local_identifier
    assert report["status"] == "voluntary" and report["deqar_decision"] == "positive"
    assert report["crossborder"] is True and report["agency_detail"]["acronym"] == "IAAR"
    assert all(f["report_language"] == ["rus"] and f["display_name"] for f in report["report_files"])
    assert report["institutions_detail"][0]["eter_id"] == "KZ0099"
    institution = client.get(f"/api/v1/institutions/{cast.organization.iaar_id}/").json()
    assert {"identifier": "KZ0099", "resource": "ETER"} in institution["identifiers"]
    assert institution["countries"][0]["country"] == "KG"
    assert institution["qf_ehea_levels"] == ["first cycle"]
    programme = client.get("/api/v1/programmes/").json()["results"][0]
    assert programme["qf_ehea_level"] == "first cycle" and programme["degree_outcome"] is True


def test_staff_enter_deqar_fields_on_the_forms(client, cast):
    client.force_login(cast.pm)
    url = reverse("accreditation:organization_edit", args=[cast.organization.pk])
    data = {
        "name": cast.organization.name,
        "org_type": "university",
        "levels": ["higher"],
        "country": "KZ",
        "eter_id": "bad",
    }
    response = client.post(url, data)
    assert "Give the ETER code" in response.content.decode()
    data.update(eter_id="KZ0042", founded_on="1990-05-01", closed_on="1980-01-01")
    response = client.post(url, data)
    assert "The closure date cannot be before the founding date." in response.content.decode()
    data.update(closed_on="")
    client.post(url, data)
    cast.organization.refresh_from_db()
    assert cast.organization.eter_id == "KZ0042" and str(cast.organization.founded_on) == "1990-05-01"
