from django.utils.translation import gettext_lazy as _

from core.lists import RegisterListView

from .selectors import organizations_visible_to, projects_visible_to


class ProjectListView(RegisterListView):
    access_rule = "accreditation.view_accreditationproject"
    template_name = "accreditation/project_list.html"
    search_fields = ("organization__name", "organization__iaar_id")
    title = _("Accreditation projects")

    def get_rows(self, user):
        return projects_visible_to(user)


class OrganizationListView(RegisterListView):
    access_rule = "accreditation.view_organization"
    template_name = "accreditation/organization_list.html"
    search_fields = ("name", "iaar_id", "city")
    title = _("Education organizations")

    def get_rows(self, user):
        return organizations_visible_to(user)
