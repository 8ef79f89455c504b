"""The survey builder: surveys, their numbered versions, sections and questions.

A draft is edited freely (nothing has answered it yet, so a section or question may even be
taken out). Publishing freezes it and retires the version in use before; the next change starts
a new draft as a copy of the version in use, keeping every question's key.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.workflow import event_record, transition_perform

from ..models import Campaign, Question, Section, Survey, SurveyVersion
from ..seed_forms import FORMS
from ..workflow import VERSION_WORKFLOW

V = SurveyVersion.Status
LANGUAGES = ("ru", "kk", "ky")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _translations(values: dict | None) -> dict:
    """Only the portal's other languages, without empty entries."""
    return {code: str(text).strip() for code, text in (values or {}).items() if code in LANGUAGES and text}


def _require_draft(version: SurveyVersion) -> SurveyVersion:
    version = SurveyVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != V.DRAFT:
        raise ValidationError(
            _("Version %(number)s is in use or retired and cannot change; start a new draft.")
            % {"number": version.number}
        )
    return version


# --- Surveys ---------------------------------------------------------------------------------


@transaction.atomic
def survey_create(
    *,
    actor,
    code: str,
    title: str,
    audience: str,
    anonymous: bool = False,
    description: str = "",
    title_translations: dict | None = None,
    description_translations: dict | None = None,
) -> Survey:
    """A new questionnaire with an empty first draft to build."""
    require_perm(actor, "surveys.add_survey")
    code = code.strip().lower()
    if not SLUG.match(code):
        raise ValidationError(_("The code takes small Latin letters, digits and hyphens."))
    if Survey.objects.filter(code=code).exists():
        raise ValidationError(_("A survey with the code “%(code)s” exists already.") % {"code": code})
    if audience not in Survey.Audience.values:
        raise ValidationError(_("Choose who answers the survey."))
    survey = Survey.objects.create(
        code=code,
        title=title.strip(),
        title_translations=_translations(title_translations),
        description=description.strip(),
        description_translations=_translations(description_translations),
        audience=audience,
        anonymous=anonymous,
    )
    SurveyVersion.objects.create(survey=survey, number=1, created_by=actor)
    event_record(obj=survey, action=gettext_lazy("Survey created"), actor=actor)
    return survey


@transaction.atomic
def survey_update(
    *,
    actor,
    survey: Survey,
    title: str,
    description: str = "",
    title_translations: dict | None = None,
    description_translations: dict | None = None,
    is_active: bool = True,
    anonymous: bool | None = None,
) -> Survey:
    """Rename or describe a survey, or take it out of use. Whether it is anonymous can change only
    while nobody has been asked: answers given in confidence stay so."""
    require_perm(actor, "surveys.change_survey")
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if anonymous is not None and anonymous != survey.anonymous:
        if Campaign.objects.filter(version__survey=survey).exists():
            raise ValidationError(
                _("The survey has been asked already: whether it is anonymous cannot change any more.")
            )
        survey.anonymous = anonymous
    survey.title = title.strip()
    survey.description = description.strip()
    survey.title_translations = _translations(title_translations)
    survey.description_translations = _translations(description_translations)
    survey.is_active = is_active
    survey.save()
    event_record(obj=survey, action=gettext_lazy("Survey details changed"), actor=actor)
    return survey


# --- Versions --------------------------------------------------------------------------------


