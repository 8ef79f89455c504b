from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from core.dashboard import register_task_provider

        from .dashboard import document_tasks, records_tasks

        register_task_provider(document_tasks)
        register_task_provider(records_tasks)
