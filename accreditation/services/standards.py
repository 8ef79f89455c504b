"""The assessment instruments as parts of controlled documents (§6.6, §6.2.2, §3.2.2).

A standard set or a threshold list is drafted on a draft version of a standard (or guideline, or
regulation) document and edited only while that version is a draft; the document's approval route
is its approval. When the version comes into force (documents.extensions) it becomes the current
one of its code or level and the one before stops being current; projects keep theirs.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.permissions import require_perm

from ..models import Criterion, Standard, StandardSet, ThresholdItem, ThresholdList
from ..models.standards import LANGUAGES

EDIT = "accreditation.change_standardset"
# Documents that may carry the assessment instruments.
CARRIERS = {"standard", "guideline", "regulation"}


def _require_draft_version(version) -> None:
    if version.status != "draft":
        raise ValidationError(
            _("%(version)s is “%(status)s”: standards and requirements are drafted on a draft version only.")
            % {"version": version, "status": version.get_status_display()}
        )
    if version.document.doc_type not in CARRIERS:
        raise ValidationError(_("Standards and requirements belong to a standard, guideline or regulation."))


def _texts(data: dict, field: str) -> dict:
    out = {field: (data.get(field) or "").strip()}
    for lang in LANGUAGES:
        out[f"{field}_{lang}"] = (data.get(f"{field}_{lang}") or "").strip()
    if not out[field] or not all(out[f"{field}_{lang}"] for lang in LANGUAGES):
        raise ValidationError(_("Give the text in every language: English, Russian, Kazakh and Kyrgyz."))
    return out


# --- Standard sets ------------------------------------------------------------------------------


@transaction.atomic
def standard_set_draft(*, actor, document_version, code: str, kind: str, titles: dict) -> StandardSet:
    """A new version of a set on a draft document version, starting from the set in force of
    the same code (its standards and criteria copied), or empty for a new code."""
    require_perm(actor, EDIT)
    _require_draft_version(document_version)
    code = code.strip().upper()
    if not code:
        raise ValidationError(_("Give the set a code."))
    if StandardSet.objects.filter(code=code, document_version=document_version).exists():
        raise ValidationError(_("This version already carries a set %(code)s.") % {"code": code})
    latest = StandardSet.objects.filter(code=code).aggregate(v=Max("version"))["v"] or 0
    source = StandardSet.objects.filter(code=code, is_current=True).first()
    new = StandardSet.objects.create(
        code=code,
        kind=kind,
        version=latest + 1,
        is_current=False,
        effective_from=None,
        document_version=document_version,
        **_texts(titles, "title"),
    )
    if source is not None:
        for standard in source.standards.order_by("number"):
            copy = Standard.objects.create(
                standard_set=new,
                number=standard.number,
                title=standard.title,
                **{f"title_{lang}": getattr(standard, f"title_{lang}") for lang in LANGUAGES},
            )
            for c in standard.criteria.order_by("number"):  # one save each: each copy has its history
                Criterion.objects.create(
                    standard=copy,
                    number=c.number,
                    text=c.text,
                    **{f"text_{lang}": getattr(c, f"text_{lang}") for lang in LANGUAGES},
                )
    return new


@transaction.atomic
def standard_save(*, actor, standard_set, number: int, data: dict, standard=None) -> Standard:
    require_perm(actor, EDIT)
    standard_set = StandardSet.objects.select_for_update().get(pk=standard_set.pk)
    standard_set.refuse_if_frozen()
    taken = standard_set.standards.filter(number=number).exclude(pk=getattr(standard, "pk", None))
    if taken.exists():
        raise ValidationError(_("Standard %(number)s already exists in this set.") % {"number": number})
    standard = standard or Standard(standard_set=standard_set)
    if standard.standard_set_id != standard_set.pk:
        raise ValidationError(_("This standard belongs to another set."))
    standard.number = number
    for name, value in _texts(data, "title").items():
        setattr(standard, name, value)
    standard.save()
    return standard


@transaction.atomic
def criterion_save(*, actor, standard, number: int, data: dict, criterion=None) -> Criterion:
    require_perm(actor, EDIT)
    standard_set = StandardSet.objects.select_for_update().get(pk=standard.standard_set_id)
    standard_set.refuse_if_frozen()
    taken = standard.criteria.filter(number=number).exclude(pk=getattr(criterion, "pk", None))
    if taken.exists():
        raise ValidationError(
            _("Criterion %(code)s already exists.") % {"code": f"{standard.number}.{number}"}
        )
    criterion = criterion or Criterion(standard=standard)
    if criterion.standard_id != standard.pk:
        raise ValidationError(_("This criterion belongs to another standard."))
    criterion.number = number
    for name, value in _texts(data, "text").items():
        setattr(criterion, name, value)
    criterion.save()
    return criterion


@transaction.atomic
def criterion_remove(*, actor, criterion) -> None:
    """Take a criterion out of a draft (it was never in force; its history row stays)."""
    require_perm(actor, EDIT)
    standard_set = StandardSet.objects.select_for_update().get(pk=criterion.standard.standard_set_id)
    standard_set.refuse_if_frozen()
    criterion.delete()


# --- Threshold requirements ------------------------------------------------------------------------


@transaction.atomic
def threshold_list_draft(*, actor, document_version, level: str) -> ThresholdList:
    """A new version of a level's threshold requirements, starting from the list in force."""
    require_perm(actor, EDIT)
    _require_draft_version(document_version)
    if ThresholdList.objects.filter(level=level, document_version=document_version).exists():
        raise ValidationError(_("This version already carries the requirements for this level."))
    latest = ThresholdList.objects.filter(level=level).aggregate(v=Max("version"))["v"] or 0
    source = ThresholdList.objects.filter(level=level, is_current=True).first()
    new = ThresholdList.objects.create(
        level=level, version=latest + 1, is_current=False, document_version=document_version
    )
    if source is not None:
        for item in source.items.order_by("position", "pk"):
            ThresholdItem.objects.create(
                threshold_list=new,
                code=item.code,
                position=item.position,
                text=item.text,
                **{f"text_{lang}": getattr(item, f"text_{lang}") for lang in LANGUAGES},
            )
    return new


