"""The register: documents, their revisions, periodic review, withdrawal, archive, records."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.shortcuts import assign_perm, get_users_with_perms, remove_perm

from core.models import Process
from core.services import notification_send, sequence_next
from core.workflow import event_record, transition_perform

from ..models import CodePrefix, Document, DocumentVersion, Record, ReviewReminder, Signature
from ..workflow import DOCUMENT_WORKFLOW, IN_PROGRESS, RECORD_WORKFLOW, VERSION_WORKFLOW
from .common import checked_upload, require_edit, sign, store_file
from .revision import revision_requests_advance

S = DocumentVersion.Status
REVIEW_REMINDER_DAYS = (30, 7, 0)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def _next_code(doc_type: str) -> str:
    prefix = CodePrefix.objects.filter(doc_type=doc_type).values_list("prefix", flat=True).first()
    prefix = prefix or doc_type[:3].upper()
    return f"{prefix}-{sequence_next(f'document-{prefix}'):03d}"


@transaction.atomic
def document_create(
    *,
    actor,
    title: str,
    doc_type: str,
    owner,
    upload: UploadedFile,
    change_summary: str,
    confidentiality: str = Document.Confidentiality.INTERNAL,
    department=None,
    process: Process | None = None,
    review_interval_months: int = 12,
    retention_years: int = 5,
    title_ru: str = "",
    title_kk: str = "",
    title_ky: str = "",
    readers=(),
) -> Document:
    """Register a new document with its first draft version 1.0; the code is given here."""
    if not actor.has_perm("documents.add_document"):
        raise PermissionDenied(_("You cannot register documents."))
    checked = checked_upload(upload)
    document = Document.objects.create(
        code=_next_code(doc_type),
        title=title,
        title_ru=title_ru,
        title_kk=title_kk,
        title_ky=title_ky,
        doc_type=doc_type,
        owner=owner,
        department=department,
        process=process,
        confidentiality=confidentiality,
        review_interval_months=review_interval_months,
        retention_years=retention_years,
    )
    version = DocumentVersion(
        document=document, major=1, minor=0, change_summary=change_summary, created_by=actor
    )
    store_file(version, upload, checked)
    version.save()
    document_set_readers(document=document, actor=actor, readers=readers)
    # The owner drafts and revises their own document, whatever their role.
    assign_perm("documents.change_document", owner, document)
    event_record(obj=document, action=gettext_lazy("Registered"), actor=actor, to_state=document.status)
    event_record(obj=version, action=gettext_lazy("Draft 1.0 uploaded"), actor=actor, to_state=version.status)
    return document


@transaction.atomic
def document_update(*, document: Document, actor, **fields) -> Document:
    """Change the register entry (titles, owner, confidentiality, intervals); history keeps the old."""
    require_edit(actor, document)
    if document.status == Document.Status.ARCHIVED:
        raise ValidationError(_("An archived document cannot be changed."))
    readers = fields.pop("readers", None)
    previous_owner = document.owner
    interval_changed = fields.get("review_interval_months", document.review_interval_months) != (
        document.review_interval_months
    )
    for name, value in fields.items():
        setattr(document, name, value)
    if interval_changed and document.effective_version_id:
        document.next_review_date = add_months(
            document.effective_version.effective_from or timezone.localdate(), document.review_interval_months
        )
    document._change_reason = _("Register entry edited")
    document.save()
    if document.owner_id != previous_owner.pk:
        remove_perm("documents.change_document", previous_owner, document)
        assign_perm("documents.change_document", document.owner, document)
    if readers is not None:
        document_set_readers(document=document, actor=actor, readers=readers)
    event_record(obj=document, action=gettext_lazy("Register entry edited"), actor=actor)
    return document


def document_set_readers(*, document: Document, actor, readers) -> None:
    """Named readers of a restricted document hold a per-object right to view it."""
    wanted = {user.pk: user for user in readers}
    current = get_users_with_perms(document, only_with_perms_in=["view_document"], with_group_users=False)
    for user in current:
        if user.pk not in wanted:
            remove_perm("documents.view_document", user, document)
    for user in wanted.values():
        assign_perm("documents.view_document", user, document)


@transaction.atomic
def version_create(
    *, document: Document, actor, upload: UploadedFile, change_summary: str, major: bool = False
) -> DocumentVersion:
    """Start a revision: a new draft numbered after the latest version (1.1, or 2.0 if major)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_edit(actor, document)
    if document.status == Document.Status.ARCHIVED:
        raise ValidationError(_("An archived document cannot be revised."))
    if document.versions.filter(status__in=IN_PROGRESS).exists():
        raise ValidationError(
            _("A revision of this document is already in progress; finish or return it first.")
        )
    checked = checked_upload(upload)
    latest = document.versions.order_by("-major", "-minor").first()
    number = (latest.major + 1, 0) if major else (latest.major, latest.minor + 1)
    version = DocumentVersion(
        document=document, major=number[0], minor=number[1], change_summary=change_summary, created_by=actor
    )
    store_file(version, upload, checked)
    try:
        version.save()
    except IntegrityError as exc:  # a second revision started at the same moment
        raise ValidationError(_("A revision of this document is already in progress.")) from exc
    event_record(
        obj=version,
        action=gettext_lazy("Draft %(number)s uploaded"),
        params={"number": version.number},
        actor=actor,
    )
    revision_requests_advance(document)
    return version


