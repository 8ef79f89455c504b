from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")

    def ready(self) -> None:
        from core.dashboard import register_task_provider
        from documents.extensions import register_version_effective, register_version_links
        from documents.services import register_record_hold

        from . import followup_workflow  # noqa: F401  (registers the follow-up table)
        from .dashboard import appeal_tasks, council_tasks, project_tasks
        from .dashboard_followup import followup_tasks
        from .selectors.projects import records_held_by_open_appeals
        from .services.standards import instruments_take_effect
        from .views.standards import version_instrument_links

        for provider in (project_tasks, council_tasks, appeal_tasks, followup_tasks):
            register_task_provider(provider)
        # Records of the appeals process are evidence while an appeal is open.
        register_record_hold(records_held_by_open_appeals)
        # The standards, criteria and threshold requirements a document version carries come into
        # force with it (§6.6, §6.2.2), and its page links to them.
        register_version_effective(instruments_take_effect)
        register_version_links(version_instrument_links)
