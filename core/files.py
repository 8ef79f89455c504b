"""Uploaded files: the type is read from the content (not the name), checked against the
name, refused when hostile (archive bombs, XML entity tricks, active PDF content, polyglots,
markup passed off as text), hashed with SHA-256, and its text extracted for search and for
diffs between versions. Every upload form and service goes through check_upload."""

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
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


# Limits for OOXML/ODF containers, checked from the central directory before anything is inflated.
MAX_ARCHIVE_ENTRIES = 2000
MAX_ARCHIVE_UNCOMPRESSED = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
_NESTED_ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!", b"BZh", b"\xfd7zXZ")
_NESTED_ARCHIVE_SUFFIXES = (".zip", ".jar", ".gz", ".tgz", ".7z", ".rar", ".bz2", ".xz", ".tar", ".cab")
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9])")
_PDF_OPEN_ACTION = re.compile(rb"/OpenAction|/AA(?![A-Za-z0-9])")
_MARKUP_IN_TEXT = re.compile(
    rb"<\s*(script|html|body|iframe|svg|object|embed|meta|form|img|a\s+href|!doctype\s+html)\b|javascript:",
    re.IGNORECASE,
)


def _refuse_hostile_archive(handle) -> None:
    """An office container must be small, flat and plain XML; checked before parsing any part."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ARCHIVE_ENTRIES:
                raise ValidationError(
                    _("The file contains too many parts (%(count)s; at most %(limit)s are allowed).")
                    % {"count": len(infos), "limit": MAX_ARCHIVE_ENTRIES}
                )
            total = sum(info.file_size for info in infos)
            if total > MAX_ARCHIVE_UNCOMPRESSED:
                raise ValidationError(
                    _("The file would unpack to %(size)s; at most %(limit)s are allowed.")
                    % {"size": filesizeformat(total), "limit": filesizeformat(MAX_ARCHIVE_UNCOMPRESSED)}
                )
            for info in infos:
                if info.file_size > 1024 and info.file_size > MAX_COMPRESSION_RATIO * max(
                    info.compress_size, 1
                ):
                    raise ValidationError(
                        _(
                            "The file is compressed suspiciously tightly (a possible archive bomb) and is refused."
                        )
                    )
            for info in infos:
                if info.is_dir():
                    continue
                lowered = info.filename.lower()
                with archive.open(info) as part:
                    data = part.read(MAX_ARCHIVE_UNCOMPRESSED + 1)
                if len(data) > info.file_size or len(data) > MAX_ARCHIVE_UNCOMPRESSED:
                    raise ValidationError(
                        _(
                            "The file is compressed suspiciously tightly (a possible archive bomb) and is refused."
                        )
                    )
                if lowered.endswith(_NESTED_ARCHIVE_SUFFIXES) or data.startswith(_NESTED_ARCHIVE_MAGIC):
                    raise ValidationError(_("The file contains another archive inside it and is refused."))
                if lowered.endswith((".xml", ".rels")) or data.lstrip()[:5] == b"<?xml":
                    try:
                        ElementTree.fromstring(data, forbid_dtd=True)
                    except DefusedXmlException:
                        raise ValidationError(
                            _(
                                "The file contains XML entity definitions or external references and is refused."
                            )
                        ) from None
                    except ElementTree.ParseError:
                        raise ValidationError(
                            _("The file is damaged: one of its parts is not valid XML.")
                        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, RuntimeError):
        raise ValidationError(_("The file is damaged and cannot be opened.")) from None
    finally:
        handle.seek(0)


def _refuse_hostile_pdf(data: bytes) -> None:
    if b"PK\x03\x04" in data or b"PK\x05\x06" in data or b"PK\x01\x02" in data:
        raise ValidationError(_("The PDF also contains an archive (a polyglot file) and is refused."))
    match = _PDF_ACTIVE.search(data)
    if match:
        raise ValidationError(
            _("The PDF contains active content (%(what)s) and is refused. Save it again as a plain PDF.")
            % {"what": match.group(1).decode("ascii")}
        )
    if _PDF_OPEN_ACTION.search(data) and re.search(rb"/S\s*/(JavaScript|Launch|URI|SubmitForm)", data):
        raise ValidationError(_("The PDF runs an action when it is opened and is refused."))
    if re.search(rb"#[0-9A-Fa-f]{2}", data) and re.search(rb"/(J|#4[Aa])(a|#61)", data):
        # Names written with #xx escapes (/J#61vaScript) hide active content from simple checks.
        decoded = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)
        if _PDF_ACTIVE.search(decoded):
            raise ValidationError(
                _("The PDF contains active content (%(what)s) and is refused. Save it again as a plain PDF.")
                % {"what": _PDF_ACTIVE.search(decoded).group(1).decode("ascii")}
            )


def refuse_hostile(kind: str, handle) -> None:
    """Raise ValidationError when content of this kind could attack a reader or the server."""
    handle.seek(0)
    if kind in {"docx", "xlsx", "pptx", "odt", "ods"}:
        _refuse_hostile_archive(handle)
    elif kind == "pdf":
        _refuse_hostile_pdf(handle.read())
    elif kind == "txt":
        data = handle.read()
        if _MARKUP_IN_TEXT.search(data) or b"PK\x03\x04" in data:
            raise ValidationError(_("The text file contains web page or script markup and is refused."))
    handle.seek(0)


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
    refuse_hostile(kind, upload)
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