@transaction.atomic
def version_draft(*, actor, survey: Survey) -> SurveyVersion:
    """The survey's draft: the one being edited, or a new one copied from the version in use."""
    require_perm(actor, "surveys.change_survey")
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    existing = survey.versions.filter(status=V.DRAFT).first()
    if existing is not None:
        return existing
    source = survey.versions.filter(status=V.PUBLISHED).first() or survey.versions.order_by("-number").first()
    number = (survey.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    draft = SurveyVersion.objects.create(survey=survey, number=number, created_by=actor)
    if source is not None:
        for section in source.sections.order_by("position", "pk"):
            copy = Section.objects.create(
                version=draft,
                position=section.position,
                title=section.title,
                title_translations=section.title_translations,
            )
            for question in section.questions.order_by("position", "pk"):
                Question.objects.create(
                    section=copy,
                    position=question.position,
                    key=question.key,
                    kind=question.kind,
                    text=question.text,
                    text_translations=question.text_translations,
                    options=question.options,
                    required=question.required,
                )
    event_record(
        obj=survey,
        action=gettext_lazy("Draft of version %(number)s started"),
        params={"number": number},
        actor=actor,
    )
    return draft


@transaction.atomic
def version_publish(*, actor, version: SurveyVersion, change_note: str = "") -> SurveyVersion:
    """Put the draft in use: it is frozen from now on, and the version in use before retires."""
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(version)
    questions = list(Question.objects.filter(section__version=version))
    if not questions:
        raise ValidationError(_("Add at least one question before publishing."))
    for question in questions:
        if question.kind in Question.CHOICE and len(question.options) < 2:
            raise ValidationError(
                _("The question “%(key)s” needs at least two choices.") % {"key": question.key}
            )
    for previous in SurveyVersion.objects.select_for_update().filter(
        survey=version.survey, status=V.PUBLISHED
    ):
        transition_perform(obj=previous, workflow=VERSION_WORKFLOW, target=V.RETIRED, actor=actor)
    version = transition_perform(
        obj=version,
        workflow=VERSION_WORKFLOW,
        target=V.PUBLISHED,
        actor=actor,
        also={
            "change_note": change_note.strip() or version.change_note,
            "published_by": actor,
            "published_at": timezone.now(),
        },
    )
    event_record(
        obj=version.survey,
        action=gettext_lazy("Version %(number)s published"),
        params={"number": version.number},
        actor=actor,
        comment=version.change_note,
    )
    return version


# --- Sections --------------------------------------------------------------------------------


def _next_position(rows) -> int:
    return (rows.aggregate(n=Max("position"))["n"] or 0) + 1


@transaction.atomic
def section_add(
    *, actor, version: SurveyVersion, title: str, title_translations: dict | None = None
) -> Section:
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(version)
    if not title.strip():
        raise ValidationError(_("Give the section a title."))
    return Section.objects.create(
        version=version,
        position=_next_position(version.sections.all()),
        title=title.strip(),
        title_translations=_translations(title_translations),
    )


@transaction.atomic
def section_update(*, actor, section: Section, title: str, title_translations: dict | None = None) -> Section:
    require_perm(actor, "surveys.change_survey")
    _require_draft(section.version)
    if not title.strip():
        raise ValidationError(_("Give the section a title."))
    section.title = title.strip()
    section.title_translations = _translations(title_translations)
    section.save()
    return section


def _swap(rows: list, item, direction: str) -> None:
    """Move ``item`` one place up or down among ``rows``; renumber all of them 1…n."""
    index = next(i for i, row in enumerate(rows) if row.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position
            row.save()


@transaction.atomic
def section_move(*, actor, section: Section, direction: str) -> Section:
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(section.version)
    _swap(list(version.sections.order_by("position", "pk")), section, direction)
    return section


@transaction.atomic
def section_remove(*, actor, section: Section) -> None:
    """Take a section and its questions out of a draft (nothing has answered a draft)."""
    require_perm(actor, "surveys.change_survey")
    _require_draft(section.version)
    for question in section.questions.all():
        question.delete()
    section.delete()


# --- Questions -------------------------------------------------------------------------------


def _clean_options(kind: str, options) -> list[dict]:
    if kind not in Question.CHOICE:
        return []
    cleaned, seen = [], set()
    for option in options or []:
        value = str(option.get("value", "")).strip().lower()
        label = str(option.get("label", "")).strip()
        if not SLUG.match(value) or not label:
            raise ValidationError(
                _("Each choice needs a value (small Latin letters, digits, hyphens) and an English label.")
            )
        if value in seen:
            raise ValidationError(_("The choice value “%(value)s” appears twice.") % {"value": value})
        seen.add(value)
        cleaned.append(
            {"value": value, "label": label, "translations": _translations(option.get("translations"))}
        )
    if len(cleaned) < 2:
        raise ValidationError(_("A choice question needs at least two choices."))
    return cleaned


def _check_question(version: SurveyVersion, *, key: str, kind: str, text: str, exclude=None) -> None:
    if kind not in Question.Kind.values:
        raise ValidationError(_("Choose the kind of question."))
    if not SLUG.match(key):
        raise ValidationError(_("The key takes small Latin letters, digits and hyphens."))
    if not text.strip():
        raise ValidationError(_("Write the question."))
    clash = Question.objects.filter(section__version=version, key=key)
    if exclude is not None:
        clash = clash.exclude(pk=exclude.pk)
    if clash.exists():
        raise ValidationError(_("Another question of this version has the key “%(key)s”.") % {"key": key})


@transaction.atomic
def question_add(
    *,
    actor,
    section: Section,
    key: str,
    kind: str,
    text: str,
    text_translations: dict | None = None,
    options=None,
    required: bool = True,
) -> Question:
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(section.version)
    key = key.strip().lower()
    _check_question(version, key=key, kind=kind, text=text)
    return Question.objects.create(
        section=section,
        position=_next_position(section.questions.all()),
        key=key,
        kind=kind,
        text=text.strip(),
        text_translations=_translations(text_translations),
        options=_clean_options(kind, options),
        required=required,
    )


@transaction.atomic
def question_update(
    *,
    actor,
    question: Question,
    key: str,
    kind: str,
    text: str,
    text_translations: dict | None = None,
    options=None,
    required: bool = True,
) -> Question:
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(question.section.version)
    key = key.strip().lower()
    _check_question(version, key=key, kind=kind, text=text, exclude=question)
    question.key = key
    question.kind = kind
    question.text = text.strip()
    question.text_translations = _translations(text_translations)
    question.options = _clean_options(kind, options)
    question.required = required
    question.save()
    return question


@transaction.atomic
def question_move(*, actor, question: Question, direction: str) -> Question:
    """Up or down within its section; past the section's edge it moves to the next section."""
    require_perm(actor, "surveys.change_survey")
    version = _require_draft(question.section.version)
    rows = list(question.section.questions.order_by("position", "pk"))
    at_edge = (direction == "up" and rows[0].pk == question.pk) or (
        direction == "down" and rows[-1].pk == question.pk
    )
    if not at_edge:
        _swap(rows, question, direction)
        return question
    sections = list(version.sections.order_by("position", "pk"))
    index = next(i for i, s in enumerate(sections) if s.pk == question.section_id)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(sections):
        section = sections[target]
        if direction == "up":
            question.position = _next_position(section.questions.all())
        else:
            for row in section.questions.order_by("position", "pk"):
                row.position += 1
                row.save()
            question.position = 1
        question.section = section
        question.save()
    return question


@transaction.atomic
def question_remove(*, actor, question: Question) -> None:
    require_perm(actor, "surveys.change_survey")
    _require_draft(question.section.version)
    question.delete()


# --- The manual's forms ----------------------------------------------------------------------


def _split(texts: dict) -> tuple[str, dict]:
    return texts["en"], {code: texts[code] for code in LANGUAGES if texts.get(code)}


@transaction.atomic
def survey_seed() -> None:
    """The manual's five questionnaires, each with version 1 in use. Run again, it adds only
    what is missing: a survey already there is left as it is (its versions are the agency's)."""
    for form in FORMS:
        title, title_tr = _split(form["title"])
        description, description_tr = _split(form["description"])
        survey, created = Survey.objects.get_or_create(
            code=form["code"],
            defaults={
                "title": title,
                "title_translations": title_tr,
                "description": description,
                "description_translations": description_tr,
                "audience": form["audience"],
                "anonymous": form["anonymous"],
            },
        )
        if not created and survey.versions.exists():
            continue
        # The manual's form is in use from the start: the version is made in that state.
        version = SurveyVersion.objects.create(
            survey=survey,
            number=1,
            change_note="Form of the quality manual.",
            status=V.PUBLISHED,
            published_at=timezone.now(),
        )
        for s_position, section_data in enumerate(form["sections"], start=1):
            s_title, s_tr = _split(section_data["title"])
            section = Section.objects.create(
                version=version, position=s_position, title=s_title, title_translations=s_tr
            )
            for q_position, q in enumerate(section_data["questions"], start=1):
                text, text_tr = _split(q["text"])
                options = []
                for value, labels in q["options"]:
                    label, label_tr = _split(labels)
                    options.append({"value": value, "label": label, "translations": label_tr})
                Question.objects.create(
                    section=section,
                    position=q_position,
                    key=q["key"],
                    kind=q["kind"],
                    text=text,
                    text_translations=text_tr,
                    options=options,
                    required=q["required"],
                )
