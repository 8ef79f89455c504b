from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from accreditation.selectors.appeal_hearings import register_appeal_hearings
        from core.dashboard import register_task_provider

        from . import (  # noqa: F401  (registers the workflow tables)
            external_review_workflow,
            order_workflow,
            workflow,
            workflow_bodies,
            workflow_standards_dev,
        )
        from .dashboard import order_tasks, plan_tasks
        from .dashboard_bodies import body_tasks
        from .dashboard_external_review import external_review_tasks
        from .dashboard_standards_dev import consultation_tasks
        from .selectors.bodies import appeal_hearings

        register_task_provider(plan_tasks)
        register_task_provider(order_tasks)
        register_task_provider(body_tasks)
        register_task_provider(external_review_tasks)
        register_task_provider(consultation_tasks)
        # The appeal's page links the commission's meeting that hears it.
        register_appeal_hearings(appeal_hearings)
