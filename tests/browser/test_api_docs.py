"""The API docs page renders under the portal's strict Content-Security-Policy, from our own
files only, and its "Try it out" reaches the API."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OPERATIONS = [
    "/api/v1/certificates/",
    "/api/v1/certificates/{number}/",
    "/api/v1/institutions/",
    "/api/v1/institutions/{iaar_id}/",
    "/api/v1/programmes/",
    "/api/v1/programmes/{id}/",
    "/api/v1/reports/",
    "/api/v1/reports/{id}/",
]


def test_the_api_docs_list_every_operation_without_a_csp_complaint(page, live_server, db, shot):
    problems, elsewhere = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda r: None if r.url.startswith(live_server.url) else elsewhere.append(r.url))
    page.goto(f"{live_server.url}/api/docs/")

    expect(page.get_by_role("heading", name="IAAR registry API")).to_be_visible()
    paths = page.locator(".opblock-summary-path")
    expect(paths).to_have_count(len(OPERATIONS))
    assert sorted(paths.all_inner_texts()) == OPERATIONS
    shot(page, "api-docs")

    certificates = page.locator(".opblock", has=page.locator('[data-path="/api/v1/certificates/"]'))
    certificates.locator(".opblock-summary").click()
    certificates.get_by_role("button", name="Try it out").click()
    certificates.get_by_role("button", name="Execute").click()
    expect(certificates.locator(".live-responses-table tbody .response-col_status")).to_have_text("200")

    assert problems == []  # a refused script, style or connection would be reported here
    assert elsewhere == []  # nothing from a CDN or the online validator
