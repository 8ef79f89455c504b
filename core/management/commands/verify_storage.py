"""manage.py verify_storage: every stored file a record names, present and unaltered."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import storage_verify


class Command(BaseCommand):
    help = "Re-hash every stored file against the SHA-256 its record keeps; list missing or altered files."

    def handle(self, *args, **options) -> None:
        report = storage_verify()
        for where in report.missing:
            self.stdout.write(f"missing: {where}")
        for where in report.altered:
            self.stdout.write(f"altered: {where}")
        self.stdout.write(
            f"{report.checked} files checked, {report.unhashed} without a recorded SHA-256, "
            f"{len(report.missing)} missing, {len(report.altered)} altered."
        )
        if report.missing or report.altered:
            raise CommandError("Stored files are missing or altered.")
