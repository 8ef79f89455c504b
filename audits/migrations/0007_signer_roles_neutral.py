"""An audit's signers keep the roles held as their English labels, shown in the reader's language."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.stored_text import signer_to_english, rows_rewritten

    rows_rewritten(apps.get_model("audits", "Audit"), ("order_signer_name", "report_signer_name", "approver_name"), signer_to_english)


class Migration(migrations.Migration):
    dependencies = [
        ("audits", "0006_history_reason_text"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
