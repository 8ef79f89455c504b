from django.utils.translation import gettext_lazy as _

from core.lists import RegisterListView

from .selectors import documents_visible_to


class DocumentListView(RegisterListView):
    access_rule = "documents.view_document"
    template_name = "documents/document_list.html"
    search_fields = ("code", "title")
    title = _("Register of documents")

    def get_rows(self, user):
        return documents_visible_to(user)
