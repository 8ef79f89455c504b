"""Pieces every document service shares: who may edit, signing, file storage."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import CheckedFile, check_upload, sha256_of
from core.models import stored
from core.permissions import password_confirm, user_role_labels

from ..models import Document, DocumentVersion, Signature
from ..workflow import edits_document


def can_edit(user, document: Document) -> bool:
    """The owner and the drafting staff (legal head, IQAS owner) draft and revise: the
    relation "edits the document" of the workflow tables."""
    return edits_document(user, document)


def require_edit(user, document: Document) -> None:
    if not can_edit(user, document):
        raise PermissionDenied(_("Only the document's owner, the legal head or the IQAS owner can do this."))


def store_file(version: DocumentVersion, upload: UploadedFile, checked: CheckedFile) -> None:
    version.file.save(upload.name, upload, save=False)
    version.file_name = upload.name[:255]
    version.file_type = checked.kind
    version.file_size = checked.size
    version.sha256 = checked.sha256
    version.text = checked.text


def checked_upload(upload: UploadedFile) -> CheckedFile:
    return check_upload(upload)


def verify_file(version: DocumentVersion) -> None:
    """The stored file must still be the one whose checksum was recorded."""
    with version.file.open("rb") as handle:
        if sha256_of(handle) != version.sha256:
            raise ValidationError(
                _(
                    "The stored file of %(version)s does not match its checksum; it may have been altered. "
                    "Nothing was signed. Tell the portal administrator."
                )
                % {"version": version}
            )


def sign(*, version: DocumentVersion, actor, meaning: str, password: str) -> Signature:
    """An electronic signature: the signer proves who they are again, and the file's hash is kept."""
    password_confirm(actor, password)
    verify_file(version)
    roles = user_role_labels(actor) or actor.position or stored(gettext_lazy("no role"))
    return Signature.objects.create(
        version=version,
        signer=actor,
        signer_name=str(actor),
        signer_role=roles,
        meaning=meaning,
        file_sha256=version.sha256,
    )
