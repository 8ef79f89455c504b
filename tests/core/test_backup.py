"""A backup the agency can trust: one archive, restored into an empty database and storage,
every table's rows (history included) and every file's SHA-256 the same; damaged archives and
occupied targets refused; stored files re-hashed against their records."""

import io
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from core.backup import database_config, row_counts, sha256_file
from tests.factories import UserFactory

POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture
def empty_target(tmp_path):
    """A new, empty database of the same engine, and its URL."""
    if not POSTGRES:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    config = database_config()
    name = f"iaar_restore_{uuid.uuid4().hex[:8]}"
    params = {
        k: v
        for k, v in {
            "user": config.get("USER"),
            "host": config.get("HOST"),
            "port": config.get("PORT"),
            "password": config.get("PASSWORD"),
        }.items()
        if v
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    user = config.get("USER") or "postgres"
    host = config.get("HOST") or "127.0.0.1"
    port = config.get("PORT") or 5432
    yield f"postgres://{user}@{host}:{port}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _agency_with_files():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.roles import Role
    from core.services import user_set_roles
    from documents import services
    from documents.models import Document

    owner = UserFactory(username="backup_owner")
    user_set_roles(user=owner, roles=[Role.QMS_OWNER])
    return services.document_create(
        actor=owner,
        owner=owner,
        title="Quality manual",
        doc_type=Document.Type.FORM,
        upload=SimpleUploadedFile("manual.txt", b"The quality manual, edition 3.", "text/plain"),
        change_summary="First",
    )


def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(
    transactional_db, roles, tmp_path, empty_target, capsys
):
    document = _agency_with_files()
    document.title = "Quality manual (revised)"
    document._change_reason = "Renamed"
    document.save()
    before = row_counts(database_config())
    stored = {
        p.relative_to(settings.MEDIA_ROOT).as_posix(): sha256_file(p)
        for p in Path(settings.MEDIA_ROOT).rglob("*")
        if p.is_file()
    }
    assert stored, "the document's file is stored"
    assert before["documents_historicaldocument"] >= 2

    call_command("backup", output=str(tmp_path / "out"))
    archive = next((tmp_path / "out").glob("iaar-backup-*.tar"))
    assert "tables" in capsys.readouterr().out

    restored_media = tmp_path / "media"
    call_command("restore", str(archive), database_url=empty_target, media_root=str(restored_media))
    assert "Restored and verified" in capsys.readouterr().out

    after = row_counts(database_config(empty_target))
    assert after == before  # every table, the history tables included
    assert {
        p.relative_to(restored_media).as_posix(): sha256_file(p)
        for p in restored_media.rglob("*")
        if p.is_file()
    } == stored


def test_restore_refuses_a_database_that_is_not_empty_and_changes_nothing(transactional_db, roles, tmp_path):
    _agency_with_files()
    call_command("backup", output=str(tmp_path))
    archive = next(tmp_path.glob("iaar-backup-*.tar"))
    before = row_counts(database_config())
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive), media_root=str(tmp_path / "media"))
    assert row_counts(database_config()) == before
    assert not (tmp_path / "media").exists()


def test_a_damaged_archive_is_refused(transactional_db, roles, tmp_path, empty_target):
    _agency_with_files()
    call_command("backup", output=str(tmp_path / "out"))
    archive = next((tmp_path / "out").glob("iaar-backup-*.tar"))
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database."):
                data = data[:-1] + bytes([data[-1] ^ 1])
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged), database_url=empty_target, media_root=str(tmp_path / "media"))


def test_verify_storage_finds_an_altered_and_a_missing_file(db, roles, capsys):
    from django.core.files.storage import default_storage

    first = _agency_with_files()
    call_command("verify_storage")
    assert " 0 missing, 0 altered" in capsys.readouterr().out

    version = first.versions.get()
    with default_storage.open(version.file.name, "wb") as handle:
        handle.write(b"The quality manual, edited behind the portal's back.")
    with pytest.raises(CommandError):
        call_command("verify_storage")
    out = capsys.readouterr().out
    assert "altered: documents.DocumentVersion" in out

    default_storage.delete(version.file.name)
    with pytest.raises(CommandError):
        call_command("verify_storage")
    assert "missing: documents.DocumentVersion" in capsys.readouterr().out
