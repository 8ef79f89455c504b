"""manage.py backup [--output DIR]: the database, the stored files and a manifest, in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_make


class Command(BaseCommand):
    help = "Write one archive: the database (pg_dump or SQLite copy), every stored file and a manifest."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "backups"), help="Directory")

    def handle(self, *args, **options) -> None:
        try:
            summary = backup_make(Path(options["output"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{summary.archive}: {summary.tables} tables, {summary.rows} rows, {summary.files} files."
        )
