"""On PostgreSQL the history tables and the signature table refuse UPDATE and DELETE, even in raw SQL."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction

from core.append_only import append_only_tables
from documents.models import Document, Signature

pytestmark = pytest.mark.postgres


def _refused(sql, params):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)


def test_every_history_table_and_the_signature_table_has_the_trigger(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT event_object_table FROM information_schema.triggers "
            "WHERE trigger_name = 'qms_append_only'"
        )
        guarded = {row[0] for row in cursor.fetchall()}
    expected = {table for table, _ in append_only_tables(apps)}
    assert Signature._meta.db_table in expected
    assert Document.history.model._meta.db_table in expected
    assert expected <= guarded


def test_history_rows_cannot_be_changed_or_removed(effective):
    table = Document.history.model._meta.db_table
    row = Document.history.filter(id=effective.pk).first()
    _refused(f'UPDATE "{table}" SET title = %s WHERE history_id = %s', ["forged", row.history_id])
    _refused(f'DELETE FROM "{table}" WHERE history_id = %s', [row.history_id])
    row.refresh_from_db()
    assert row.title == effective.title


def test_signatures_cannot_be_changed_or_removed(effective):
    table = Signature._meta.db_table
    signature = Signature.objects.filter(version=effective.effective_version).first()
    _refused(f'UPDATE "{table}" SET signer_name = %s WHERE id = %s', ["forged", signature.pk])
    _refused(f'DELETE FROM "{table}" WHERE id = %s', [signature.pk])
    assert Signature.objects.get(pk=signature.pk).signer_name == signature.signer_name


def test_deleting_a_user_only_blanks_who_made_a_history_row(effective, make_person):
    person = make_person(username="leaver")
    effective.title = "Renamed"
    effective._history_user = person
    effective.save()
    row = Document.history.filter(id=effective.pk, history_user=person).get()
    get_user_model().objects.filter(pk=person.pk).delete()
    row.refresh_from_db()
    assert row.history_user_id is None
    assert row.title == "Renamed"
