"""Files are judged by their content: a corpus of hostile files, each refused by the one
checker every upload goes through (documents, self-assessment, evidence, monitoring and
commission reports, expert certificates, audit reports), with a message for the uploader."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.files import check_upload
from demo.documents import simple_pdf

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def office(parts: dict, *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(body: str = "<w:p><w:r><w:t>Policy</w:t></w:r></w:p>", prolog: str = "", **extra) -> bytes:
    return office(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": f"{prolog}<w:document {W}><w:body>{body}</w:body></w:document>",
            **extra,
        }
    )


def pdf_with(fragment: bytes) -> bytes:
    pdf = simple_pdf(["Self-assessment report"])
    cut = pdf.rindex(b"trailer")
    return pdf[:cut] + b"99 0 obj\n<< " + fragment + b" >>\nendobj\n" + pdf[cut:]


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{"&lol%s;" % ("" if i == 1 else i - 1) * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

HOSTILE = {
    "zip bomb": ("report.docx", docx(**{"word/media/zeros.bin": b"\0" * (40 * 1024 * 1024)})),
    "too many parts": ("report.docx", docx(**{f"word/p{i}.xml": "<a/>" for i in range(2100)})),
    "billion laughs": ("report.docx", docx("<w:p>&lol9;</w:p>", prolog=LAUGHS)),
    "external entity": ("report.docx", docx("<w:p>&x;</w:p>", prolog=XXE)),
    "entity in a side part": ("report.docx", docx(**{"word/styles.xml": LAUGHS + "<s/>"})),
    "nested zip": ("report.docx", docx(**{"word/embeddings/inner.zip": office({"a.txt": "a"})})),
    "nested gzip by content": ("report.docx", docx(**{"word/media/blob.bin": b"\x1f\x8b\x08" + b"x" * 64})),
    "xlsx bomb": (
        "table.xlsx",
        office(
            {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/big.bin": b"\0" * 30_000_000}
        ),
    ),
    "odt with entities": (
        "report.odt",
        office(
            {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": LAUGHS + "<c>&lol9;</c>"},
            compression=zipfile.ZIP_STORED,
        ),
    ),
    "pdf javascript": ("report.pdf", pdf_with(b"/S /JavaScript /JS (app.alert(1))")),
    "pdf launch": ("report.pdf", pdf_with(b"/Type /Action /S /Launch /F (cmd.exe)")),
    "pdf embedded file": ("report.pdf", pdf_with(b"/Type /Filespec /EF << /F 5 0 R >> /EmbeddedFile 5 0 R")),
    "pdf rich media": ("report.pdf", pdf_with(b"/Subtype /RichMedia")),
    "pdf xfa form": ("report.pdf", pdf_with(b"/XFA 7 0 R")),
    "pdf escaped name": ("report.pdf", pdf_with(b"/S /J#61vaScript /JS (x)")),
    "pdf open action to a site": (
        "report.pdf",
        pdf_with(b"/OpenAction << /S /URI /URI (http://evil.example) >>"),
    ),
    "pdf and zip polyglot": (
        "report.pdf",
        simple_pdf(["Report"]) + office({"evil.html": "<script>x</script>"}),
    ),
    "html saved as txt": ("notes.txt", b"<!DOCTYPE html><html><body>Hi</body></html>"),
    "script in txt": ("notes.txt", b"Minutes\n<script>fetch('/')</script>\n"),
    "svg in md": ("notes.md", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    "javascript link in txt": ("notes.txt", b"see javascript:alert(document.cookie)"),
    "exe named pdf": ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),
    "html named docx": ("report.docx", b"<html><body>not a document</body></html>"),
    "zip named pdf": ("report.pdf", office({"a.txt": "a"})),
    "empty file": ("report.pdf", b""),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_with_a_message(case, settings):
    settings.LANGUAGE_CODE = "en"
    name, content = HOSTILE[case]
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile(name, content))
    assert refused.value.messages and all(len(message) > 10 for message in refused.value.messages)


def test_the_corpus_is_large():
    assert len(HOSTILE) >= 20


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.docx", docx(), "docx"),
        ("report.pdf", simple_pdf(["Self-assessment report", "Standard 1"]), "pdf"),
        ("notes.txt", "Протокол заседания: 5 < 7 и 3 > 2\n".encode(), "txt"),
    ],
)
def test_ordinary_files_are_still_accepted(name, content, kind):
    assert check_upload(SimpleUploadedFile(name, content)).kind == kind


def test_the_refusal_is_in_the_uploaders_language():
    from django.utils import translation

    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile(*HOSTILE["pdf javascript"]))
    assert "активное содержимое" in refused.value.messages[0]
