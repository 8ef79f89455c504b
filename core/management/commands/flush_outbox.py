"""Queue again the tasks kept in the outbox while the broker was down."""

from django.core.management.base import BaseCommand

from core.outbox import flush_outbox


class Command(BaseCommand):
    help = "Queue again the tasks kept in the outbox while the broker was down."

    def handle(self, *args, **options):
        queued, waiting = flush_outbox()
        self.stdout.write(f"{queued} queued, {waiting} still waiting")
        return None
