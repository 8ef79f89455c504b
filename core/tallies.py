"""Counters kept in summary rows (issue 22): an increment the database applies itself.

``increment(Model, ["campaign", "month"], "responses", {(7, date): 1})`` adds each delta to the
row with that key, creating the rows that are missing, in one ``INSERT … ON CONFLICT DO UPDATE
SET n = n + EXCLUDED.n`` (PostgreSQL and SQLite alike). No row is read first, so two writers in
parallel both count; the key's columns need a unique constraint."""

from django.db import connection


def increment(model, keys: list[str], total: str, deltas: dict[tuple, int]) -> None:
    """Add each delta to the ``total`` column of its row, in the caller's transaction."""
    if not deltas:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = [model._meta.get_field(name) for name in keys]
    columns = ", ".join(quote(f.column) for f in fields)
    row = "(" + ", ".join(["%s"] * (len(keys) + 1)) + ")"
    params: list = []
    for key, delta in deltas.items():
        params += [f.get_db_prep_value(v, connection) for f, v in zip(fields, key, strict=True)]
        params.append(delta)
    column = quote(model._meta.get_field(total).column)
    sql = (
        f"INSERT INTO {table} ({columns}, {column}) VALUES {', '.join([row] * len(deltas))} "
        f"ON CONFLICT ({columns}) DO UPDATE SET {column} = {table}.{column} + EXCLUDED.{column}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
