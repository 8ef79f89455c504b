"""Full-text search indexes (PostgreSQL only; SQLite searches without them).

The expressions are exactly those the register's selector builds with SearchVector, so the
planner uses the indexes."""

from django.db import migrations

DOCUMENT = (
    "CREATE INDEX IF NOT EXISTS document_search_idx ON documents_document USING gin ("
    "to_tsvector('simple'::regconfig, COALESCE(code, '') || ' ' || COALESCE(title, '') || ' ' || "
    "COALESCE(title_ru, '') || ' ' || COALESCE(title_kk, '') || ' ' || COALESCE(title_ky, '')))"
)
VERSION = (
    "CREATE INDEX IF NOT EXISTS documentversion_text_search_idx ON documents_documentversion "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(text, '')))"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DOCUMENT)
        schema_editor.execute(VERSION)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS document_search_idx")
        schema_editor.execute("DROP INDEX IF EXISTS documentversion_text_search_idx")


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_code_prefixes")]
    operations = [migrations.RunPython(create, drop)]
