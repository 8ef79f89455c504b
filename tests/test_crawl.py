"""A new user's walk: every demo role follows every link within two clicks of the dashboard.

No page may show its reader a link that answers 403 or 404, no page may answer 5xx, and no page
may carry what the Content-Security-Policy forbids (an inline ``style=`` attribute, an inline
``<script>`` or an ``on…=`` handler): the browser would refuse it and log a console error.

Each role reads in one of Russian, Kazakh and Kyrgyz (in turn), and no page may show it the
portal's stored English (a choice label, a role, a move: see ``tests/english.py``).
"""

import logging
import re
import sys
import time
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.signals import got_request_exception
from django.test import Client

from tests.english import english_on, english_words_on

log = logging.getLogger(__name__)
DASHBOARD = "/dashboard/"
DEPTH = 2
SKIPPED_PREFIXES = ("/accounts/logout/", "/static/", "/media/", "/admin/", "/i18n/")
LANGUAGES = ("ru", "kk", "ky")


# A start tag and its attributes (the crawl reads thousands of pages: a regex, not html.parser).
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(
    r"""<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
)
_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _read(html: str) -> tuple[list[tuple[str, bool]], list[str]]:
    """The links of a page as (href, is a download), and what the CSP would refuse on it."""
    links, refused = [], []
    for match in _TAG.finditer(_COMMENT.sub("", html)):
        tag, raw = match[1].lower(), match[2]
        if tag not in ("a", "script", "style") and "style" not in raw and not _HANDLER.search(raw):
            continue
        attrs = {m[1].lower(): unescape(m[2] or m[3] or m[4] or "") for m in _ATTR.finditer(raw)}
        refused += [f"<{tag} {name}={value!r}>" for name, value in attrs.items() if name.startswith("on")]
        if "style" in attrs:
            refused.append(f"<{tag} style={attrs['style']!r}>")
        if tag in ("script", "style") and not attrs.get("src") and "nonce" not in attrs:
            refused.append(f"an inline <{tag}>")
        if tag == "a" and (href := attrs.get("href")):
            if href.strip().lower().startswith("javascript:"):
                refused.append(f"<a href={href!r}>")
            links.append((href, "download" in attrs))
    return links, refused


def _internal(href: str, base: str) -> str | None:
    """The path (with query) an href opens on this host, or None for one the crawl skips."""
    href, _fragment = urldefrag(href.strip())
    if not href:
        return None
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None  # mailto:, tel:, javascript: (the last is reported as refused by the CSP)
    if parts.netloc and parts.netloc != "testserver":
        return None
    path = parts.path
    if not path.startswith("/"):
        base_dir = urlsplit(base).path.rsplit("/", 1)[0]
        path = f"{base_dir}/{path}" if path else urlsplit(base).path
    if path.startswith(SKIPPED_PREFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _is_html(response) -> bool:
    return not response.streaming and response.get("Content-Type", "").startswith("text/html")


def _crawl(
    client: Client, role: str, dead: list, refusals: list, english: list, language: str, words: list
) -> int:
    """Breadth-first from the dashboard; each page is fetched once per role. Returns the count."""
    status_of: dict[str, int] = {}
    errors: dict[str, str] = {}
    queue = deque([(DASHBOARD, 0, None, False)])

    def remember_error(sender, request, **kwargs) -> None:
        errors[request.get_full_path()] = repr(sys.exc_info()[1])

    got_request_exception.connect(remember_error)
    try:
        while queue:
            url, depth, linked_from, download = queue.popleft()
            if url not in status_of:
                response = client.get(url, follow=not download)
                status_of[url] = response.status_code
                if response.status_code == 200 and not download and _is_html(response):
                    html = response.content.decode()
                    links, refused = _read(html)
                    refusals.extend((role, url, what) for what in dict.fromkeys(refused))
                    if terms := english_on(html, language):
                        english.append((role, language, url, terms))
                    if english_words_on(html, language):
                        words.append(language)
                    if depth < DEPTH:
                        for href, is_download in links:
                            if (target := _internal(href, url)) is not None:
                                queue.append((target, depth + 1, url, is_download))
            status = status_of[url]
            if status in (403, 404) or status >= 500:
                dead.append((role, linked_from or "(start)", url, status, errors.get(url, "")))
    finally:
        got_request_exception.disconnect(remember_error)
    return len(status_of)


def _demo_roles() -> list:
    """One demo person per set of roles (the first seeded), the administrator left out."""
    people = {}
    for user in get_user_model().objects.filter(is_superuser=False).order_by("pk"):
        roles = tuple(sorted(user.groups.values_list("name", flat=True)))
        if roles and user.email.endswith("@iaar.local"):
            people.setdefault(roles, user)
    return list(people.values())


def test_every_role_sees_only_links_it_can_open(seeded_demo, db, monkeypatch):
    # A PDF counts by its status: its template is rendered, WeasyPrint's layout is left out
    # (a blank one-page PDF stands in for the layout; the agency's signature is still made).
    import io

    from pypdf import PdfWriter

    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.write(blank)
    monkeypatch.setattr("weasyprint.HTML.write_pdf", lambda self, **kwargs: blank.getvalue())
    monkeypatch.setattr(logging.getLogger("django.request"), "disabled", True)  # 403s are findings here
    started, cpu = time.monotonic(), time.process_time()
    dead, refusals, english, words, pages = [], [], [], [], 0
    pages_in: dict[str, int] = dict.fromkeys(LANGUAGES, 0)
    people = _demo_roles()
    assert len(people) >= 10
    for n, user in enumerate(people):
        language = LANGUAGES[n % len(LANGUAGES)]
        client = Client(raise_request_exception=False)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        client.force_login(user)
        role_started = time.process_time()
        crawled = _crawl(client, user.username, dead, refusals, english, language, words)
        log.info("crawl: %s %s pages, %.1f s CPU", user.username, crawled, time.process_time() - role_started)
        pages += crawled
        pages_in[language] += crawled
    in_english = {lang: sum(1 for _r, page_lang, *_ in english if page_lang == lang) for lang in LANGUAGES}
    figures = f"{len(people)} roles, {pages} pages, {time.monotonic() - started:.0f} s ({time.process_time() - cpu:.0f} s CPU)"
    figures += ", English on " + ", ".join(
        f"{in_english[lang]} of {pages_in[lang]} {lang}" for lang in LANGUAGES
    )
    figures += " (a label's words anywhere, sentences included: "
    figures += ", ".join(f"{words.count(lang)} {lang}" for lang in LANGUAGES) + ")"
    log.info("crawl: %s", figures)
    dead = sorted(set(dead))
    lines = [
        f"  {role}: {page} links {link}, which answers {status} {why}"
        for role, page, link, status, why in dead
    ]
    lines += [
        f"  {role}: {page} has {what}, which the Content-Security-Policy refuses"
        for role, page, what in refusals
    ]
    lines += [
        f"  {role} ({language}): {page} shows in English {', '.join(map(repr, terms))}"
        for role, language, page, terms in english
    ]
    assert not lines, (
        f"{len(dead)} dead links, {len(refusals)} CSP refusals and {len(english)} pages with stored"
        f" English ({figures}):\n" + "\n".join(lines)
    )
