from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Action, CorrectiveAction, KpiReport, ManagementReview, Nonconformity, ReviewDecision


@admin.register(Nonconformity)
class NonconformityAdmin(ControlledRecordAdmin):
    list_display = ("number", "title", "severity", "process", "owner", "status", "repeated_of", "raised_at")
    list_filter = ("severity", "status", "source", "process")
    readonly_fields = ("number", "repeated_of", "closed_at")


@admin.register(CorrectiveAction)
class CorrectiveActionAdmin(ControlledRecordAdmin):
    list_display = ("number", "nonconformity", "owner", "step", "reopened", "opened_at", "closed_at")
    list_filter = ("step",)
    readonly_fields = ("number", "verified_by", "verified_at", "effective", "closed_at")


@admin.register(Action)
class ActionAdmin(ControlledRecordAdmin):
    list_display = (
        "number",
        "capa",
        "risk",
        "decision",
        "owner",
        "due_on",
        "status",
        "reminded_on",
        "escalated_on",
    )
    list_filter = ("status",)
    readonly_fields = ("number", "done_by", "done_at", "reminded_on", "escalated_on")


@admin.register(KpiReport)
class KpiReportAdmin(admin.ModelAdmin):
    """Made by the schedule only: read here, never changed or deleted (the schedule itself is
    under Periodic tasks)."""

    list_display = ("kind", "period_start", "period_end", "created_at", "emailed_at", "recipients")
    list_filter = ("kind",)
    readonly_fields = [f.name for f in KpiReport._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ManagementReview)
class ManagementReviewAdmin(ControlledRecordAdmin):
    list_display = ("number", "period_start", "period_end", "planned_on", "held_on", "status", "order_number")
    list_filter = ("status",)
    readonly_fields = (
        "number",
        "status",
        "pack_file",
        "pack_sha256",
        "pack_assembled_at",
        "order_submitted_at",
        "order_signed_by",
        "order_signer_name",
        "order_signed_at",
        "order_file",
        "order_sha256",
        "order_file_sha256",
        "closed_at",
    )


@admin.register(ReviewDecision)
class ReviewDecisionAdmin(ControlledRecordAdmin):
    list_display = ("review", "kind", "text", "carried_from")
    list_filter = ("kind",)
    readonly_fields = ("review", "carried_from")
