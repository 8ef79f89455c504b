from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """The public side of the accreditation: the registry, the certificate check, the open API."""

    name = "registry"
    verbose_name = _("Public registry")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from accreditation import models
        from core import sitemaps as site_sitemaps

        from . import cache, sitemaps

        for name, sitemap in sitemaps.SITEMAPS.items():
            site_sitemaps.register(name, sitemap)
        site_sitemaps.robots(allow=sitemaps.ROBOTS_ALLOW, disallow=sitemaps.ROBOTS_DISALLOW)

        def registry_changed(**kwargs) -> None:
            cache.changed()

        # What the public registry shows; a change to any starts a new cache generation.
        for model in (
            models.Organization,
            models.Programme,
            models.Decision,
            models.Certificate,
            models.Publication,
            models.FollowupItem,
        ):
            post_save.connect(
                registry_changed, sender=model, weak=False, dispatch_uid=f"registry-{model.__name__}"
            )
            post_delete.connect(
                registry_changed, sender=model, weak=False, dispatch_uid=f"registry-del-{model.__name__}"
            )

        from core import events

        from .tasks import report_to_deqar

        events.subscribe(events.DECISION_PUBLISHED, report_to_deqar)
