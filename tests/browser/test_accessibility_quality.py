"""The audit, improvement, KPI and purchasing pages against axe-core's WCAG 2.1 A and AA rules, as the people who
use them, on the demo's year of audits and corrective actions, at a desktop and a phone width.
A serious or critical violation fails the test, every one listed."""

from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from audits.models import Audit
from improvement.models import CorrectiveAction, Risk, Supplier

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


def test_audit_and_improvement_pages_pass_axe_wcag_21_aa(browser, live_server):
    call_command("seed_demo")
    User = get_user_model()
    report = []
    contexts = {}
    try:
        for name, username, path in _pages():
            if username not in contexts:
                # The pages' Content-Security-Policy allows no injected script; axe must be injected.
                context = browser.new_context(bypass_csp=True, locale="en-US")
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
