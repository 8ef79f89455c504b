from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from accreditation import seating
        from core.dashboard import register_task_provider

        from .dashboard import appraisal_tasks, effectiveness_tasks, ethics_tasks
        from .services.ethics import commission_ethics_refusals
        from .services.training import commission_training_refusals, expert_training_warnings

        register_task_provider(ethics_tasks)
        register_task_provider(effectiveness_tasks)
        register_task_provider(appraisal_tasks)
        seating.register_warning(expert_training_warnings)
        seating.register_approval_check(commission_ethics_refusals)
        seating.register_approval_check(commission_training_refusals)
