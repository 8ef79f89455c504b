from django.utils.translation import gettext_lazy as _

from core.lists import RegisterListView

from .selectors import audits_visible_to


class AuditListView(RegisterListView):
    access_rule = "audits.view_audit"
    template_name = "audits/audit_list.html"
    search_fields = ("title",)
    title = _("Internal audits")

    def get_rows(self, user):
        return audits_visible_to(user)
