from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = _("Internal audits")

    def ready(self) -> None:
        from core.dashboard import register_task_provider
        from documents.services import register_record_hold
        from improvement.selectors import register_nonconformity_readers

        from .dashboard import audit_tasks
        from .selectors import nonconformities_found_by_group_of, records_held_by_open_audits

        register_task_provider(audit_tasks)
        register_nonconformity_readers(nonconformities_found_by_group_of)
        # Records an open audit covers are its evidence: no destruction act may list them.
        register_record_hold(records_held_by_open_audits)
