"""Make the demo's self-signed agency signing certificate, unless one is configured already."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.pdf_signing import demo_key_create, signing_ready


class Command(BaseCommand):
    help = "Create a self-signed agency certificate for signing PDFs (demo and tests only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Replace an existing key.")

    def handle(self, *args, force=False, **options):
        if signing_ready() and not force:
            self.stdout.write(f"Signing key present: {settings.IAAR_SIGNING_CERT_FILE}")
            return
        demo_key_create(Path(settings.IAAR_SIGNING_KEY_FILE), Path(settings.IAAR_SIGNING_CERT_FILE))
        self.stdout.write(f"Self-signed demo certificate written to {settings.IAAR_SIGNING_CERT_FILE}")
