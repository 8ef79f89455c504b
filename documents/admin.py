from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ControlledRecordAdmin

from .models import (
    Acknowledgement,
    CodePrefix,
    DestroyedFile,
    DestructionAct,
    Distribution,
    Document,
    DocumentVersion,
    ExternalDocument,
    Record,
    RecordClass,
    ReviewStep,
    RevisionRequest,
    Signature,
)


@admin.register(CodePrefix)
class CodePrefixAdmin(ControlledRecordAdmin):
    list_display = ("doc_type", "prefix")


class VersionInline(admin.TabularInline):
    model = DocumentVersion
    fields = ("major", "minor", "status", "file_name", "sha256", "effective_from")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Document)
class DocumentAdmin(GuardedModelAdminMixin, ControlledRecordAdmin):
    list_display = ("code", "title", "doc_type", "status", "confidentiality", "owner", "next_review_date")
    list_filter = ("doc_type", "status", "confidentiality")
    search_fields = ("code", "title")
    readonly_fields = ("code", "status", "effective_version", "next_review_date")
    inlines = [VersionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(ControlledRecordAdmin):
    list_display = ("__str__", "status", "file_name", "effective_from", "created_by")
    list_filter = ("status",)
    # The route is walked in the portal, where every step is signed and recorded.
    readonly_fields = [f.name for f in DocumentVersion._meta.fields]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ("signed_at", "version", "signer_name", "meaning")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


for model in (ReviewStep, Acknowledgement, Distribution, Record):
    admin.site.register(model, ControlledRecordAdmin)


@admin.register(RevisionRequest)
class RevisionRequestAdmin(ControlledRecordAdmin):
    list_display = ("document", "due_on", "status", "requested_by", "requested_at")
    list_filter = ("status",)
    readonly_fields = ("requested_by", "requested_at", "version", "status")


class ReadOnlyAdmin(SimpleHistoryAdmin):
    """Kept through the portal's pages (their services check the rules); the admin only reads."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ExternalDocument)
class ExternalDocumentAdmin(ReadOnlyAdmin):
    list_display = ("title", "issuer", "edition", "status", "owner", "next_check_on")
    list_filter = ("status",)
    search_fields = ("title", "title_ru", "issuer", "number")


@admin.register(RecordClass)
class RecordClassAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "retention_years", "process")


class DestroyedFileInline(admin.TabularInline):
    model = DestroyedFile
    fields = ("title", "class_code", "retention_until", "file_name", "sha256")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DestructionAct)
class DestructionActAdmin(ReadOnlyAdmin):
    list_display = ("number", "status", "proposed_by", "agreed_by", "signed_at")
    inlines = [DestroyedFileInline]
