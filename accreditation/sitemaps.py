"""The sitemap of the public pages: the registry's organizations and programmes and the documents."""

from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from core.access import PUBLIC, access

from . import registry
from .models import Organization, Programme


class PublicPages(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return ["registry:list", "registry:verify", "documents:public", "api:docs"]

    def location(self, item: str) -> str:
        return reverse(item)


class Organizations(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        return registry.published_organizations().only("iaar_id").order_by("pk")

    def location(self, item: Organization) -> str:
        return reverse("registry:organization", args=[item.iaar_id])


class Programmes(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        published = registry.certificates().filter(programme__isnull=False).values("programme")
        return Programme.objects.filter(pk__in=published).only("pk").order_by("pk")

    def location(self, item: Programme) -> str:
        return reverse("registry:programme", args=[item.pk])


SITEMAPS = {"pages": PublicPages, "organizations": Organizations, "programmes": Programmes}


@access(PUBLIC)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /registry/",
        "Allow: /documents/public/",
        "Allow: /api/",
        "Disallow: /registry/verify/",
        "Disallow: /accounts/",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
