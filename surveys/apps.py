from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from core import events
        from core.dashboard import register_task_provider

        from .dashboard import survey_tasks
        from .tasks import dispatch_surveys_after_visit

        register_task_provider(survey_tasks)
        events.subscribe(events.VISIT_HELD, dispatch_surveys_after_visit)
