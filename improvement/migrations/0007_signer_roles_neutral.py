"""A review order's signer keeps the roles held as their English labels, shown in the reader's language."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.stored_text import signer_to_english

    for row in apps.get_model("improvement", "ManagementReview").objects.iterator():
        changed = {}
        for field in ("order_signer_name",):
            value = getattr(row, field)
            if value and (neutral := signer_to_english(value)) != value:
                changed[field] = neutral
        if changed:
            for field, value in changed.items():
                setattr(row, field, value)
            row.save(update_fields=list(changed))


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0006_management_review_kpi_reports"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
