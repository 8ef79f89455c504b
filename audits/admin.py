from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin

from core.admin import ControlledRecordAdmin

from .models import Audit


@admin.register(Audit)
class AuditAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("year", "title", "status")
