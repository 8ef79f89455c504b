from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Appraisal,
    Attendance,
    Certificate,
    EffectivenessCheck,
    EthicsAcceptance,
    EthicsCode,
    Hiring,
    Position,
    PositionHolding,
    Training,
    TrainingNeed,
    TrainingPlan,
)


class NoDelete(SimpleHistoryAdmin):
    """Controlled records are retired, never deleted."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


for model in (
    Position,
    PositionHolding,
    Hiring,
    TrainingPlan,
    Training,
    Attendance,
    TrainingNeed,
    EthicsCode,
):
    admin.site.register(model, NoDelete)


@admin.register(Appraisal, Certificate, EffectivenessCheck, EthicsAcceptance)
class ReadOnly(NoDelete):
    """Signed or checked evidence: read in the admin, changed only by the services."""

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
