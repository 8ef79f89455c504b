"""A full disk while a file is stored: the form again with a plain message, and nothing kept —
no record, no partly written file."""

import errno
import html
import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accreditation.models import SelfAssessment
from documents.models import Document, DocumentVersion
from tests.accreditation.test_application import _to_self_assessment, world  # noqa: F401

MESSAGE = (
    "The file could not be stored: the server's disk is full. Nothing was saved; "
    "please try again later or tell the administrator."
)
RUSSIAN = "Файл не удалось сохранить: диск сервера заполнен."


def _files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


@pytest.fixture(params=[errno.ENOSPC, errno.EDQUOT, errno.EIO])
def full_disk(request, monkeypatch):
    """The disk fills up half-way through writing the file."""

    def write_half_then_fail(self, name, content):
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        data = b"".join(content.chunks())
        path.write_bytes(data[: max(1, len(data) // 2)])
        raise OSError(request.param, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", write_half_then_fail)
    return request.param


def _register(client):
    return client.post(
        reverse("documents:create"),
        {
            "doc_type": "policy",
            "title": "Privacy policy",
            "owner": client.user.pk,
            "confidentiality": "internal",
            "review_interval_months": 12,
            "retention_years": 5,
            "change_summary": "First edition",
            "file": SimpleUploadedFile("policy.txt", b"Quality policy\n" * 100),
        },
    )


def test_a_document_is_not_registered_when_the_disk_is_full(client_as, full_disk, caplog):
    client = client_as("legal_head", language="en")
    before = _files()
    with caplog.at_level(logging.ERROR, logger="core.storage"):
        response = _register(client)
    assert response.status_code == 200
    assert MESSAGE in html.unescape(response.content.decode())
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert _files() == before
    assert any("file not stored" in record.getMessage() for record in caplog.records)


def test_the_message_is_in_the_readers_language(client_as, full_disk):
    client = client_as("legal_head", language="ru")
    client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    response = _register(client)
    assert response.status_code == 200
    assert RUSSIAN in html.unescape(response.content.decode())
    assert not Document.objects.exists()


def test_a_self_assessment_is_not_submitted_when_the_disk_is_full(client, world, full_disk):  # noqa: F811
    project = _to_self_assessment(world)
    client.force_login(world["rep"])
    before = _files()
    response = client.post(
        reverse("accreditation:self_assessment_submit", args=[project.pk]),
        {"file": SimpleUploadedFile("report.txt", b"Standard 1. Mission.\n" * 50)},
    )
    assert response.status_code == 200
    assert MESSAGE in html.unescape(response.content.decode())
    assert not SelfAssessment.objects.exists()
    assert _files() == before
    project.refresh_from_db()
    assert project.status == "self_assessment"


def test_other_storage_faults_are_not_hidden(monkeypatch, tmp_path):
    from core.storage import SafeFileSystemStorage

    def refuse(self, name, content):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(FileSystemStorage, "_save", refuse)
    with pytest.raises(PermissionError):
        SafeFileSystemStorage(location=tmp_path).save("a.txt", SimpleUploadedFile("a.txt", b"x"))


def test_the_real_write_failing_half_way_leaves_no_file(monkeypatch, tmp_path):
    """Django's own writer, with the disk filling after the first bytes."""
    import os

    from django.core.exceptions import ValidationError
    from django.core.files.storage import filesystem

    from core.storage import SafeFileSystemStorage

    real_fdopen = os.fdopen

    class FillingDisk:
        def __init__(self, handle):
            self.handle = handle

        def write(self, chunk):
            self.handle.write(chunk[:3])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.handle.close()

    monkeypatch.setattr(filesystem.os, "fdopen", lambda fd, mode: FillingDisk(real_fdopen(fd, mode)))
    storage = SafeFileSystemStorage(location=tmp_path)
    with pytest.raises(ValidationError) as refused:
        storage.save("sub/report.txt", SimpleUploadedFile("report.txt", b"Standard 1. Mission."))
    assert refused.value.messages == [MESSAGE]
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
