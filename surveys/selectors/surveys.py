"""The questionnaires and their builder: surveys, versions, sections and questions."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from ..models import Question, Section, Survey, SurveyVersion


def surveys_visible_to(user) -> QuerySet[Survey]:
    return Survey.objects.annotate(
        campaign_count=Count("versions__campaigns", distinct=True),
        version_in_use=Count("versions", filter=Q(versions__status=SurveyVersion.Status.PUBLISHED)),
    ).order_by("code")


def survey_get(pk: int) -> Survey:
    return get_object_or_404(Survey, pk=pk)


def version_get(pk: int) -> SurveyVersion:
    return get_object_or_404(SurveyVersion.objects.select_related("survey"), pk=pk)


def section_get(pk: int) -> Section:
    return get_object_or_404(Section.objects.select_related("version__survey"), pk=pk)


def question_get(pk: int) -> Question:
    return get_object_or_404(Question.objects.select_related("section__version__survey"), pk=pk)


def version_sheet(version: SurveyVersion) -> list[tuple[Section, list[Question]]]:
    """The version's sections in order, each with its questions in order."""
    sections = list(version.sections.order_by("position", "pk"))
    questions: dict[int, list[Question]] = {s.pk: [] for s in sections}
    for question in Question.objects.filter(section__version=version).order_by("position", "pk"):
        questions[question.section_id].append(question)
    return [(section, questions[section.pk]) for section in sections]
