from django.utils.translation import gettext_lazy as _

from core.lists import RegisterListView

from .selectors import surveys_visible_to


class SurveyListView(RegisterListView):
    access_rule = "surveys.view_survey"
    template_name = "surveys/survey_list.html"
    search_fields = ("title",)
    title = _("Surveys")

    def get_rows(self, user):
        return surveys_visible_to(user)
