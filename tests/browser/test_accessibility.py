"""The public pages against axe-core's WCAG 2.1 A and AA rules, in English and in Russian.

Each page is opened as an anonymous visitor whose language cookie is set as the language
switcher sets it, at a desktop and at a phone width (a table that scrolls sideways on a phone
must still be reachable by keyboard); axe (vendored in vendor/axe-core/) is injected into the
page and run. A serious or critical violation fails the test, every one listed with its rule,
impact, element and help. Each page must also have one <h1>, a <title>, a description and an
og:title that names the page, so that search engines and shared links show what the page is.
"""

import pytest
from django.conf import settings
from django.utils import timezone

from .conftest import AXE

pytestmark = pytest.mark.browser

# WCAG 2.0 and 2.1, levels A and AA. axe's best-practice rules (heading order, landmarks,
# one main, page-has-heading-one) run too: they catch what a screen-reader user trips over.
# Most of those are "moderate" and so do not fail the test; the pages had none of any impact
# when this was written. No rule is excluded.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
WIDTHS = {"desktop": 1366, "phone": 390}
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def _public_document(make_person, director) -> None:
    """A public policy in force, through the document route: registered, agreed, approved."""
    from core.roles import Role
    from demo.walkthrough import pdf_upload
    from documents import services
    from documents.models import Document
    from tests.factories import PASSWORD

    owner = make_person(Role.LEGAL_HEAD, Role.STAFF, username="legal")
    reviewer = make_person(Role.STAFF, username="reviewer")
    document = services.document_create(
        actor=owner,
        owner=owner,
        title="Quality assurance policy",
        title_ru="Политика в области обеспечения качества",
        doc_type=Document.Type.POLICY,
        upload=pdf_upload("policy.pdf", "Quality assurance policy"),
        change_summary="First edition",
        confidentiality=Document.Confidentiality.PUBLIC,
    )
    version = document.versions.get()
    services.version_submit(version=version, actor=owner, reviewers=[reviewer])
    services.step_decide(step=version.steps.get(), actor=reviewer, decision="agreed", password=PASSWORD)
    services.version_approve(
        version=version, actor=director, password=PASSWORD, effective_from=timezone.localdate()
    )


def _pages(world) -> list[tuple[str, str, int]]:
    """Each public page: its name in the report, its address and the status it answers with."""
    certificate = world.certificate
    return [
        ("home", "/", 200),
        ("registry", "/registry/", 200),
        ("registry, nothing found", "/registry/?q=zzqxw+nowhere", 200),
        ("organization", f"/registry/organizations/{world.organization.iaar_id}/", 200),
        ("programme", f"/registry/programmes/{certificate.programme_id}/", 200),
        ("certificate check", "/registry/verify/", 200),
        ("certificate check, valid", certificate.verify_path(), 200),
        ("certificate check, not found", "/registry/verify/XX-0000-0000/", 404),
        ("public documents", "/documents/public/", 200),
        ("sign in", "/accounts/login/", 200),
    ]


def _problems(page) -> tuple[list[str], dict]:
    """Serious and critical axe violations, and missing page furniture, one line each."""
    page.add_script_tag(path=str(AXE))
    problems = []
    for violation in page.evaluate(AXE_RUN, AXE_TAGS):
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        for node in violation["nodes"]:
            problems.append(
                f"{violation['id']} ({violation['impact']}) at {node['target']}: {violation['help']}"
                f" — {node['summary'].splitlines()[-1].strip()} [{violation['url']}]"
            )
    head = page.evaluate(
        """() => ({
          h1: document.querySelectorAll("h1").length,
          title: document.title.trim(),
          description: document.querySelector('meta[name="description"]')?.content?.trim() || "",
          ogTitle: document.querySelector('meta[property="og:title"]')?.content?.trim() || "",
          lang: document.documentElement.lang,
        })"""
    )
    if head["h1"] != 1:
        problems.append(f"{head['h1']} <h1> elements instead of one")
    for name in ("title", "description", "ogTitle"):
        if not head[name]:
            problems.append(f"no {name}")
    if not head["title"].startswith(head["ogTitle"]):
        problems.append(f"og:title {head['ogTitle']!r} does not name the page {head['title']!r}")
    return problems, head


@pytest.mark.parametrize("language", ["en", "ru"])
def test_public_pages_pass_axe_wcag_21_aa(browser, live_server, published_registry, make_person, language):
    _public_document(make_person, published_registry.director)
    context = browser.new_context(
        # The pages' Content-Security-Policy allows no injected script; axe must be injected.
        bypass_csp=True,
        locale={"en": "en-US", "ru": "ru-RU"}[language],
    )
    # The language switcher's cookie. Without i18n_patterns, LocaleMiddleware takes the
    # language from this cookie, then from Accept-Language (set by the locale), then LANGUAGE_CODE.
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    report = []
    try:
        for width, pixels in WIDTHS.items():
            page.set_viewport_size({"width": pixels, "height": 900})
            for name, path, status in _pages(published_registry):
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == status, f"{name}: {path} answered {response.status}"
                problems, head = _problems(page)
                if head["lang"] != language:
                    problems.append(f'<html lang="{head["lang"]}">, not {language}')
                report += [f"{name}, {width} ({path}): {problem}" for problem in problems]
    finally:
        context.close()
    assert not report, f"{len(report)} accessibility problems in {language}:\n" + "\n".join(report)
