"""The registry's sections of the sitemap: the public pages, the organizations and programmes."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from accreditation.models import Organization, Programme

from . import selectors


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
        return selectors.published_organizations().only("iaar_id").order_by("pk")

    def location(self, item: Organization) -> str:
        return reverse("registry:organization", args=[item.iaar_id])


class Programmes(Sitemap):
    changefreq = "weekly"
    limit = 10_000

    def items(self):
        published = selectors.certificates().filter(programme__isnull=False).values("programme")
        return Programme.objects.filter(pk__in=published).only("pk").order_by("pk")

    def location(self, item: Programme) -> str:
        return reverse("registry:programme", args=[item.pk])


# The sections, in the index's order; registered with core in RegistryConfig.ready.
SITEMAPS = {"pages": PublicPages, "organizations": Organizations, "programmes": Programmes}

# What robots may crawl. The documents' public list is listed here until the documents app
# registers its own section.
ROBOTS_ALLOW = ["/registry/", "/documents/public/", "/api/"]
ROBOTS_DISALLOW = ["/registry/verify/"]
