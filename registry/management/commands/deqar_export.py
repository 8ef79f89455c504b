"""Write published reports in DEQAR's submission format: its CSV upload or its JSON."""

import datetime
import json

from django.core.management.base import BaseCommand

from registry import deqar


class Command(BaseCommand):
    help = "Write published reports in DEQAR's submission format (CSV upload or submission API JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="json")
        parser.add_argument("--organization", help="Only this organization's reports (its IAAR ID).")
        parser.add_argument("--since", help="Only reports published on or after this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        since = datetime.date.fromisoformat(options["since"]) if options["since"] else None
        rows = deqar.reports(organization=options["organization"] or "", since=since)
        if options["format"] == "csv":
            deqar.write_csv(rows, self.stdout)
        else:
            self.stdout.write(json.dumps([deqar.payload(p) for p in rows], ensure_ascii=False, indent=2))
