"""Surveys in the admin: read for support; forms are built and asked in the portal, where the
versioning rules hold (a published version is frozen), so nothing here edits questions."""

from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Campaign, Survey, SurveyVersion


class VersionInline(admin.TabularInline):
    model = SurveyVersion
    fields = ("number", "status", "published_at", "change_note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Survey)
class SurveyAdmin(ControlledRecordAdmin):
    list_display = ("code", "title", "audience", "anonymous", "is_active")
    list_filter = ("audience", "anonymous", "is_active")
    search_fields = ("code", "title")
    readonly_fields = ("code", "anonymous", "created_at")
    fields = (
        "code",
        "title",
        "title_translations",
        "description",
        "description_translations",
        "audience",
        "anonymous",
        "is_active",
        "created_at",
    )
    inlines = [VersionInline]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Campaign)
class CampaignAdmin(ControlledRecordAdmin):
    list_display = ("number", "title", "status", "opens_on", "closes_on")
    list_filter = ("status",)
    search_fields = ("number", "title")
    fields = ("number", "title", "version", "project", "organization", "opens_on", "closes_on", "status")
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
