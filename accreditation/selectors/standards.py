"""Reads of the assessment instruments (§6.6, §6.2.2): the current standard set of a kind of
accreditation, the threshold requirements of a level, what a project keeps, and the
criterion-level difference between two versions of a set. Nothing here writes."""

from django.utils.translation import gettext_lazy as _

from ..models import AccreditationProject, Criterion, StandardSet, ThresholdList
from ..models.standards import LANGUAGES

K = AccreditationProject.Kind
# A kind whose own set is not yet in force is assessed with the set of the kind it grows from.
FALLBACK = {K.PRIMARY_SPECIALIZED: K.SPECIALIZED}
TEXT_LANGUAGES = ("en", *LANGUAGES)


def current_standards(kind: str) -> StandardSet | None:
    """The set in force for a kind of accreditation (§6.6: institutional, specialized and
    primary-specialized profiles)."""
    current = StandardSet.objects.filter(is_current=True)
    found = current.filter(kind=kind).order_by("code").first()
    if found is None and kind in FALLBACK:
        found = current.filter(kind=FALLBACK[kind]).order_by("code").first()
    return found


def standard_sets_listed():
    return StandardSet.objects.select_related("document_version__document").order_by("code", "-version")


def standard_set_get(pk: int) -> StandardSet:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(standard_sets_listed(), pk=pk)


def standard_set_previous(standard_set: StandardSet) -> StandardSet | None:
    return (
        StandardSet.objects.filter(code=standard_set.code, version__lt=standard_set.version)
        .order_by("-version")
        .first()
    )


def standard_set_table(standard_set: StandardSet) -> list:
    """The assessment table: each standard with its criteria, in order."""
    return list(standard_set.standards.prefetch_related("criteria").order_by("number"))


def _criteria_by_code(standard_set) -> dict:
    rows = Criterion.objects.filter(standard__standard_set=standard_set).select_related("standard")
    return {c.code: c for c in rows}


def _texts(obj, field: str) -> dict:
    return {lang: getattr(obj, field if lang == "en" else f"{field}_{lang}") for lang in TEXT_LANGUAGES}


def standard_set_diff(new: StandardSet, old: StandardSet | None) -> list[dict]:
    """Criterion by criterion (matched by code, standard.criterion): added, removed, changed
    (with the languages whose text changed) or unchanged."""
    after = _criteria_by_code(new)
    before = _criteria_by_code(old) if old else {}
    rows = []
    for code in sorted(set(after) | set(before), key=lambda c: tuple(int(p) for p in c.split("."))):
        a, b = after.get(code), before.get(code)
        if b is None:
            state, languages = "added", []
        elif a is None:
            state, languages = "removed", []
        else:
            ta, tb = _texts(a, "text"), _texts(b, "text")
            languages = [lang for lang in TEXT_LANGUAGES if ta[lang] != tb[lang]]
            state = "changed" if languages else "same"
        rows.append(
            {
                "code": code,
                "state": state,
                "new": a,
                "old": b,
                "languages": languages,
                "changes": [(lang, _texts(b, "text")[lang], _texts(a, "text")[lang]) for lang in languages],
            }
        )
    return rows


DIFF_STATES = {
    "added": _("Added"),
    "removed": _("Removed"),
    "changed": _("Changed"),
    "same": _("Unchanged"),
}


# --- Threshold requirements ------------------------------------------------------------------------


def threshold_list_current(level: str) -> ThresholdList | None:
    return ThresholdList.objects.filter(level=level, is_current=True).first()


def threshold_lists_listed():
    return ThresholdList.objects.select_related("document_version__document").order_by("level", "-version")


def threshold_list_get(pk: int) -> ThresholdList:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(threshold_lists_listed(), pk=pk)


def checklist_of(threshold_list: ThresholdList | None) -> list[tuple[str, str]]:
    if threshold_list is None:
        return []
    return [(item.code, item.localized_text) for item in threshold_list.items.order_by("position", "pk")]


def checklist_for(level: str) -> list[tuple[str, str]]:
    """The threshold requirements in force for a level of education, as (code, text) pairs."""
    return checklist_of(threshold_list_current(level))


def project_checklist(project: AccreditationProject) -> list[tuple[str, str]]:
    """What the project is (or was) checked against: its own list once checked, else the one in force."""
    if project.threshold_list_id:
        return checklist_of(project.threshold_list)
    return checklist_for(project.level)


# --- What a document version carries -------------------------------------------------------------


def instruments_of_version(version) -> tuple[list[StandardSet], list[ThresholdList]]:
    return (
        list(version.standard_sets.order_by("code")),
        list(version.threshold_lists.order_by("level")),
    )
