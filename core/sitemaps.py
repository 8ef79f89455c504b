"""The sitemap index and robots.txt, filled by the apps: core imports none of them.

Each app registers its public sections, and the paths robots may or may not crawl, in its
``AppConfig.ready``::

    # registry/apps.py
    sitemaps.register("organizations", Organizations)
    sitemaps.robots(allow=["/registry/"], disallow=["/registry/verify/"])
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .access import PUBLIC, access

# Never for robots, whatever the apps say.
CLOSED = ("/accounts/", "/admin/")

_sections: dict[str, type[Sitemap]] = {}
_allow: list[str] = []
_disallow: list[str] = []


def register(name: str, sitemap: type[Sitemap]) -> None:
    """Add a section to the sitemap index (``/sitemap-<name>.xml``)."""
    _sections[name] = sitemap


def robots(*, allow=(), disallow=()) -> None:
    """Paths robots may crawl, and paths inside them they may not."""
    _allow.extend(path for path in allow if path not in _allow)
    _disallow.extend(path for path in disallow if path not in _disallow)


def sections() -> dict[str, type[Sitemap]]:
    return dict(_sections)


@access(PUBLIC)
def index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, sitemaps=sections(), sitemap_url_name="sitemap_section")


@access(PUBLIC)
def section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps=sections(), section=section)


@access(PUBLIC)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *(f"Allow: {path}" for path in _allow),
        *(f"Disallow: {path}" for path in [*_disallow, *CLOSED]),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
