from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Portal core")

    def ready(self) -> None:
        # Every app's status tables (``<app>/workflow.py``) register themselves with their models.
        autodiscover_modules("workflow")
        from . import middleware, signing_guard  # noqa: F401 - their signal receivers
