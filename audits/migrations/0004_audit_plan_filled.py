"""Audits recorded before the plan existed get a programme for their year, a number and dates
(the year's first and last day), so the new fields can be required."""

import datetime

from django.db import migrations


def fill(apps, schema_editor):
    Audit = apps.get_model("audits", "Audit")
    AuditProgramme = apps.get_model("audits", "AuditProgramme")
    HistoricalAudit = apps.get_model("audits", "HistoricalAudit")
    User = apps.get_model("core", "User")
    for index, audit in enumerate(Audit.objects.order_by("year", "pk"), start=1):
        author = User.objects.filter(is_superuser=True).order_by("pk").first() or User.objects.order_by("pk").first()
        programme, _ = AuditProgramme.objects.get_or_create(year=audit.year, defaults={"created_by": author})
        audit.programme = programme
        audit.number = audit.number or f"IA-{audit.year}-{index:02d}"
        audit.starts_on = audit.starts_on or datetime.date(audit.year, 1, 1)
        audit.ends_on = audit.ends_on or datetime.date(audit.year, 12, 31)
        audit.created_by = audit.created_by or author
        audit.created_at = audit.created_at or datetime.datetime.now(datetime.UTC)
        audit.save()
        # History keeps the rows as they were; they only gain the values now required.
        HistoricalAudit.objects.filter(id=audit.pk).update(
            number=audit.number,
            starts_on=audit.starts_on,
            ends_on=audit.ends_on,
            created_at=audit.created_at,
        )


class Migration(migrations.Migration):
    dependencies = [("audits", "0003_audit_plan")]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
