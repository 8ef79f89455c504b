from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementConfig(AppConfig):
    name = "improvement"
    verbose_name = _("Improvement")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import action_tasks, capa_tasks, nonconformity_tasks, risk_tasks

        register_task_provider(nonconformity_tasks)
        register_task_provider(risk_tasks)
        register_task_provider(action_tasks)
        register_task_provider(capa_tasks)
