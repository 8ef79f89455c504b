"""Uploaded files: the type is read from the content (not the name), checked against the
name, hashed with SHA-256, and its text extracted for search and for diffs between versions."""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Kind → (label, file-name extensions that may carry it)
KINDS = {
    "pdf": ("PDF", {"pdf"}),
    "docx": ("Word (DOCX)", {"docx"}),
    "xlsx": ("Excel (XLSX)", {"xlsx"}),
    "pptx": ("PowerPoint (PPTX)", {"pptx"}),
    "odt": ("OpenDocument text (ODT)", {"odt"}),
    "ods": ("OpenDocument spreadsheet (ODS)", {"ods"}),
    "txt": ("Plain text", {"txt", "md"}),
}
_OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
_ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    size: int
    sha256: str
    text: str


def sha256_of(handle) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for chunk in iter(lambda: handle.read(1 << 16), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


def detect_kind(head: bytes, handle) -> str | None:
    """What the bytes really are, whatever the file is called."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(handle) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    return _ODF_TYPES.get(archive.read("mimetype").decode("ascii", "replace").strip())
                for part, kind in _OOXML_PARTS.items():
                    if part in names:
                        return kind
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            handle.seek(0)
        return None
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return None
    return "txt"


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Refuse what is too big, of a type we do not keep, or not what its name says."""
    limit = settings.DOCUMENT_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."))
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    kind = detect_kind(head, upload)
    allowed = ", ".join(label for label, _exts in KINDS.values())
    if kind is None:
        raise ValidationError(
            _("This type of file is not accepted. Upload one of: %(allowed)s.") % {"allowed": allowed}
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in KINDS[kind][1]:
        raise ValidationError(
            _("The file is named “%(name)s” but its content is %(kind)s. Rename it or upload the right file.")
            % {"name": upload.name, "kind": KINDS[kind][0]}
        )
    return CheckedFile(kind=kind, size=upload.size, sha256=sha256_of(upload), text=extract_text(kind, upload))


def _xml_text(data: bytes, paragraph_tags: set[str]) -> str:
    lines, current = [], []
    for element in ElementTree.fromstring(data).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in paragraph_tags and current:
            lines.append("".join(current))
            current = []
        if element.text and tag in {"t", "span", "p", "h"}:
            current.append(element.text)
        if element.tail and tag == "span":
            current.append(element.tail)
    if current:
        lines.append("".join(current))
    return "\n".join(line.strip() for line in lines if line.strip())


def extract_text(kind: str, handle) -> str:
    """Best-effort plain text; an empty string where none can be had."""
    handle.seek(0)
    try:
        if kind == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(handle.read()))
            text = "\n".join(page.extract_text() or "" for page in reader.pages[:300])
        elif kind == "docx":
            with zipfile.ZipFile(handle) as archive:
                text = _xml_text(archive.read("word/document.xml"), {"p"})
        elif kind == "odt":
            with zipfile.ZipFile(handle) as archive:
                text = _xml_text(archive.read("content.xml"), {"p", "h"})
        elif kind == "txt":
            text = handle.read().decode("utf-8", "replace")
        else:
            text = ""
    except Exception:  # a damaged file still uploads; it just has no text to search or diff
        text = ""
    finally:
        handle.seek(0)
    return re.sub(r"[ \t]+", " ", text.replace("\x00", ""))[:1_000_000]
