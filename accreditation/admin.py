from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin

from core.admin import ControlledRecordAdmin

from .models import AccreditationProject, Organization


@admin.register(Organization)
class OrganizationAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("iaar_id", "name", "country", "city")
    search_fields = ("iaar_id", "name")


@admin.register(AccreditationProject)
class AccreditationProjectAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("organization", "kind", "status", "coordinator")
    list_filter = ("kind", "status")
