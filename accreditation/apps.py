from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import project_tasks

        register_task_provider(project_tasks)
