"""A signature keeps the roles its signer held as their English labels, shown in the reader's language."""

from django.db import migrations


def forwards(apps, schema_editor):
    from core.stored_text import roles_to_english

    for row in apps.get_model("documents", "Signature").objects.iterator():
        changed = {}
        for field in ("signer_role",):
            value = getattr(row, field)
            if value and (neutral := roles_to_english(value)) != value:
                changed[field] = neutral
        if changed:
            for field, value in changed.items():
                setattr(row, field, value)
            row.save(update_fields=list(changed))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_acknowledgement_opened"),
        ("core", "0009_stored_text_neutral"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
