"""Headless Chromium (Debian's package) driven by Playwright against the live test server."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the
# test body are still plain synchronous code, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(
    os.environ.get("IAAR_SCREENSHOTS", Path(__file__).resolve().parents[2] / "var" / "screenshots")
)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US", is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def sign_in(live_server, password):
    def go(page, username: str) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/dashboard/")

    return go


@pytest.fixture
def browser_of(browser, live_server, sign_in):
    """A browser of one's own: a new context per person, signed in through the login form."""
    contexts = []

    def open_for(username: str):
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page, username)
        return page

    yield open_for
    for context in contexts:
        context.close()


@pytest.fixture
def shot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def published_registry(cast):
    """What a visitor finds in the public registry, made with the real services: the cast's
    programme accreditation carried through the council to a published decision, its EEC report
    and a signed certificate, among twenty benchmark organizations: more than a page of them."""
    from accreditation import services
    from accreditation.models import AccreditationProject
    from demo.accreditation import seed_scale
    from demo.walkthrough import drive

    services.organization_update(
        organization=cast.organization, actor=cast.pm, name_ru="Евразийский технологический университет"
    )
    project = drive(cast.project, cast, AccreditationProject.Status.POST_MONITORING)
    seed_scale(20, owner=cast.secretary)
    cast.project = project
    cast.certificate = project.certificates.get()
    return cast
