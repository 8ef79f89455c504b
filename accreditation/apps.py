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

        from django.db.models.signals import post_delete, post_save

        from . import models, registry

        def registry_changed(**kwargs) -> None:
            registry.changed()

        # What the public registry shows; a change to any starts a new cache generation.
        for model in (
            models.Organization,
            models.Programme,
            models.Decision,
            models.Certificate,
            models.Publication,
        ):
            post_save.connect(
                registry_changed, sender=model, weak=False, dispatch_uid=f"registry-{model.__name__}"
            )
            post_delete.connect(
                registry_changed, sender=model, weak=False, dispatch_uid=f"registry-del-{model.__name__}"
            )
