from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Action, CorrectiveAction, Nonconformity


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
    list_display = ("number", "capa", "risk", "owner", "due_on", "status", "reminded_on", "escalated_on")
    list_filter = ("status",)
    readonly_fields = ("number", "done_by", "done_at", "reminded_on", "escalated_on")
