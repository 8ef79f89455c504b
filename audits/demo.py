from guardian.shortcuts import assign_perm

from .models import Audit

AUDITS = [
    (2025, "Internal audit of the accreditation process", Audit.Status.CLOSED),
    (2026, "Internal audit of document management and post-monitoring", Audit.Status.IN_PROGRESS),
]


def seed(people: dict) -> None:
    for year, title, status in AUDITS:
        audit, _ = Audit.objects.get_or_create(year=year, title=title, defaults={"status": status})
        if status == Audit.Status.IN_PROGRESS:
            assign_perm("audits.view_audit", people["auditor"], audit)
