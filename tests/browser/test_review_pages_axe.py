"""The follow-up of the EEC's recommendations and the agency's external review, each as the
person who uses it sees it, in Russian, on a desktop (1280 px) and a phone (390 px): axe-core's
WCAG 2.1 A/AA and best-practice rules find nothing serious or critical, and the page does not
scroll sideways on the phone."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from .conftest import AXE
from .test_accessibility import AXE_RUN, AXE_TAGS, FAILING_IMPACTS
from .test_accessibility_quality import _session_key

pytestmark = pytest.mark.browser


def _pages() -> list[tuple[str, str, str]]:
    """(what, who opens it, path) in the demo agency (the session's seeded demo, read only)."""
    from django.urls import reverse

    from accreditation.models import AgendaItem, FollowupItem, FollowupProgress
    from governance.models import AgencyReview, ReviewRecommendation

    review = AgencyReview.objects.get()
    rec = ReviewRecommendation.objects.filter(review=review, owner__username="qms", status="open").first()
    item = FollowupItem.objects.filter(status="open").order_by("pk").first()
    waiting = FollowupProgress.objects.filter(assessment="").first()
    meeting = AgendaItem.objects.filter(
        project__in=FollowupItem.objects.values("project"), state="pending"
    ).get()
    return [
        ("external review register", "qms", reverse("governance:xr_list")),
        ("external review", "qms", reverse("governance:xr_detail", args=[review.pk])),
        ("review facts", "qms", reverse("governance:xr_review_edit", args=[review.pk])),
        ("recommendation action", "qms", reverse("governance:xr_rec_update", args=[rec.pk])),
        ("follow-up", "eo", reverse("accreditation:followup", args=[item.project_id])),
        ("progress form", "eo", reverse("accreditation:followup_report", args=[item.project_id, item.pk])),
        (
            "assessment form",
            "coordinator",
            reverse("accreditation:followup_assess", args=[waiting.item.project_id, waiting.item_id]),
        ),
        ("council meeting", "council", meeting.meeting.get_absolute_url()),
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_follow_up_and_external_review_pages_pass_axe_in_russian(
    seeded_demo, browser, live_server, shot, width
):
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
            shot(page, f"review-{name.replace(' ', '-')}-{width}")
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
