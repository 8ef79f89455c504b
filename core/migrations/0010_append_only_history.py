# History and signature tables refuse UPDATE and DELETE on PostgreSQL (no-op on SQLite).

from django.db import migrations

from core import append_only


def forwards(apps, schema_editor):
    append_only.attach(apps, schema_editor.connection)


def backwards(apps, schema_editor):
    append_only.detach(apps, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_stored_text_neutral"),
        ("accreditation", "0009_publication_sha256"),
        ("audits", "0007_signer_roles_neutral"),
        ("documents", "0008_signer_roles_neutral"),
        ("improvement", "0007_signer_roles_neutral"),
        ("surveys", "0005_campaign_titles_neutral"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
