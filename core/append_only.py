"""History and signature tables are append-only on PostgreSQL.

A trigger refuses UPDATE and DELETE on every django-simple-history table (``Historical*``) and on
the signature table, so not even raw SQL can rewrite the audit trail. One exception: Django's
``SET_NULL`` on ``history_user`` when a user account is deleted may blank that column and nothing
else. SQLite has no such triggers; there the code-level guard (tests/core/test_history_guard.py)
holds the line. ``attach`` is idempotent: the core migration runs it, and so does every
``migrate`` (post_migrate), so historical tables added later get the trigger too.
"""

FUNCTION = """
CREATE OR REPLACE FUNCTION qms_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.history_user_id IS NULL
       AND (to_jsonb(NEW) - 'history_user_id') = (to_jsonb(OLD) - 'history_user_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
"""

# Tables without history_user_id: the exception above must not be reachable there.
STRICT_FUNCTION = """
CREATE OR REPLACE FUNCTION qms_append_only_strict() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
"""

# Signature tables named here (migrations' historical models carry no class attributes); a
# model may also declare itself with ``APPEND_ONLY = True`` (found once the app registry is real).
SIGNATURE_MODELS = (("documents", "Signature"),)


def append_only_tables(apps) -> list[tuple[str, bool]]:
    """(table, has history_user) for every historical model and every signature model."""
    tables = []
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            names = {f.column for f in model._meta.concrete_fields}
            tables.append((model._meta.db_table, "history_user_id" in names))
        elif getattr(model, "APPEND_ONLY", False):
            tables.append((model._meta.db_table, False))
    for app_label, name in SIGNATURE_MODELS:
        tables.append((apps.get_model(app_label, name)._meta.db_table, False))
    return sorted(set(tables))


def attach(apps, connection) -> list[str]:
    if connection.vendor != "postgresql":
        return []
    tables = append_only_tables(apps)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute(STRICT_FUNCTION)
        for table, has_user in tables:
            function = "qms_append_only" if has_user else "qms_append_only_strict"
            cursor.execute(f"DROP TRIGGER IF EXISTS qms_append_only ON {quote(table)}")
            cursor.execute(
                f"CREATE TRIGGER qms_append_only BEFORE UPDATE OR DELETE ON {quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
    return [table for table, _ in tables]


def detach(apps, connection) -> None:
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, _ in append_only_tables(apps):
            cursor.execute(f"DROP TRIGGER IF EXISTS qms_append_only ON {quote(table)}")
        cursor.execute("DROP FUNCTION IF EXISTS qms_append_only()")
        cursor.execute("DROP FUNCTION IF EXISTS qms_append_only_strict()")


def on_post_migrate(sender, using, **kwargs) -> None:
    from django.apps import apps
    from django.db import connections

    if sender.name == "core":
        attach(apps, connections[using])
