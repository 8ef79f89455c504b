"""The audit, improvement, KPI, purchasing, survey and management review pages against axe-core's WCAG 2.1 A and
AA rules, as the people who use them, on the demo's year of audits and corrective actions, its two years of
survey campaigns and last year's management review, at a desktop and a phone width; and the public survey
summaries as an anonymous visitor sees them. A serious or critical violation fails the test, every one listed."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from audits.models import Audit
from improvement.models import CorrectiveAction, ManagementReview, Risk, Supplier
from surveys.models import Campaign, Survey

from .conftest import AXE
from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS, WIDTHS

pytestmark = pytest.mark.browser


def _pages() -> list[tuple[str, str, str]]:
    closed = Audit.objects.get(number="IA-2025-01")
    running = Audit.objects.get(number="IA-2026-01")
    reopened = CorrectiveAction.objects.get(reopened__gt=0)
    analysing = CorrectiveAction.objects.get(step="root_cause")
    risk = Risk.objects.filter(actions__isnull=False).first()
    return [
        ("quality board", "director", "/improvement/board/"),
        ("internal audits", "qms", "/audits/"),
        ("audit programme", "qms", f"/audits/programmes/{running.year}/"),
        ("audit, closed", "director", closed.get_absolute_url()),
        ("audit, in progress (leader)", "auditor2", running.get_absolute_url()),
        ("audit report", "director", f"/audits/{closed.pk}/report/"),
        ("nonconformities", "qms", "/improvement/nonconformities/"),
        ("corrective actions", "qms", "/improvement/capa/"),
        ("corrective action, reopened", "qms", reopened.get_absolute_url()),
        ("corrective action, root cause form", "pm", analysing.get_absolute_url()),
        ("my actions", "pm", "/improvement/actions/"),
        ("risk with preventive actions", "qms", risk.get_absolute_url()),
        ("KPI report", "director", "/improvement/kpis/"),
        ("KPI report with the targets form", "qms", "/improvement/kpis/"),
        ("suppliers", "qms", "/improvement/suppliers/"),
        ("supplier with contracts", "qms", Supplier.objects.order_by("pk").first().get_absolute_url()),
    ]


def _survey_and_review_pages() -> list[tuple[str, str, str]]:
    """The survey builder, campaigns, results and public summaries; KPI reports and the
    management review. ``None`` for the person: an anonymous visitor."""
    survey = Survey.objects.filter(anonymous=True, versions__campaigns__responses__isnull=False).first()
    version = survey.versions.order_by("-pk").first()
    anonymous = Campaign.objects.filter(public_token__isnull=False, responses__isnull=False).first()
    named = Campaign.objects.filter(invitations__isnull=False).first()
    published = Campaign.objects.filter(summary_published_at__isnull=False).first()
    signed = ManagementReview.objects.filter(order_signed_at__isnull=False).first()
    planned = ManagementReview.objects.filter(status=ManagementReview.Status.PLANNED).first()
    return [
        ("surveys", "qms", "/surveys/"),
        ("survey", "qms", survey.get_absolute_url()),
        ("survey version", "qms", f"/surveys/versions/{version.pk}/"),
        ("survey campaigns", "qms", "/surveys/campaigns/"),
        ("campaign, anonymous with a public link", "qms", anonymous.get_absolute_url()),
        ("campaign, named invitations", "qms", named.get_absolute_url()),
        ("survey results", "director", "/surveys/results/"),
        ("campaign results", "qms", f"/surveys/campaigns/{anonymous.pk}/results/"),
        ("survey results across years", "director", f"/surveys/{survey.pk}/results/"),
        ("public summary form", "qms", f"/surveys/campaigns/{anonymous.pk}/summary/"),
        ("KPI reports", "director", "/improvement/kpis/reports/"),
        ("management reviews", "qms", "/improvement/reviews/"),
        ("management review, order signed", "director", signed.get_absolute_url()),
        ("management review, as the IQAS owner", "qms", signed.get_absolute_url()),
        ("management review, planned (its forms)", "qms", planned.get_absolute_url()),
        ("plan a management review", "qms", "/improvement/reviews/new/"),
        ("published survey summaries", None, "/surveys/published/"),
        ("published survey summary", None, f"/surveys/published/{published.pk}/"),
    ]


def test_audit_and_improvement_pages_pass_axe_wcag_21_aa(seeded_demo, browser, live_server):
    _axe_check(browser, live_server, _pages())


def test_survey_kpi_report_and_review_pages_pass_axe_wcag_21_aa(seeded_demo, browser, live_server):
    _axe_check(browser, live_server, _survey_and_review_pages())


def _axe_check(browser, live_server, pages: list[tuple[str, str | None, str]]) -> None:
    """Each page as its person (None: not signed in) at each width: axe's serious and critical
    violations and a missing or second <h1>, all listed."""
    User = get_user_model()
    report = []
    contexts = {}
    try:
        for name, username, path in pages:
            if username not in contexts:
                # The pages' Content-Security-Policy allows no injected script; axe must be injected.
                context = browser.new_context(bypass_csp=True, locale="en-US")
                if username is not None:
                    key = _session_key(User.objects.get(username=username))
                    context.add_cookies(
                        [{"name": settings.SESSION_COOKIE_NAME, "value": key, "url": live_server.url}]
                    )
                contexts[username] = context.new_page()
            page = contexts[username]
            page.set_default_timeout(15_000)
            for width, pixels in WIDTHS.items():
                page.set_viewport_size({"width": pixels, "height": 900})
                response = page.goto(f"{live_server.url}{path}")
                assert response.status == 200, f"{name}: {path} answered {response.status}"
                page.add_script_tag(path=str(AXE))
                for violation in page.evaluate(AXE_RUN, AXE_TAGS):
                    if violation["impact"] in FAILING_IMPACTS:
                        report += [
                            f"{name}, {width} ({path}): {violation['id']} ({violation['impact']}) at "
                            f"{node['target']}: {violation['help']}"
                            for node in violation["nodes"]
                        ]
                headings = page.evaluate('() => document.querySelectorAll("h1").length')
                if headings != 1:
                    report.append(f"{name}, {width}: {headings} <h1> elements instead of one")
    finally:
        for page in contexts.values():
            page.context.close()
    assert not report, f"{len(report)} accessibility problems:\n" + "\n".join(report)


def _session_key(user) -> str:
    """Signed in as the person, without the sign-in form (the flows test that)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key
