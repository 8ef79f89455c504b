from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Strategy, StrategySignature, StrategyVersion


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "is_public"]


@admin.register(StrategyVersion)
class StrategyVersionAdmin(SimpleHistoryAdmin):
    list_display = ["strategy", "number", "status", "approved_at"]
    readonly_fields = ["status"]


@admin.register(StrategySignature)
class StrategySignatureAdmin(admin.ModelAdmin):
    list_display = ["version", "signer_name", "signed_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
