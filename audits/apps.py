from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = _("Internal audits")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import audit_tasks

        register_task_provider(audit_tasks)
