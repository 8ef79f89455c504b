"""One archive that holds the whole agency, and the proof that it comes back.

``manage.py backup`` writes a tar archive: the database (PostgreSQL: ``pg_dump`` in its custom
format; SQLite: a consistent copy made with SQLite's backup API), every stored file, and a
manifest with the row count of every table (history tables included) and the SHA-256 of every
file. ``manage.py restore ARCHIVE`` puts it back into an empty database and an empty storage
and checks every count and every hash against the manifest. ``manage.py verify_storage``
re-hashes the stored files against the hashes the records keep.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import environ
from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA = "media"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be made or does not check out; the message says why."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def database_config(url: str | None = None) -> dict:
    if url:
        return environ.Env.db_url_config(url)
    return dict(settings.DATABASES["default"])


def _is_postgres(config: dict) -> bool:
    return "postgresql" in config["ENGINE"]


def _pg_env(config: dict) -> dict:
    env = dict(os.environ)
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = str(config["PASSWORD"])
    return env


def _pg_args(config: dict) -> list[str]:
    args = []
    if config.get("HOST"):
        args += ["-h", str(config["HOST"])]
    if config.get("PORT"):
        args += ["-p", str(config["PORT"])]
    if config.get("USER"):
        args += ["-U", str(config["USER"])]
    return args


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip() or done.stdout.strip()}")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def row_counts_pg(config: dict) -> dict[str, int]:
    import psycopg

    params = {
        "dbname": config["NAME"],
        "user": config.get("USER") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "password": config.get("PASSWORD") or None,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v}) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {t: conn.execute(f"SELECT COUNT(*) FROM {_quote(t)}").fetchone()[0] for t in tables}


def row_counts_sqlite(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {t: conn.execute(f"SELECT COUNT(*) FROM {_quote(t)}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def row_counts(config: dict) -> dict[str, int]:
    if _is_postgres(config):
        return row_counts_pg(config)
    return row_counts_sqlite(Path(config["NAME"]))


def media_files(root: Path) -> dict[str, dict]:
    """Every stored file under ``root``: its path (relative, with /), SHA-256 and size."""
    found = {}
    if not root.exists():
        return found
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        found[path.relative_to(root).as_posix()] = {"sha256": sha256_file(path), "size": path.stat().st_size}
    return found


@dataclass
class Summary:
    archive: Path
    tables: int = 0
    rows: int = 0
    files: int = 0
    problems: list[str] = field(default_factory=list)


def backup_make(output_dir: Path, *, media_root: Path | None = None) -> Summary:
    """Write the archive into ``output_dir``; its path is in the summary."""
    config = database_config()
    media_root = Path(media_root or settings.MEDIA_ROOT)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"iaar-backup-{stamp}.tar"
    # Close this process's connections so the copy sees only committed rows, alone.
    connections.close_all()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if _is_postgres(config):
            database = work / PG_DUMP
            _run(["pg_dump", "-Fc", "-f", str(database), *_pg_args(config), config["NAME"]], _pg_env(config))
        else:
            database = work / SQLITE_COPY
            source = sqlite3.connect(config["NAME"])
            target = sqlite3.connect(database)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        counts = row_counts(config)
        files = media_files(media_root)
        manifest = {
            "format": FORMAT,
            "made_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "engine": "postgresql" if _is_postgres(config) else "sqlite",
            "database_file": database.name,
            "database_sha256": sha256_file(database),
            "tables": counts,
            "files": files,
        }
        partial = archive.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(database, arcname=database.name)
            for name in files:
                tar.add(media_root / name, arcname=f"{MEDIA}/{name}")
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
            tar.addfile(info, io.BytesIO(data))
        partial.rename(archive)  # a half-written archive never carries the final name
    return Summary(archive=archive, tables=len(counts), rows=sum(counts.values()), files=len(files))


def _manifest_of(tar: tarfile.TarFile) -> dict:
    try:
        member = tar.getmember(MANIFEST)
    except KeyError as exc:
        raise BackupError("The archive has no manifest: it is not a backup of this portal.") from exc
    manifest = json.loads(tar.extractfile(member).read())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"The archive's format {manifest.get('format')!r} is not one this portal reads.")
    return manifest


def _database_empty(config: dict) -> bool:
    if _is_postgres(config):
        return not row_counts_pg(config)
    path = Path(config["NAME"])
    return not path.exists() or not row_counts_sqlite(path)


def backup_restore(
    archive: Path, *, database_url: str | None = None, media_root: Path | None = None
) -> Summary:
    """Restore the archive into an empty database and an empty storage, then check it."""
    config = database_config(database_url)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if not archive.exists():
        raise BackupError(f"No archive at {archive}.")
    if not _database_empty(config):
        raise BackupError(
            f"The database {config['NAME']} is not empty: restore into a new, empty database "
            "(create it, do not migrate it)."
        )
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"The file storage {media_root} is not empty: restore into an empty one.")
    with tarfile.open(archive, "r") as tar, tempfile.TemporaryDirectory() as work:
        manifest = _manifest_of(tar)
        engine = "postgresql" if _is_postgres(config) else "sqlite"
        if manifest["engine"] != engine:
            raise BackupError(f"The archive holds a {manifest['engine']} database; the target is {engine}.")
        work = Path(work)
        tar.extractall(work, filter="data")
        database = work / manifest["database_file"]
        if sha256_file(database) != manifest["database_sha256"]:
            raise BackupError(
                "The archive's database copy does not match its manifest: the archive is damaged."
            )
        if engine == "postgresql":
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "-d",
                    config["NAME"],
                    *_pg_args(config),
                    str(database),
                ],
                _pg_env(config),
            )
        else:
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(database, config["NAME"])
        media_root.mkdir(parents=True, exist_ok=True)
        for name in manifest["files"]:
            target = media_root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / MEDIA / name, target)
    return backup_verify(manifest, config, media_root, archive)


def backup_verify(manifest: dict, config: dict, media_root: Path, archive: Path) -> Summary:
    """Every table's count and every file's hash, against the manifest."""
    counts = row_counts(config)
    problems = []
    for table, expected in sorted(manifest["tables"].items()):
        found = counts.get(table)
        if found != expected:
            problems.append(f"table {table}: {found} rows, the backup had {expected}")
    for name, meta in sorted(manifest["files"].items()):
        path = media_root / name
        if not path.exists():
            problems.append(f"file {name}: missing")
        elif sha256_file(path) != meta["sha256"]:
            problems.append(f"file {name}: its SHA-256 differs from the backup's")
    summary = Summary(
        archive=archive,
        tables=len(manifest["tables"]),
        rows=sum(manifest["tables"].values()),
        files=len(manifest["files"]),
        problems=problems,
    )
    return summary


# --- The stored files against the records ------------------------------------------------------


def _hash_field(model, file_field: str) -> str | None:
    """The field that keeps the SHA-256 of ``file_field``'s content, by the portal's naming:
    ``file`` → ``sha256``; ``report_file`` or ``report_pdf`` → ``report_sha256``; ``order_file``
    → ``order_file_sha256`` first."""
    names = {f.name for f in model._meta.concrete_fields}
    stem = file_field.removesuffix("_file").removesuffix("_pdf")
    for candidate in (f"{file_field}_sha256", f"{stem}_sha256", "sha256" if file_field == "file" else ""):
        if candidate and candidate in names:
            return candidate
    return None


@dataclass
class StorageReport:
    checked: int = 0
    unhashed: int = 0
    missing: list[str] = field(default_factory=list)
    altered: list[str] = field(default_factory=list)


def storage_verify() -> StorageReport:
    """Every file a record names: present, and (where the record keeps one) the same SHA-256."""
    from django.apps import apps
    from django.core.files.storage import default_storage
    from django.db import models

    report = StorageReport()
    for model in apps.get_models():
        if hasattr(model, "instance_type"):
            continue  # a history row (django-simple-history) names the same file as its record
        files = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for file_field in files:
            hash_field = _hash_field(model, file_field.name)
            fields = ["pk", file_field.name] + ([hash_field] if hash_field else [])
            rows = model._base_manager.exclude(**{file_field.name: ""}).values_list(*fields)
            for row in rows.iterator():
                pk, name, *expected = row
                where = f"{model._meta.label} #{pk} {file_field.name}: {name}"
                report.checked += 1
                if not default_storage.exists(name):
                    report.missing.append(where)
                    continue
                if not expected or not expected[0]:
                    report.unhashed += 1
                    continue
                digest = hashlib.sha256()
                with default_storage.open(name, "rb") as handle:
                    for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                        digest.update(chunk)
                if digest.hexdigest() != expected[0]:
                    report.altered.append(where)
    return report
