from django import template

from documents.models import DocumentVersion

register = template.Library()


@register.filter
def version_status(value: str) -> str:
    try:
        return DocumentVersion.Status(value).label
    except ValueError:
        return value
