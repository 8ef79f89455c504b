from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from core.roles import Role

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("language", "menu", "greeting"),
    [
        ("ru", "Мои задачи", "Добрый день"),
        ("ky", "Менин тапшырмаларым", None),
        ("kk", "Менің тапсырмаларым", None),
    ],
)
def test_the_portal_speaks_the_chosen_language(client_as, language, menu, greeting):
    client = client_as(Role.STAFF, first_name="Asel")
    response = client.post(
        reverse("set_language"), {"language": language, "next": "/dashboard/"}, follow=True
    )
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert menu in html
    if greeting:
        assert greeting in html


def test_every_language_has_a_complete_catalogue():
    for code, _name in settings.LANGUAGES:
        po = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
        assert po.exists(), code
        if code == "en":
            continue
        text = po.read_text()
        assert "#, fuzzy\nmsgid" not in text, f"{code} has fuzzy entries"
        # Only the header may have an empty translation.
        assert text.count('msgstr ""\n\n') == 0, f"{code} has untranslated entries"


def test_a_timeline_step_is_shown_in_the_readers_language(client, make_person, qms_owner):
    from improvement.services import nonconformity_raise

    reporter = make_person(Role.STAFF, language="en")
    nc = nonconformity_raise(actor=reporter, title="Missing annex", description="x", severity="minor")
    client.force_login(qms_owner)
    client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    html = client.get(nc.get_absolute_url()).content.decode()
    assert "Зарегистрировано" in html


def test_each_recipient_gets_the_notification_in_their_own_language(
    client, make_person, django_capture_on_commit_callbacks
):
    from django.core import mail
    from django.utils.translation import gettext_lazy

    from core.services import notification_send

    russian = make_person(Role.STAFF, language="ru", email="ru@example.org")
    kyrgyz = make_person(Role.STAFF, language="ky", email="ky@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipients=[russian, kyrgyz],
            subject=gettext_lazy("New nonconformity %(number)s: %(title)s"),
            params={"number": "NC-1", "title": "Annex"},
        )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["ru@example.org"].endswith("Новое несоответствие NC-1: Annex")
    assert subjects["ky@example.org"].endswith("Жаңы дал келбестик NC-1: Annex")
    # In the portal the message follows the language the reader is using now.
    client.force_login(russian)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "New nonconformity NC-1: Annex" in client.get(reverse("core:notifications")).content.decode()


def test_process_names_and_audit_criteria_read_in_the_readers_language(db):
    """The §3.1 processes and the audit criteria are stored in English and shown translated."""
    from django.utils import translation

    from audits.models import ChecklistItem
    from core.models import Criterion, Process

    process = Process.objects.get(code="records")
    criterion = Criterion.objects.get(code="esg-3-3")
    item = ChecklistItem(criterion=criterion, question=criterion.question)
    with translation.override("ru"):
        assert str(process) == "Управление записями"
        assert criterion.localized_title == "Независимость"
        assert item.display_question != criterion.question
    with translation.override("en"):
        assert str(process) == "Management of records"
    written = ChecklistItem(criterion=criterion, question="Is the archive room locked?")
    with translation.override("ru"):
        assert written.display_question == "Is the archive room locked?"


@pytest.mark.parametrize("language", ["ru", "kk", "ky", "en"])
def test_a_prefilled_date_picker_shows_its_date_in_every_language(language):
    """A date picker only takes ISO dates: in Russian the risk form's prefilled "next review"
    rendered as "25.11.2026" and showed empty. Typed day.month.year dates are still understood
    where the language writes them so."""
    import datetime

    from django.utils import translation

    from improvement.forms import RiskForm

    day = datetime.date(2026, 11, 25)
    with translation.override(language):
        assert 'value="2026-11-25"' in str(RiskForm(initial={"review_on": day})["review_on"])
        if language != "en":
            assert RiskForm.base_fields["review_on"].clean("25.11.2026") == day


def test_kazakh_relative_times_and_form_errors_are_kazakh_not_russian():
    """Django's Kazakh catalogue lacks these; without ours Django fell back to Russian."""
    import datetime

    from django import forms
    from django.utils import translation
    from django.utils.timesince import timesince

    now = datetime.datetime(2026, 12, 3, 12, 0)
    with translation.override("kk"):
        assert timesince(now - datetime.timedelta(minutes=4), now) == "4\xa0минут"
        assert timesince(now - datetime.timedelta(days=2, hours=3), now) == "2\xa0күн, 3\xa0сағат"
        with pytest.raises(forms.ValidationError) as refused:
            forms.EmailField().clean("not an address")
        assert refused.value.messages == ["Дұрыс электрондық пошта мекенжайын енгізіңіз."]
    with translation.override("ru"):
        assert timesince(now - datetime.timedelta(minutes=4), now) == "4\xa0минуты"


def test_a_russian_sentence_ending_with_a_date_has_one_full_stop():
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    template = Template(
        '{% load i18n %}{% blocktranslate with v="GDL-002 v1.0" date=day|date:"DATE_FORMAT" %}'
        "Please read {{ v }} and confirm by {{ date }}.{% endblocktranslate %}"
    )
    with translation.override("ru"):
        text = template.render(Context({"day": datetime.date(2026, 12, 7)}))
    assert text == "Ознакомьтесь с GDL-002 v1.0 и подтвердите до 7 декабря 2026."
