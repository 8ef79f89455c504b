from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin

from core.admin import ControlledRecordAdmin

from .models import (
    AccreditationProject,
    Appeal,
    Certificate,
    CouncilMeeting,
    Criterion,
    Decision,
    Expert,
    Organization,
    Standard,
    StandardSet,
    ThresholdItem,
    ThresholdList,
    Vote,
)
from .models.authorities import EducationAuthority


@admin.register(Organization)
class OrganizationAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("iaar_id", "name", "country", "city")
    search_fields = ("iaar_id", "name")


@admin.register(AccreditationProject)
class AccreditationProjectAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("organization", "kind", "status", "coordinator", "stage_due")
    list_filter = ("kind", "status")
    # Stages move only through the portal's services, which keep the timeline.
    readonly_fields = ("status", "commission_state")


class FrozenInline(admin.TabularInline):
    """Shown, never edited here: sets are drafted on their document's version in the portal."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class CriterionInline(FrozenInline):
    model = Criterion
    fields = ("number", "text", "text_ru", "text_kk", "text_ky")


class StandardInline(FrozenInline):
    model = Standard
    fields = ("number", "title", "title_ru", "title_kk", "title_ky")
    show_change_link = True


class ThresholdItemInline(FrozenInline):
    model = ThresholdItem
    fields = ("position", "code", "text", "text_ru", "text_kk", "text_ky")


class AssessmentInstrumentAdmin(ControlledRecordAdmin):
    """Standards, criteria and threshold requirements are read-only in the administration (§6.6,
    §6.2.2): they change only as part of a draft document version, on the portal's standards
    pages, and come into force with its approval."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StandardSet)
class StandardSetAdmin(AssessmentInstrumentAdmin):
    list_display = ("code", "title", "kind", "version", "effective_from", "is_current", "document_version")
    list_filter = ("kind", "is_current")
    inlines = [StandardInline]


@admin.register(Standard)
class StandardAdmin(AssessmentInstrumentAdmin):
    list_display = ("standard_set", "number", "title")
    list_filter = ("standard_set",)
    inlines = [CriterionInline]


@admin.register(ThresholdList)
class ThresholdListAdmin(AssessmentInstrumentAdmin):
    list_display = ("level", "version", "effective_from", "is_current", "document_version")
    list_filter = ("level", "is_current")
    inlines = [ThresholdItemInline]


@admin.register(Expert)
class ExpertAdmin(ControlledRecordAdmin):
    list_display = ("user", "category", "field", "city", "is_active")
    list_filter = ("category", "is_active")


class ReadOnlyRecordAdmin(ControlledRecordAdmin):
    """Decisions, votes, certificates and appeals change only through the portal's services."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


for model, columns in (
    (CouncilMeeting, ("number", "date", "status")),
    (Decision, ("project", "outcome", "years", "decided_on", "set_aside")),
    (Vote, ("item", "member", "choice", "cast_at")),
    (Certificate, ("number", "organization", "programme", "status", "valid_until")),
    (Appeal, ("number", "kind", "subject", "status", "result")),
):
    admin.site.register(
        model, type(f"{model.__name__}Admin", (ReadOnlyRecordAdmin,), {"list_display": columns})
    )


@admin.register(EducationAuthority)
class EducationAuthorityAdmin(ControlledRecordAdmin):
    """The register of the education authorities, kept by the administrator with its history."""

    list_display = ("country", "name", "email", "receives_decisions", "active")
    list_filter = ("country", "active")
    search_fields = ("name", "name_ru", "name_kk", "name_ky", "email")
