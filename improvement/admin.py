from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Nonconformity


@admin.register(Nonconformity)
class NonconformityAdmin(ControlledRecordAdmin):
    list_display = ("number", "title", "severity", "status", "raised_by", "raised_at")
    list_filter = ("severity", "status", "source")
    readonly_fields = ("number",)
