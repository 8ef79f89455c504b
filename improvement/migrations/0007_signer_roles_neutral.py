"""A review order's signer keeps the roles held as their English labels, shown in the reader's language."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.stored_text import signer_to_english, rows_rewritten

    rows_rewritten(apps.get_model("improvement", "ManagementReview"), ("order_signer_name",), signer_to_english)


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0006_management_review_kpi_reports"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
