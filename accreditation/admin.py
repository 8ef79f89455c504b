from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
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


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Standard)
class StandardAdmin(ControlledRecordAdmin):
    list_display = ("standard_set", "number", "title")
    list_filter = ("standard_set",)
    inlines = [CriterionInline]

    def has_change_permission(self, request, obj=None) -> bool:
        # A version that projects already use is frozen: publish a new version instead.
        if obj is not None and obj.standard_set.projects.exists():
            return False
        return super().has_change_permission(request, obj)


class StandardInline(admin.TabularInline):
    model = Standard
    extra = 0
    show_change_link = True

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StandardSet)
class StandardSetAdmin(ControlledRecordAdmin):
    list_display = ("code", "title", "kind", "version", "effective_from", "is_current")
    list_filter = ("kind", "is_current")
    inlines = [StandardInline]
    actions = ["new_version"]

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.projects.exists():
            return False
        return super().has_change_permission(request, obj)

    @admin.action(description=_("Copy as a new version (not current until you make it so)"))
    def new_version(self, request, queryset):
        with transaction.atomic():
            for old in queryset:
                latest = StandardSet.objects.filter(code=old.code).order_by("-version").first()
                new = StandardSet.objects.create(
                    code=old.code,
                    title=old.title,
                    kind=old.kind,
                    version=latest.version + 1,
                    effective_from=old.effective_from,
                    is_current=False,
                )
                for standard in old.standards.all():
                    copy = Standard.objects.create(
                        standard_set=new, number=standard.number, title=standard.title
                    )
                    for c in standard.criteria.all():  # one save each: every copy has its history row
                        Criterion.objects.create(standard=copy, number=c.number, text=c.text)
                messages.success(
                    request,
                    _("Version %(v)s of %(code)s is ready to edit.") % {"v": new.version, "code": new.code},
                )


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
