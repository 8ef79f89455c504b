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
