"""Default code prefixes per document type (editable in the admin)."""

from django.db import migrations

PREFIXES = {
    "manual": "MAN", "policy": "POL", "strategy": "STR", "standard": "STD", "guideline": "GDL",
    "regulation": "REG", "procedure": "PRO", "job_description": "JD", "form": "FRM", "record": "REC",
    "external": "EXT", "legal_act": "LAW", "report": "RPT",
}


def add_prefixes(apps, schema_editor):
    CodePrefix = apps.get_model("documents", "CodePrefix")
    for doc_type, prefix in PREFIXES.items():
        CodePrefix.objects.get_or_create(doc_type=doc_type, defaults={"prefix": prefix})


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]
    operations = [migrations.RunPython(add_prefixes, migrations.RunPython.noop)]
