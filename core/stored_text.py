"""Words stored in someone's language, turned back into the message ids the portal now stores.

Timelines, notifications, signatures and campaign titles once kept a choice label, a role or a
council decision as the actor saw it (in Russian, Kazakh, Kyrgyz or English). The data
migrations that make those rows language-neutral ask this module what a stored word was.
"""

import re
from functools import cache

from django.apps import apps
from django.conf import settings
from django.utils import translation

from .roles import ROLES_SEPARATOR, Role

# The years a council decision may give (accredit for 1…10 years).
_YEARS = range(1, 11)
ACCREDIT_FOR = ("Accredit for %(n)s year", "Accredit for %(n)s years")


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


@cache
def label_ids() -> dict[str, str]:
    """Every choice label and role in every language → its English message id."""
    with translation.override(None):
        labels = {str(label) for label in Role.labels}
        for model in apps.get_models():
            for field in model._meta.get_fields():
                labels.update(str(label) for _value, label in getattr(field, "flatchoices", None) or ())
    found: dict[str, str] = {}
    for language in _languages():
        with translation.override(language):
            for label in labels:
                found.setdefault(translation.gettext(label), label)
    found.update({label: label for label in labels})
    return found


@cache
def role_ids() -> dict[str, str]:
    """Every role's label in every language → its English label."""
    with translation.override(None):
        english = [str(label) for label in Role.labels]
    found = {}
    for language in _languages():
        with translation.override(language):
            found.update({translation.gettext(label): label for label in english})
    return found


@cache
def _role_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A role's label in any language inside a list of roles, and a signer with such a list."""
    alternatives = "|".join(re.escape(label) for label in sorted(role_ids(), key=len, reverse=True))
    in_list = re.compile(rf"(?:^|(?<={ROLES_SEPARATOR}))(?:{alternatives})(?=,|$)")
    signer = re.compile(rf"(.*) \(((?:{alternatives})(?:, (?:{alternatives}))*)\)", re.S)
    return in_list, signer


def roles_to_english(text: str) -> str:
    """Stored roles ("Директор, Сотрудник") as the English labels now stored; other words kept."""
    ids = role_ids()
    return _role_patterns()[0].sub(lambda m: ids[m[0]], text or "")


def signer_to_english(text: str) -> str:
    """A stored signer ("Иванов И. (Директор, Сотрудник)") with the roles in English."""
    match = _role_patterns()[1].fullmatch(text or "")
    return f"{match[1]} ({roles_to_english(match[2])})" if match else text


def rows_rewritten(model, fields: tuple[str, ...], convert) -> None:
    """A data migration's pass: each row's text ``fields`` put through ``convert``, and only the
    rows that change saved (with only those fields)."""
    for row in model.objects.iterator():
        changed = {}
        for field in fields:
            value = getattr(row, field)
            if value and (neutral := convert(value)) != value:
                changed[field] = neutral
        if changed:
            for field, value in changed.items():
                setattr(row, field, value)
            row.save(update_fields=list(changed))


@cache
def decision_years() -> dict[str, int]:
    """ "Аккредитовать на 5 лет", "Accredit for 5 years"… in every language → the years."""
    found = {}
    for language in [None, *_languages()]:
        with translation.override(language):
            for n in _YEARS:
                found[translation.ngettext(*ACCREDIT_FOR, n) % {"n": n}] = n
    return found


@cache
def title_ids(templates: tuple[str, ...]) -> list[tuple[re.Pattern, str]]:
    """For English titles with ``%(name)s``: a pattern per language and the English template."""
    found = []
    for template in templates:
        for language in [None, *_languages()]:
            with translation.override(language):
                text = translation.gettext(template)
            pattern = re.escape(text).replace(re.escape("%(name)s"), "(?P<name>.+)")
            found.append((re.compile(pattern), template))
    return found
