from django.db.models import Q, QuerySet

from .models import Document


def documents_visible_to(user) -> QuerySet[Document]:
    """Effective documents for every reader, plus drafts the person owns; all for the IQAS owner."""
    rows = Document.objects.select_related("owner")
    if user.has_perm("documents.view_all_documents"):
        return rows
    return rows.filter(Q(status=Document.Status.EFFECTIVE) | Q(owner=user))
