from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import appeal_tasks, council_tasks, project_tasks

        for provider in (project_tasks, council_tasks, appeal_tasks):
            register_task_provider(provider)
