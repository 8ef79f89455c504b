from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Criterion, Department, Notification, OutboxTask, Process, Sequence, User, WorkflowEvent
from .permissions import user_roles
from .roles import roles_stored
from .workflow import event_record

# Roles and process owners change by the Director General's order (governance); an edit here
# still works, and leaves this mark on the person's or the process's timeline and history.
ROLES_CHANGED = _(
    "Changed in the administration, not by order: roles given %(added)s, taken away %(removed)s"
)
OWNER_CHANGED = _("Changed in the administration, not by order: process owner %(old)s → %(new)s")


class ControlledRecordAdmin(SimpleHistoryAdmin):
    """Controlled records are retired by status, never deleted, and keep their history."""

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(User)
class PortalUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "last_name", "first_name", "email", "department", "is_active")
    list_filter = ("is_active", "groups", "department")
    fieldsets = (
        *UserAdmin.fieldsets,
        (_("Agency"), {"fields": ("patronymic", "position", "department", "phone", "language")}),
    )

    actions = ["second_factor_reset"]

    @admin.action(description=_("Reset the second factor (the person enrols again)"), permissions=["change"])
    def second_factor_reset(self, request, queryset) -> None:
        from .second_factor import reset

        for user in queryset:
            reset(user, admin=request.user)
        self.message_user(
            request,
            _("The second factor is reset for: %(people)s.")
            % {"people": ", ".join(str(u) for u in queryset)},
        )

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # people leave by deactivation; their signatures and events stay attributed

    def save_related(self, request, form, formsets, change) -> None:
        before = set(user_roles(form.instance)) if change else set()
        super().save_related(request, form, formsets, change)
        after = set(user_roles(form.instance))
        if before != after:
            event_record(
                obj=form.instance,
                action=ROLES_CHANGED,
                actor=request.user,
                params={
                    "added": roles_stored(after - before) or "—",
                    "removed": roles_stored(before - after) or "—",
                },
            )


@admin.register(Department)
class DepartmentAdmin(ControlledRecordAdmin):
    list_display = ("name", "code")


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    list_display = ("at", "content_type", "object_id", "action", "from_state", "to_state", "actor")
    list_filter = ("content_type",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "recipient", "subject", "read_at", "emailed_at")
    readonly_fields = ("created_at",)


class OutboxStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("waiting", _("waiting for the broker")), ("queued", _("queued"))]

    def queryset(self, request, queryset):
        if self.value() in ("waiting", "queued"):
            return queryset.filter(dispatched_at__isnull=self.value() == "waiting")
        return queryset


@admin.register(OutboxTask)
class OutboxTaskAdmin(admin.ModelAdmin):
    """Tasks kept while the broker was down (core.outbox): read only, never deleted; "queue
    again" does what the minute's flush does, for the chosen ones, now."""

    list_display = ("created_at", "name", "state", "attempts", "error")
    list_filter = (OutboxStateFilter,)
    search_fields = ("name", "error")
    actions = ["queue_again"]

    @admin.display(description=_("state"), boolean=False)
    def state(self, item: OutboxTask) -> str:
        return _("queued") if item.dispatched_at else _("waiting for the broker")

    @admin.action(description=_("Queue again now"), permissions=["queue"])
    def queue_again(self, request, queryset) -> None:
        from .outbox import flush_outbox

        chosen = list(queryset.values_list("pk", flat=True))
        already = queryset.filter(dispatched_at__isnull=False).count()
        queued, _waiting = flush_outbox(only=chosen)
        left = len(chosen) - already - queued
        if queued:
            self.message_user(request, _("Queued: %(count)s.") % {"count": queued}, messages.SUCCESS)
        if already:
            self.message_user(
                request,
                _("Already queued, not queued twice: %(count)s.") % {"count": already},
                messages.INFO,
            )
        if left:
            self.message_user(
                request,
                _("Still waiting: %(count)s. The broker cannot be reached; see the error.") % {"count": left},
                messages.ERROR,
            )

    def has_queue_permission(self, request) -> bool:
        return request.user.has_perm("core.change_outboxtask")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Sequence)
class SequenceAdmin(admin.ModelAdmin):
    list_display = ("name", "value")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Process)
class ProcessAdmin(ControlledRecordAdmin):
    list_display = ("name", "group", "owner")
    list_filter = ("group",)
    search_fields = ("name", "code")

    def save_model(self, request, obj, form, change) -> None:
        old = Process.objects.filter(pk=obj.pk).select_related("owner").first() if change else None
        old_owner = old.owner if old else None
        if old_owner != obj.owner:
            params = {"old": str(old_owner or "—"), "new": str(obj.owner or "—")}
            with translation.override(None):
                obj._change_reason = str(OWNER_CHANGED) % params
        super().save_model(request, obj, form, change)
        if old_owner != obj.owner:
            event_record(obj=obj, action=OWNER_CHANGED, actor=request.user, params=params)


@admin.register(Criterion)
class CriterionAdmin(ControlledRecordAdmin):
    """Audit criteria: add IAAR standards and legal requirements; retire one by taking it out of use."""

    list_display = ("reference", "title", "source", "position", "active")
    list_filter = ("source", "active")
    search_fields = ("reference", "title", "question", "code")
