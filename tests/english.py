"""The portal's stored English, to catch on a page read in another language.

A page in Russian, Kazakh or Kyrgyz must not show a choice label, a role, a move, a council
decision, a process or criterion name, or the English title of a row that has a translation
(a document, a survey): that is text stored in English (or in the actor's language) instead of
a message id, or a reference to a translated row, shown in the reader's language.

A stored value shows as a whole piece of a page's text: an element's text, or a part of it
between separators ("— Leader", "(Chair)", "Head of the legal department, Staff member",
"тіркелді: Minor nonconformity"). A word inside a sentence someone wrote ("Records of a visit
are lost…", "Narxoz University") is the writer's, not the portal's, and is not counted.
"""

import re
from functools import cache
from html import unescape

from django.apps import apps
from django.conf import settings
from django.utils import translation

_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# What separates the pieces of a text: punctuation a template puts between stored values.
_SEPARATOR = re.compile(r"\s*(?:[,;·•|()«»“”„\"\[\]]|:\s|\s[—–-]\s|^[—–-]\s|\s[—–-]$)\s*")
# Terms too short or too common to tell stored English from a legitimate word on a page.
_MIN_LENGTH = 4


def visible_text(html: str) -> str:
    """What a reader sees of a page: its text without tags, attributes, scripts or styles."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", _HIDDEN.sub(" ", html))))


@cache
def _titles(language: str) -> re.Pattern:
    """Titles people wrote and left untranslated, which may hold a label's words ("Job
    description: council secretary"): taken out whole before a text is cut into pieces."""
    Document = apps.get_model("documents", "Document")
    rows = Document.objects.filter(**{f"title_{language}": ""}).values_list("title", flat=True)
    titles = sorted(set(rows), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)) or r"(?!)")


# An element that declares its own language (a letter in the agency's language, say) is read
# in that language, not the page's.
_OWN_LANGUAGE = re.compile(r"""<(?!html\b)(\w+)\b[^>]*\slang=["']([\w-]+)["'][^>]*>.*?</\1\s*>""", re.S)


def _in_page_language(html: str, language: str) -> str:
    return _OWN_LANGUAGE.sub(lambda m: m[0] if m[2] == language else " ", html)


def _pieces(html: str, language: str):
    for node in _TAG.split(_HIDDEN.sub(" ", _in_page_language(html, language))):
        text = _titles(language).sub(" ", _SPACE.sub(" ", unescape(node))).strip()
        if text:
            yield from (piece.strip(" .") for piece in _SEPARATOR.split(text))


def _labels() -> set[str]:
    from core.models import Criterion, Process
    from core.roles import Role
    from core.workflow import WORKFLOWS

    labels = {str(label) for _value, label in Role.choices}
    for model in apps.get_models():
        if model.__module__.startswith(("django.", "axes.", "guardian.", "simple_history.")):
            continue
        for field in model._meta.get_fields():
            for _value, label in getattr(field, "flatchoices", None) or ():
                labels.add(str(label))
    for workflow in WORKFLOWS.values():
        labels.update(str(transition.label) for transition in workflow)
    labels.update(Process.objects.values_list("name", flat=True))
    labels.update(Criterion.objects.values_list("title", flat=True))
    # The language menu names each language in its own tongue.
    return labels - {str(name) for _code, name in settings.LANGUAGES}


def _translated_rows(language: str) -> set[str]:
    """English titles of rows that carry a title in ``language``."""
    Document = apps.get_model("documents", "Document")
    Survey = apps.get_model("surveys", "Survey")
    titles = set(Document.objects.exclude(**{f"title_{language}": ""}).values_list("title", flat=True))
    titles.update(
        title
        for title, translations in Survey.objects.values_list("title", "title_translations")
        if (translations or {}).get(language)
    )
    return titles


def _decisions(language: str) -> set[str]:
    """A council decision with its term, in English, where the catalogue words it otherwise."""

    def decision(n: int) -> str:
        return translation.ngettext("Accredit for %(n)s year", "Accredit for %(n)s years", n) % {"n": n}

    with translation.override(None):
        english = {n: decision(n) for n in range(1, 11)}
    with translation.override(language):
        return {text for n, text in english.items() if decision(n) != text}


def _catalogued(language: str, min_length: int) -> set[str]:
    with translation.override(None):
        english = {label for label in _labels() if len(label) >= min_length and not label.isupper()}
    with translation.override(language):
        return {term for term in english if translation.gettext(term) != term}


@cache
def english_terms(language: str) -> frozenset[str]:
    """The English a page in ``language`` must not show (the catalogue or the row translates it)."""
    return frozenset(_catalogued(language, _MIN_LENGTH) | _decisions(language) | _translated_rows(language))


def english_on(html: str, language: str) -> list[str]:
    """The stored English a page in ``language`` shows, each once."""
    terms = english_terms(language)
    return list(dict.fromkeys(piece for piece in _pieces(html, language) if piece in terms))


@cache
def _words(language: str) -> re.Pattern:
    terms = sorted(_catalogued(language, 6), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(map(re.escape, terms)) + r")(?![\w'’])")


def english_words_on(html: str, language: str) -> list[str]:
    """The catalogued labels of six letters or more found anywhere in the page's text, inside
    sentences too: a looser count (the first one this check used), kept to compare figures."""
    return list(dict.fromkeys(_words(language).findall(visible_text(html))))
