"""The governance pages of issue 18 and the documents app's external register and records
archive, each as the person who uses it sees it, in Russian, on a desktop (1280 px) and a phone
(390 px): axe-core's WCAG 2.1 A/AA and best-practice rules find nothing serious or critical, and
the page does not scroll sideways on the phone (a wide table scrolls inside its own box)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from .conftest import AXE
from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS
from .test_accessibility_quality import _session_key

pytestmark = pytest.mark.browser


def _pages() -> list[tuple[str, str, str]]:
    """(what, who opens it, path) in the demo agency (the session's seeded demo, read only:
    the people are signed in by a session of their own, not through the form)."""
    from django.urls import reverse

    from documents.models import ExternalDocument
    from governance.models import DirectorOrder, ImplementationPlan, PlanItem, WeeklyMeeting, WorkPlan

    plan = ImplementationPlan.objects.order_by("pk").first()
    workplan = WorkPlan.objects.filter(author__username="pm").order_by("pk").first()
    return [
        ("plan", "qms", reverse("governance:plan_detail", args=[plan.pk])),
        ("plan board", "qms", reverse("governance:plan_board", args=[plan.pk])),
        (
            "plan item",
            "qms",
            reverse("governance:item_detail", args=[PlanItem.objects.filter(plan=plan).first().pk]),
        ),
        ("orders", "director", reverse("governance:order_list")),
        ("order", "director", reverse("governance:order_detail", args=[DirectorOrder.objects.first().pk])),
        ("responsibility matrix", "qms", reverse("governance:responsibility_matrix")),
        ("work plans", "pm", reverse("governance:workplan_list")),
        ("work plan", "pm", reverse("governance:workplan_detail", args=[workplan.pk])),
        ("weekly meetings", "director", reverse("governance:weekly_list")),
        (
            "weekly meeting",
            "director",
            reverse("governance:weekly_detail", args=[WeeklyMeeting.objects.first().pk]),
        ),
        ("external documents", "qms", reverse("documents:external_list")),
        (
            "external document",
            "qms",
            reverse("documents:external_detail", args=[ExternalDocument.objects.first().pk]),
        ),
        ("records", "qms", reverse("documents:records")),
        ("records archive", "qms", reverse("documents:archive_due")),
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_governance_pages_pass_axe_in_russian(seeded_demo, browser, live_server, shot, width):
    User = get_user_model()
    pages = _pages()
    report = []
    contexts = {}
    try:
        for name, username, path in pages:
            if username not in contexts:
                context = browser.new_context(
                    bypass_csp=True,  # the pages' Content-Security-Policy allows no injected script
                    locale="ru-RU",
                    viewport={"width": width, "height": 900},
                    is_mobile=width < 600,
                )
                context.add_cookies(
                    [
                        {"name": settings.LANGUAGE_COOKIE_NAME, "value": "ru", "url": live_server.url},
                        {
                            "name": settings.SESSION_COOKIE_NAME,
                            "value": _session_key(User.objects.get(username=username)),
                            "url": live_server.url,
                        },
                    ]
                )
                page = context.new_page()
                page.set_default_timeout(15_000)
                contexts[username] = (context, page)
            page = contexts[username][1]
            response = page.goto(f"{live_server.url}{path}")
            if response.status != 200:
                report.append(f"{name} ({path}) as {username}: HTTP {response.status}")
                continue
            shot(page, f"governance-{name.replace(' ', '-')}-{width}")
            page.add_script_tag(path=str(AXE))
            for v in page.evaluate(AXE_RUN, AXE_TAGS):
                if v["impact"] in FAILING_IMPACTS:
                    report += [
                        f"{name} ({path}): {v['id']} at {n['target']}: {n['summary']}" for n in v["nodes"]
                    ]
            lang = page.evaluate("document.documentElement.lang")
            if lang != "ru":
                report.append(f"{name}: <html lang={lang!r}>, not ru")
            # against the width asked for: a phone's layout viewport widens to fit the content
            sideways = page.evaluate("document.documentElement.scrollWidth") - width
            if sideways > 1:
                report.append(f"{name} ({path}): the page scrolls sideways by {sideways} px")
    finally:
        for context, _page in contexts.values():
            context.close()
    assert not report, f"{len(report)} problems at {width} px:\n" + "\n".join(report)
