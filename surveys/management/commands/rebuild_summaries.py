"""Recount the summary rows from the records (issue 22): the survey results' (from the answers)
and KPI 3's (from the certificates), after a bulk load or to check them. ``--check`` only
compares and says what differs; ``--campaign`` limits the work to those campaigns' survey rows."""

from django.core.management.base import BaseCommand, CommandError

from accreditation import kpi_summaries
from surveys import summaries
from surveys.models import Campaign


class Command(BaseCommand):
    help = "Recount the summary rows: survey responses and answers per campaign and month, KPI 3 per month."

    def add_arguments(self, parser):
        parser.add_argument("--campaign", action="append", default=[], help="a campaign number (repeatable)")
        parser.add_argument(
            "--check",
            action="store_true",
            help="compare with a recount, change nothing; fail on a difference",
        )

    def handle(self, *args, **options):
        ids = None
        if options["campaign"]:
            found = dict(Campaign.objects.filter(number__in=options["campaign"]).values_list("number", "pk"))
            missing = sorted(set(options["campaign"]) - set(found))
            if missing:
                raise CommandError(f"No campaign numbered {', '.join(missing)}; nothing was changed.")
            ids = list(found.values())
        if options["check"]:
            differ = summaries.differing(ids)
            if differ:
                numbers = (
                    Campaign.objects.filter(pk__in=differ).order_by("number").values_list("number", flat=True)
                )
                raise CommandError(f"Summary rows differ from the answers for: {', '.join(numbers)}")
            if ids is None and kpi_summaries.stored() != kpi_summaries.recount():
                raise CommandError("KPI 3's monthly rows differ from the certificates.")
            self.stdout.write("The summary rows equal a recount of the answers and certificates.")
            return
        responses, answers = summaries.rebuild(ids)
        self.stdout.write(f"Rebuilt {responses} response rows and {answers} answer rows.")
        if ids is None:
            self.stdout.write(f"Rebuilt {kpi_summaries.rebuild()} months of KPI 3.")
