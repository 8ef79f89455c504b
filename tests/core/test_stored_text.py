"""Stored text is language-neutral: a label, a role, a decision, a date or a translated row is
kept as a message id (or a reference) and read in the reader's language."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy

from core.models import (
    Notification,
    Process,
    WorkflowEvent,
    _render_message,
    choice_label,
    stored,
    stored_date,
    stored_ref,
)
from core.roles import Role
from core.workflow import event_record


def test_a_choice_value_reads_as_its_label_in_the_readers_language():
    from audits.models import Finding

    with translation.override("ru"):
        assert choice_label(Finding.Kind, "minor_nc") == "Незначительное несоответствие"
        assert choice_label(Finding._meta.get_field("kind"), "major_nc") == "Значительное несоответствие"
        assert choice_label(Finding.Kind, "unknown") == "unknown"


def test_a_stored_label_date_and_row_are_read_in_the_readers_language(db):
    process = Process.objects.create(code="p", name="Internal audit", group="management")
    params = {"kind": stored(Role.DIRECTOR.label), "date": stored_date(datetime.date(2026, 5, 4))}
    params["process"] = stored_ref(process)
    with translation.override("ru"):
        text = _render_message("%(kind)s · %(date)s · %(process)s", params)
    assert text == "Генеральный директор · 4 мая 2026 · Внутренний аудит"


def test_a_stored_plural_takes_the_readers_form():
    params = {"n": "5", "plural": "Accredit for %(n)s years"}
    with translation.override("ru"):
        assert _render_message("Accredit for %(n)s year", params) == "Аккредитовать на 5 лет"
    with translation.override("kk"):
        assert _render_message("Accredit for %(n)s year", params) == "5 жылға аккредиттеу"


def test_an_event_keeps_the_english_label_whoever_made_it(db, make_person):
    from audits.models import Finding

    person = make_person(Role.STAFF)
    with translation.override("ru"):
        event = event_record(
            obj=person,
            action=gettext_lazy("Finding %(number)s recorded: %(kind)s"),
            params={"number": "F-1", "kind": stored(Finding.Kind.MAJOR.label)},
        )
    event.refresh_from_db()
    assert event.params["kind"] == "Major nonconformity"
    with translation.override("kk"):
        finding = translation.gettext("Finding %(number)s recorded: %(kind)s")
        assert event.label == finding % {"number": "F-1", "kind": "Елеулі сәйкессіздік"}


def test_signer_and_roles_filters_translate_the_stored_roles(make_person):
    from core.permissions import signer_name, user_role_labels

    person = make_person(Role.LEGAL_HEAD, Role.STAFF, first_name="Marat", last_name="Ospanov")
    with translation.override("ru"):
        stored_signer, stored_roles = signer_name(person), user_role_labels(person)
    assert stored_signer == "Ospanov Marat (Head of the legal department, Staff member)"
    template = Template("{% load portal %}{{ s|signer }} / {{ r|roles }} / {{ p|roles }}")
    with translation.override("ru"):
        html = template.render(Context({"s": stored_signer, "r": stored_roles, "p": person}))
    expected = "Руководитель юридического департамента, Сотрудник"
    assert html == f"Ospanov Marat ({expected}) / {expected} / {expected}"


def test_a_campaign_title_the_portal_gave_reads_in_the_readers_language():
    from surveys.models import Campaign, campaign_title

    campaign = Campaign(title=campaign_title(gettext_lazy("Evaluation of the EEC: %(name)s"), "Narxoz"))
    assert campaign.title == "Evaluation of the EEC: Narxoz"
    with translation.override("ru"):
        assert campaign.localized_title == translation.gettext("Evaluation of the EEC: %(name)s") % {
            "name": "Narxoz"
        }
    assert Campaign(title="Our own survey").localized_title == "Our own survey"


def test_the_migration_turns_stored_words_into_message_ids(db, make_person):
    person = make_person(Role.STAFF)
    kind = ContentType.objects.get_for_model(person)
    role = WorkflowEvent.objects.create(
        content_type=kind,
        object_id=person.pk,
        action="%(name)s appointed: %(role)s",
        params={"name": "Иванов", "role": "Руководитель"},
    )
    decision = WorkflowEvent.objects.create(
        content_type=kind,
        object_id=person.pk,
        action="Council decision: %(decision)s",
        params={"decision": "Аккредитовать на 5 лет"},
    )
    refused = WorkflowEvent.objects.create(
        content_type=kind,
        object_id=person.pk,
        action="Council decision: %(decision)s",
        params={"decision": "Аккредиттеуден бас тарту"},
    )
    note = Notification.objects.create(
        recipient=person,
        subject="Accreditation Council decision on %(organization)s",
        params={"organization": "Narxoz"},
        body="Аккредитовать на 5 лет",
    )
    importlib.import_module("core.migrations.0009_stored_text_neutral").forwards(apps, None)
    role.refresh_from_db()
    decision.refresh_from_db()
    refused.refresh_from_db()
    note.refresh_from_db()
    assert role.params == {"name": "Иванов", "role": "Leader"}
    assert decision.action == "Council decision: accredit for %(n)s year"
    assert refused.params == {"decision": "Refuse accreditation"}
    assert note.body_is_message and note.body == "Accredit for %(n)s year"
    with translation.override("ky"):
        assert decision.label == "Кеңештин чечими: 5 жылга аккредитациялоо"
        assert note.body_text == "5 жылга аккредитациялоо"


@pytest.mark.parametrize("language", ["ru", "kk", "ky", "en"])
def test_a_stored_signer_becomes_english(language):
    from core.stored_text import signer_to_english

    with translation.override(language):
        roles = (
            f"{translation.gettext('Head of the legal department')}, {translation.gettext('Staff member')}"
        )
    english = "Ospanov Marat (Head of the legal department, Staff member)"
    assert signer_to_english(f"Ospanov Marat ({roles})") == english
    assert signer_to_english("Ospanov Marat") == "Ospanov Marat"


def test_a_campaign_title_in_any_language_is_found_again():
    from core.stored_text import title_ids

    template = "Evaluation of the EEC: %(name)s"
    with translation.override("kk"):
        title = translation.gettext(template) % {"name": "Narxoz"}
    found = [(p.fullmatch(title), t) for p, t in title_ids((template,))]
    match, english = next((m, t) for m, t in found if m)
    assert english % {"name": match["name"]} == "Evaluation of the EEC: Narxoz"