@transaction.atomic
def threshold_item_save(*, actor, threshold_list, code: str, position: int, data: dict, item=None):
    require_perm(actor, EDIT)
    threshold_list = ThresholdList.objects.select_for_update().get(pk=threshold_list.pk)
    threshold_list.refuse_if_frozen()
    if threshold_list.items.filter(code=code).exclude(pk=getattr(item, "pk", None)).exists():
        raise ValidationError(
            _("A requirement with the code %(code)s is already on the list.") % {"code": code}
        )
    item = item or ThresholdItem(threshold_list=threshold_list)
    if item.threshold_list_id != threshold_list.pk:
        raise ValidationError(_("This requirement belongs to another list."))
    item.code = code
    item.position = position
    for name, value in _texts(data, "text").items():
        setattr(item, name, value)
    item.save()
    return item


@transaction.atomic
def threshold_item_remove(*, actor, item) -> None:
    require_perm(actor, EDIT)
    ThresholdList.objects.select_for_update().get(pk=item.threshold_list_id).refuse_if_frozen()
    item.delete()


# --- Coming into force ------------------------------------------------------------------------------


def instruments_take_effect(*, version, previous) -> None:
    """documents.extensions hook: inside the transaction that puts ``version`` in force, its sets
    and lists become current and those they replace (same code, same level) stop being current;
    what only the superseded version carried stops being current too."""
    since = version.effective_from or timezone.localdate()
    for new in StandardSet.objects.select_for_update().filter(document_version=version):
        for old in StandardSet.objects.filter(code=new.code, is_current=True).exclude(pk=new.pk):
            old.is_current = False
            old.save(update_fields=["is_current"])
        new.is_current, new.effective_from = True, since
        new.save(update_fields=["is_current", "effective_from"])
    for new in ThresholdList.objects.select_for_update().filter(document_version=version):
        for old in ThresholdList.objects.filter(level=new.level, is_current=True).exclude(pk=new.pk):
            old.is_current = False
            old.save(update_fields=["is_current"])
        new.is_current, new.effective_from = True, since
        new.save(update_fields=["is_current", "effective_from"])
    if previous is not None:
        for model in (StandardSet, ThresholdList):
            for old in model.objects.filter(document_version=previous, is_current=True):
                old.is_current = False
                old.save(update_fields=["is_current"])
