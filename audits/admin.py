from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin

from core.admin import ControlledRecordAdmin

from .models import Audit, AuditorAssignment, AuditProgramme, ChecklistItem, Finding, Recommendation


@admin.register(AuditProgramme)
class AuditProgrammeAdmin(ControlledRecordAdmin):
    list_display = ("year", "created_by", "created_at")


class AuditorAssignmentInline(admin.TabularInline):
    model = AuditorAssignment
    extra = 0
    can_delete = False
    fields = ("auditor", "role", "active", "own_processes", "conflict_reason")
    readonly_fields = ("own_processes",)


@admin.register(Audit)
class AuditAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("number", "title", "year", "starts_on", "ends_on", "status")
    list_filter = ("year", "status")
    search_fields = ("number", "title")
    inlines = [AuditorAssignmentInline]
    readonly_fields = (
        "number",
        "order_signed_by",
        "order_signer_name",
        "order_signed_at",
        "order_sha256",
        "report_signed_by",
        "report_signer_name",
        "report_signed_at",
        "approved_by",
        "approver_name",
        "approved_at",
        "report_file",
        "report_sha256",
    )


@admin.register(ChecklistItem)
class ChecklistItemAdmin(ControlledRecordAdmin):
    list_display = ("audit", "position", "criterion", "result", "checked_by")
    list_filter = ("result",)


@admin.register(Finding)
class FindingAdmin(ControlledRecordAdmin):
    list_display = ("number", "kind", "process", "nonconformity", "withdrawn")
    list_filter = ("kind", "withdrawn")
    readonly_fields = ("number", "nonconformity")


@admin.register(Recommendation)
class RecommendationAdmin(ControlledRecordAdmin):
    list_display = ("audit", "document", "ordered_at", "revision_due")
