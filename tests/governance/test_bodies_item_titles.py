"""An agenda item's default question (its kind and its record) is stored blank and read in each
reader's language; a question written by the secretary is kept as written; a question about no
record must be written. Existing defaults are migrated, signed minutes keep what was signed."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from governance.models.bodies import MeetingItem, MinutesSignature
from governance.services import bodies as services
from tests.governance.test_bodies_appeal import case  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def _in(code: str, msgid: str, **params) -> str:
    with translation.override(code):
        return translation.gettext(msgid) % params


def test_a_default_question_is_read_in_each_reader_s_language(case, client):  # noqa: F811
    people = case["people"]
    with translation.override("ru"):
        item = services.item_add(
            meeting=case["meeting"],
            actor=people["sec"],
            kind=MeetingItem.Kind.APPEAL,
            title="",
            appeal=case["appeal"],
        )
    item.refresh_from_db()
    assert item.title == ""
    number = case["appeal"].number
    for code in ("ru", "kk", "ky", "en"):
        with translation.override(code):
            assert item.display_title == _in(code, "Appeal %(number)s", number=number)
    assert _in("kk", "Appeal %(number)s", number=number) != _in("ru", "Appeal %(number)s", number=number)
    reader = people["m1"]
    reader.language = "kk"
    reader.save()
    client.force_login(reader)
    page = client.get(case["meeting"].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert _in("kk", "Appeal %(number)s", number=number) in page


def test_a_written_question_is_kept_and_a_question_about_nothing_must_be_written(case):  # noqa: F811
    people, meeting = case["people"], case["meeting"]
    item = services.item_add(
        meeting=meeting,
        actor=people["sec"],
        kind=MeetingItem.Kind.APPEAL,
        title="О сроке",
        appeal=case["appeal"],
    )
    assert item.display_title == "О сроке"
    with pytest.raises(ValidationError, match="Write the question"):
        services.item_add(meeting=meeting, actor=people["sec"], kind=MeetingItem.Kind.OTHER, title="  ")
    assert meeting.items.count() == 1


def test_the_migration_blanks_defaults_but_not_signed_minutes(case, make_person):  # noqa: F811
    people, meeting = case["people"], case["meeting"]
    item = services.item_add(
        meeting=meeting, actor=people["sec"], kind=MeetingItem.Kind.APPEAL, title="", appeal=case["appeal"]
    )
    written_in_russian = _in("ru", "Appeal %(number)s", number=case["appeal"].number)
    MeetingItem.objects.filter(pk=item.pk).update(title=written_in_russian)
    migration = importlib.import_module("governance.migrations.0011_meeting_item_default_title")
    migration.defaults_blank(apps, None)
    item.refresh_from_db()
    assert item.title == ""
    assert item.history.first().history_change_reason
    # A signed meeting's item keeps the text its signatures cover.
    MeetingItem.objects.filter(pk=item.pk).update(title=written_in_russian)
    MinutesSignature.objects.create(
        meeting=meeting, role="secretary", signer=people["sec"], signer_name="x", content_sha256="0" * 64
    )
    migration.defaults_blank(apps, None)
    item.refresh_from_db()
    assert item.title == written_in_russian