@transaction.atomic
def version_replace_file(*, version: DocumentVersion, actor, upload: UploadedFile) -> DocumentVersion:
    """A draft's file may be corrected; a signed version's file never."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    require_edit(actor, version.document)
    if version.status != S.DRAFT or Signature.objects.filter(version=version).exists():
        raise ValidationError(
            _("Only an unsigned draft's file can be replaced; start a new revision instead.")
        )
    checked = checked_upload(upload)
    store_file(version, upload, checked)
    version._change_reason = _("File replaced")
    version.save()
    event_record(obj=version, action=gettext_lazy("File replaced"), actor=actor, comment=upload.name)
    return version


@transaction.atomic
def document_review_no_change(*, document: Document, actor, password: str, comment: str = "") -> Document:
    """The owner's periodic review found nothing to change: signed, and the next review is set."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if actor.pk != document.owner_id:
        raise PermissionDenied(_("Only the document's owner records its periodic review."))
    if document.status != Document.Status.EFFECTIVE:
        raise ValidationError(_("Only an effective document is reviewed periodically."))
    sign(
        version=document.effective_version, actor=actor, meaning=Signature.Meaning.REVIEWED, password=password
    )
    document.next_review_date = add_months(timezone.localdate(), document.review_interval_months)
    document._change_reason = _("Reviewed, no change")
    document.save()
    event_record(
        obj=document, action=gettext_lazy("Reviewed, no change needed"), actor=actor, comment=comment
    )
    return document


@transaction.atomic
def document_withdraw(*, document: Document, actor, comment: str) -> Document:
    """Take a document out of force; its effective version becomes withdrawn."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_edit(actor, document)
    if document.status != Document.Status.EFFECTIVE:
        raise ValidationError(_("Only an effective document can be withdrawn."))
    if not comment.strip():
        raise ValidationError(_("Say why the document is withdrawn."))
    transition_perform(
        obj=document.effective_version,
        workflow=VERSION_WORKFLOW,
        target=S.WITHDRAWN,
        actor=actor,
        comment=comment,
    )
    return transition_perform(
        obj=document,
        workflow=DOCUMENT_WORKFLOW,
        target=Document.Status.WITHDRAWN,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Withdrawn"),
        also={"next_review_date": None},
    )


@transaction.atomic
def document_archive(*, document: Document, actor, comment: str = "") -> Document:
    """Move a withdrawn document, or a superseded version, to the archive (read-only)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_edit(actor, document)
    if document.status != Document.Status.WITHDRAWN:
        raise ValidationError(_("Only a withdrawn document can be archived."))
    for version in document.versions.filter(status__in=[S.SUPERSEDED, S.WITHDRAWN]):
        transition_perform(obj=version, workflow=VERSION_WORKFLOW, target=S.ARCHIVED, actor=actor)
    return transition_perform(
        obj=document,
        workflow=DOCUMENT_WORKFLOW,
        target=Document.Status.ARCHIVED,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Archived"),
    )


