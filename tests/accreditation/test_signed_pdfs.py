"""The agency's PDFs carry its signature inside the file (PAdES): ``pdfsig`` (poppler, an
outside checker) finds it valid and the file unmodified; one changed byte breaks it."""

import io
import subprocess

import pytest
from django.urls import reverse

from accreditation import services as outcome
from accreditation.models import AccreditationProject
from demo.walkthrough import drive

pytestmark = pytest.mark.django_db
S = AccreditationProject.Status


def _pdfsig(content: bytes, tmp_path) -> str:
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def _flip_one_byte(content: bytes) -> bytes:
    """A byte of the page content, well inside the signed range, changed."""
    at = content.index(b"stream") + 40
    return content[:at] + bytes([content[at] ^ 0x01]) + content[at + 1 :]


@pytest.fixture
def signed_certificate(cast):
    project = drive(cast.project, cast, S.DECIDED)
    certificate = project.certificates.get()
    outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)
    return certificate


def test_a_fresh_certificate_is_signed_valid_and_one_byte_changed_makes_it_fail(
    cast, signed_certificate, client, tmp_path
):
    client.force_login(cast.rep)
    content = client.get(reverse("accreditation:certificate_pdf", args=[signed_certificate.pk])).content
    report = _pdfsig(content, tmp_path)
    assert "Signature is Valid." in report, report
    assert "The signature form field is not signed" not in report
    assert "IAAR QMS demo signing certificate" in report
    assert "Total document signed" in report  # the signature covers the whole file
    broken = _pdfsig(_flip_one_byte(content), tmp_path)
    assert "Signature is Valid." not in broken, broken


def test_published_decision_and_report_are_signed(cast, signed_certificate, tmp_path):
    publication = outcome.publish(project=signed_certificate.project, actor=cast.secretary)
    for stored in (publication.decision_pdf, publication.report_pdf):
        assert "Signature is Valid." in _pdfsig(stored.read(), tmp_path), stored.name


def test_the_signature_check_tells_ours_intact_from_altered_and_unsigned(cast, signed_certificate, client):
    from core.pdf_signing import signature_check

    client.force_login(cast.rep)
    content = client.get(reverse("accreditation:certificate_pdf", args=[signed_certificate.pk])).content
    good = signature_check(content)
    assert good["signed"] and good["intact"] and good["ours"]
    assert not signature_check(_flip_one_byte(content))["intact"]
    from pypdf import PdfWriter

    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(blank)
    assert signature_check(blank.getvalue())["signed"] is False
    assert signature_check(b"not a pdf at all")["signed"] is False


def test_the_public_check_answers_for_an_uploaded_pdf(cast, signed_certificate, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    outcome.publish(project=signed_certificate.project, actor=cast.secretary)
    client.force_login(cast.rep)
    content = client.get(reverse("accreditation:certificate_pdf", args=[signed_certificate.pk])).content
    client.logout()

    def check(data: bytes, name="certificate.pdf"):
        upload = SimpleUploadedFile(name, data, "application/pdf")
        return client.post(reverse("registry:verify"), {"file": upload})

    good = check(content)
    page = good.content.decode()
    assert good.status_code == 200
    assert "is a document signed by IAAR" in page and "not changed since" in page
    assert signed_certificate.number in page and "genuine and in force" in page
    altered = check(_flip_one_byte(content)).content.decode()
    assert "has been changed after it was signed" in altered and "genuine and in force" not in altered
    assert "carries no IAAR signature" in check(b"%PDF-1.4 nothing here").content.decode()
    empty = client.post(reverse("registry:verify"), {})
    assert empty.status_code == 400 and "Choose the PDF file" in empty.content.decode()


def test_published_files_keep_their_sha256_and_an_altered_one_is_not_handed_out(
    cast, signed_certificate, client
):
    import hashlib

    from django.core.files.storage import default_storage

    from core.backup import storage_verify

    publication = outcome.publish(project=signed_certificate.project, actor=cast.secretary)
    for stored, recorded in (
        (publication.decision_pdf, publication.decision_sha256),
        (publication.report_pdf, publication.report_sha256),
    ):
        stored.open("rb")
        assert hashlib.sha256(stored.read()).hexdigest() == recorded
        stored.close()
    url = reverse("registry:file", args=[publication.pk, "decision"])
    assert client.get(url).status_code == 200
    assert not storage_verify().altered

    with default_storage.open(publication.decision_pdf.name, "wb") as handle:
        handle.write(b"%PDF-1.7 forged decision")
    response = client.get(url)
    assert response.status_code == 409
    assert "no longer matches the checksum" in response.content.decode()
    assert any(publication.decision_pdf.name in line for line in storage_verify().altered)
