from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal core")

    def ready(self) -> None:
        # Every app's status tables (``<app>/workflow.py``) register themselves with their models.
        autodiscover_modules("workflow")
        from django.db.models.signals import post_migrate

        from . import append_only, middleware, signing_guard  # noqa: F401 - their signal receivers

        post_migrate.connect(append_only.on_post_migrate, sender=self)
