from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.roles import Role
from demo.people import DEMO_PASSWORD, PEOPLE


class Command(BaseCommand):
    help = "Create demo data: one login per role and a living agency (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also generate N organizations and N documents for benchmarks.",
        )

    def handle(self, *args, scale: int, **options) -> None:
        from demo.seed import seed_all, seed_scale

        if scale < 0 or scale > 1_000_000:
            raise CommandError("--scale takes a whole number from 0 to 1 000 000.")
        people = seed_all()
        if scale:
            made = seed_scale(scale, owner=people["qms"])
            self.stdout.write(f"Generated {made} benchmark rows.")
        self.stdout.write(
            self.style.SUCCESS("Demo data is in place. Sign in at http://127.0.0.1:8000/accounts/login/")
        )
        self.stdout.write(f"Every demo login uses the password: {DEMO_PASSWORD}\n")
        self.stdout.write(f"  {'login':<13} role")
        for username, roles, *_rest in PEOPLE:
            self.stdout.write(f"  {username:<13} {', '.join(str(Role(r).label) for r in roles)}")
        self.stdout.write(f"  {'admin':<13} {_('Portal administrator (Django admin)')}")
