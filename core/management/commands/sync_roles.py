from django.core.management.base import BaseCommand

from core.services import roles_sync


class Command(BaseCommand):
    help = "Create or update one group per role of the quality manual (idempotent)."

    def handle(self, *args, **options) -> None:
        counts = roles_sync()
        for role, n in counts.items():
            self.stdout.write(f"  {role:<20} {n} permissions")
        self.stdout.write(self.style.SUCCESS(f"{len(counts)} roles are in place."))
