"""manage.py restore ARCHIVE: into an empty database and storage, then every count and hash checked."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and file storage, and verify it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive")
        parser.add_argument("--database-url", default="", help="The empty target (default: DATABASE_URL)")
        parser.add_argument("--media-root", default="", help="The empty file storage (default: MEDIA_ROOT)")

    def handle(self, *args, **options) -> None:
        try:
            summary = backup_restore(
                Path(options["archive"]),
                database_url=options["database_url"] or None,
                media_root=Path(options["media_root"]) if options["media_root"] else None,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if summary.problems:
            raise CommandError("The restore does not match the backup:\n  " + "\n  ".join(summary.problems))
        self.stdout.write(
            f"Restored and verified: {summary.tables} tables, {summary.rows} rows, {summary.files} files."
        )
