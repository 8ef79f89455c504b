from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Document


@admin.register(Document)
class DocumentAdmin(ControlledRecordAdmin):
    list_display = ("code", "title", "doc_type", "status", "owner")
    list_filter = ("doc_type", "status")
    search_fields = ("code", "title")
