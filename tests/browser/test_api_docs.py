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


@pytest.mark.parametrize("language", ["en", "ru", "kk", "ky"])
def test_the_api_docs_pass_axe_in_every_language_at_desktop_and_phone_width(
    browser, live_server, db, language
):
    from django.conf import settings

    from .conftest import AXE
    from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS, WIDTHS

    context = browser.new_context(bypass_csp=True)  # axe is injected; the page's CSP allows no such script
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    report = []
    try:
        for width, pixels in WIDTHS.items():
            page.set_viewport_size({"width": pixels, "height": 900})
            page.goto(f"{live_server.url}/api/docs/")
            expect(page.locator(".opblock-summary-path")).to_have_count(len(OPERATIONS))
            page.locator(".opblock-summary").first.click()  # one operation open, its parameters shown
            expect(page.get_by_role("button", name="Try it out")).to_be_visible()
            lang = page.evaluate("document.documentElement.lang")
            if lang != language:
                report.append(f'{width}: <html lang="{lang}">')
            page.add_script_tag(path=str(AXE))
            for violation in page.evaluate(AXE_RUN, AXE_TAGS):
                if violation["impact"] in FAILING_IMPACTS:
                    report += [f"{width}: {violation['id']} at {n['target']}" for n in violation["nodes"]]
    finally:
        context.close()
    assert report == []