def reviews_remind(today: date | None = None) -> int:
    """Remind owners 30, 7 and 0 days before a periodic review is due, once each."""
    today = today or timezone.localdate()
    sent = 0
    horizon = today + timedelta(days=max(REVIEW_REMINDER_DAYS))
    due = Document.objects.filter(
        status=Document.Status.EFFECTIVE, next_review_date__lte=horizon
    ).select_related("owner")
    for document in due:
        days_left = (document.next_review_date - today).days
        step = min((d for d in REVIEW_REMINDER_DAYS if d >= days_left), default=0)
        with transaction.atomic():
            _reminder, created = ReviewReminder.objects.get_or_create(
                document=document, due_date=document.next_review_date, days_before=step
            )
            if not created:
                continue
            if days_left < 0:
                subject = gettext_lazy("Periodic review of %(code)s is overdue")
            else:
                subject = gettext_lazy("Periodic review of %(code)s is due on %(date)s")
            notification_send(
                recipients=[document.owner],
                subject=subject,
                params={"code": document.code, "date": document.next_review_date.isoformat()},
                body=gettext_lazy("Review the document: record “no change needed” or start a new revision."),
                url=document.get_absolute_url(),
            )
            sent += 1
    return sent


@transaction.atomic
def record_create(
    *,
    actor,
    title: str,
    template_version: DocumentVersion,
    process: Process,
    upload: UploadedFile,
    record_class=None,
) -> Record:
    """File a record made on a form under a class of the file nomenclature; it is kept for the
    class's period (permanently when the class says so), else for the form's retention period."""
    if not actor.has_perm("documents.add_record"):
        raise PermissionDenied(_("You cannot file records."))
    if template_version.document.doc_type != Document.Type.FORM:
        raise ValidationError(_("A record must be made on a form or template."))
    if template_version.status != S.EFFECTIVE:
        raise ValidationError(_("Use the effective version of the form; this one is not in force."))
    checked = checked_upload(upload)
    record = Record(
        title=title,
        template_version=template_version,
        process=process,
        file_name=upload.name[:255],
        file_type=checked.kind,
        sha256=checked.sha256,
        retention_until=(
            None
            if record_class is not None and record_class.is_permanent
            else add_months(
                timezone.localdate(),
                12
                * (
                    record_class.retention_years
                    if record_class
                    else template_version.document.retention_years
                ),
            )
        ),
        record_class=record_class,
        created_by=actor,
    )
    record.file.save(upload.name, upload, save=False)
    record.save()
    event_record(obj=record, action=gettext_lazy("Filed"), actor=actor, to_state=record.status)
    return record


@transaction.atomic
def record_archive(*, record: Record, actor, comment: str = "") -> Record:
    record = Record.objects.select_for_update().get(pk=record.pk)
    if not actor.has_perm("documents.change_record"):
        raise PermissionDenied(_("You cannot archive records."))
    if record.status == Record.Status.ARCHIVED:
        raise ValidationError(_("This record is already archived."))
    return transition_perform(
        obj=record,
        workflow=RECORD_WORKFLOW,
        target=Record.Status.ARCHIVED,
        actor=actor,
        comment=comment,
        action=gettext_lazy("Archived"),
    )


def people_with_perm(codename: str, app_label: str = "documents"):
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label,
        )
        .distinct()
    )
