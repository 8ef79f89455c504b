"""Comparisons of a survey's answers (§7.2.1): year by year, organization by organization, expert
by expert. A group of an anonymous survey below the minimum size carries no figures."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear

from accreditation.models import Expert, Organization

from .. import summaries
from ..models import Answer, Campaign, Question, Response, Survey
from .results import Kind, hidden, likert_percent, nps_score, rounded, survey_responses


@dataclass
class Group:
    """One group of a comparison: a year, an organization or an expert."""

    id: object
    label: str
    responses: int
    hidden: bool = False
    mean: Decimal | None = None  # of every 1–5 answer in the group
    means: dict[str, Decimal] = field(default_factory=dict)  # per question key
    nps: int | None = None

    @property
    def percent(self) -> Decimal | None:
        return likert_percent(self.mean)


def _counted(responses: QuerySet[Response], by: str) -> tuple[dict, list, list]:
    """Counted from the answers themselves (the summary rows' oracle, and the experts' grouping,
    which the summary rows do not hold)."""
    expression, on_answer = _GROUPINGS[by]
    counts = dict(
        responses.annotate(group=expression)
        .exclude(group=None)
        .values_list("group")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("group", "n")
    )
    answers = Answer.objects.filter(response__in=responses).annotate(group=on_answer)
    # One pass for the 1-5 questions: sums and counts per group and question, from which both
    # the mean per question key and the group's overall mean follow (no join to the questions).
    likert = Question.objects.filter(kind=Kind.LIKERT).values("pk")
    sums = list(
        answers.filter(question_id__in=likert, number__isnull=False)
        .values_list("group", "question_id")
        .annotate(total=Sum("number"), n=Count("pk"))
        .order_by()
    )
    nps_rows = list(
        answers.filter(
            question_id__in=Question.objects.filter(kind=Kind.NPS).values("pk"), number__isnull=False
        )
        .values_list("group")
        .annotate(
            total=Count("pk"),
            promoters=Count("pk", filter=Q(number__gte=9)),
            detractors=Count("pk", filter=Q(number__lte=6)),
        )
        .order_by()
        .values_list("group", "total", "promoters", "detractors")
    )
    return counts, sums, nps_rows


def _groups(responses: QuerySet[Response], by: str, *, anonymous: bool, summary: Q | None = None) -> dict:
    """Responses grouped (by year, organization or expert): counts, the 1–5 mean, means per
    question key, NPS. ``summary``: the summary rows of the same responses, read instead of
    counting the answers (years and organizations)."""
    counts, sums, nps_rows = summaries.groups(summary, by) if summary is not None else _counted(responses, by)
    key_of = dict(Question.objects.filter(pk__in={row[1] for row in sums}).values_list("pk", "key"))
    per_key: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for group, question_id, total, n in sums:
        tally = per_key[group][key_of[question_id]]
        tally[0] += total
        tally[1] += n
    means: dict = defaultdict(dict)
    overall: dict = {}
    for group, keys in per_key.items():
        for key, (total, n) in keys.items():
            means[group][key] = rounded(Decimal(total) / n)
        overall[group] = Decimal(sum(t for t, _n in keys.values())) / sum(n for _t, n in keys.values())
    nps: dict = {}
    for group, total, promoters, detractors in nps_rows:
        nps[group] = nps_score(promoters, detractors, total)
    result = {}
    for group, n in counts.items():
        row = Group(id=group, label=str(group), responses=n, hidden=hidden(anonymous, n))
        if not row.hidden:
            row.mean = rounded(overall.get(group))
            row.means = means.get(group, {})
            row.nps = nps.get(group)
        result[group] = row
    return result


# How responses are grouped, read from a response and from an answer (through its response).
_GROUPINGS = {
    "year": (ExtractYear("submitted_on"), ExtractYear("response__submitted_on")),
    "organization": (
        Coalesce("campaign__organization", "campaign__project__organization"),
        Coalesce("response__campaign__organization", "response__campaign__project__organization"),
    ),
    "expert": (
        Coalesce("about_expert", "respondent__expert_profile"),
        Coalesce("response__about_expert", "response__respondent__expert_profile"),
    ),
}


def compare_years(
    survey: Survey, *, organization_id: int | None = None, years: list[int] | None = None
) -> list[Group]:
    """Year by year (the year each response came in), oldest first; years without answers are
    listed when asked for, with no figures."""
    responses = survey_responses(survey, organization_id=organization_id)
    found = _groups(
        responses,
        "year",
        anonymous=survey.anonymous,
        summary=summaries.scope(survey=survey, organization_id=organization_id),
    )
    if years is None:
        years = sorted(found)
    out = []
    for year in years:
        row = found.get(year) or Group(id=year, label=str(year), responses=0)
        row.label = str(year)
        out.append(row)
    return out


def compare_organizations(survey: Survey, *, year: int | None = None) -> list[Group]:
    found = _groups(
        survey_responses(survey, year=year),
        "organization",
        anonymous=survey.anonymous,
        summary=summaries.scope(survey=survey, year=year),
    )
    names = {o.pk: o.localized_name for o in Organization.objects.filter(pk__in=found)}
    for pk, row in found.items():
        row.label = names.get(pk, str(pk))
    return sorted(found.values(), key=lambda g: g.label.lower())


def compare_experts(survey: Survey, *, year: int | None = None) -> list[Group]:
    """By the expert the answers are about (the coordinator's evaluation) or, for the experts'
    own feedback, by the expert who answered; named surveys only."""
    if survey.anonymous:
        return []
    found = _groups(survey_responses(survey, year=year), "expert", anonymous=False)
    names = {
        e.pk: e.user.get_full_name() or e.user.username
        for e in Expert.objects.filter(pk__in=found).select_related("user")
    }
    for pk, row in found.items():
        row.label = names.get(pk, str(pk))
    return sorted(found.values(), key=lambda g: g.label.lower())


def survey_years(survey: Survey) -> list[int]:
    """The years in which the survey's responses came in, newest first."""
    return summaries.years(survey)


def survey_organizations(survey: Survey) -> list:
    ids = (
        Campaign.objects.filter(version__survey=survey)
        .annotate(org=Coalesce("organization", "project__organization"))
        .exclude(org=None)
        .values("org")
    )
    return sorted(Organization.objects.filter(pk__in=ids), key=lambda o: o.localized_name.lower())
