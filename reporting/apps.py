from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """The management review, the KPIs, the KPI reports and the quality board: the part that
    reads every domain app (its records stay in improvement's models)."""

    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import kpi_target_tasks, outward_tasks, review_tasks, satisfaction_target_tasks

        register_task_provider(review_tasks)
        register_task_provider(kpi_target_tasks)
        register_task_provider(satisfaction_target_tasks)
        register_task_provider(outward_tasks)
        # Registered with the web process's Celery app: the services queue them by name.
        from . import tasks  # noqa: F401
