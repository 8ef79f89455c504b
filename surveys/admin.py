from django.contrib import admin

from core.admin import ControlledRecordAdmin

from .models import Survey


@admin.register(Survey)
class SurveyAdmin(ControlledRecordAdmin):
    list_display = ("title", "audience", "is_active")
