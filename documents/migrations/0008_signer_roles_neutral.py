"""A signature keeps the roles its signer held as their English labels, shown in the reader's language."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.stored_text import roles_to_english, rows_rewritten

    rows_rewritten(apps.get_model("documents", "Signature"), ("signer_role",), roles_to_english)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_acknowledgement_opened"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
