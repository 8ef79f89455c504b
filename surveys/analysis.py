"""What the answers say (§7.2.1): response rates, distributions, means, NPS, comparisons across
years, organizations and experts, and the satisfaction indices of the KPI report (§7.4).

Pure computations over the database: every count and mean is aggregated in SQL, a page costs a
handful of queries whatever the number of answers. Anonymity is kept here, once, for every page,
PDF and export that reads these results: for an anonymous survey a group (a campaign, a year, an
organization, a filter's result) with fewer answers than ``IAAR_SURVEY_MIN_GROUP`` is marked
``hidden`` and carries no figures at all; free-text answers come sorted by their text, never in
the order they arrived, and never with a name.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext as _

from .models import (
    Answer,
    Campaign,
    Invitation,
    Question,
    Response,
    SatisfactionTarget,
    Survey,
    SurveyVersion,
)

Kind = Question.Kind
HUNDRED = Decimal(100)

# The manual's five forms first, in the order the KPI report lists them; others after, by code.
INDEX_ORDER = ("eo-satisfaction", "expert-feedback", "eec-evaluation", "student", "teaching-staff")


def min_group() -> int:
    """The fewest answers a group of an anonymous survey needs before its figures are shown."""
    return max(1, int(getattr(settings, "IAAR_SURVEY_MIN_GROUP", 5)))


def _decimal(value, places: str = "0.01") -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    """part of whole in per cent, one decimal; None when there is no whole."""
    if not whole:
        return None
    return _decimal(Decimal(part) * HUNDRED / Decimal(whole), "0.1")


def likert_percent(mean: Decimal | None) -> Decimal | None:
    """A 1–5 mean on 0–100 %: 1 is 0 %, 5 is 100 %."""
    if mean is None:
        return None
    return _decimal((Decimal(mean) - 1) / 4 * HUNDRED, "0.1")


def nps_score(promoters: int, detractors: int, total: int) -> int | None:
    """Net promoter score: promoters (9–10) minus detractors (0–6), in whole per cent."""
    if not total:
        return None
    return int(
        (Decimal(promoters - detractors) * HUNDRED / Decimal(total)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )
    )


def hidden(anonymous: bool, count: int) -> bool:
    """A group of an anonymous survey below the minimum size shows no figures."""
    return anonymous and count < min_group()


# --- One set of responses: a campaign, or a survey's campaigns under filters -----------------


@dataclass
class Point:
    """One scale point or option of a question, with how many chose it."""

    value: str
    label: str
    count: int
    percent: Decimal | None


@dataclass
class QuestionResult:
    key: str
    kind: str
    text: str
    section: str
    answered: int = 0
    points: list[Point] = field(default_factory=list)
    mean: Decimal | None = None
    nps: int | None = None
    promoters: int = 0
    passives: int = 0
    detractors: int = 0
    texts: list[str] = field(default_factory=list)
    more_texts: int = 0  # free-text answers left out of a long list

    @property
    def is_scale(self) -> bool:
        return self.kind in (Kind.LIKERT, Kind.NPS)

    @property
    def is_text(self) -> bool:
        return self.kind == Kind.TEXT

    @property
    def mean_percent(self) -> Decimal | None:
        return likert_percent(self.mean) if self.kind == Kind.LIKERT else None


@dataclass
class Results:
    anonymous: bool
    responses: int
    invited: int | None = None  # personal invitations; None for a public link only
    answered_invitations: int | None = None
    questions: list[QuestionResult] = field(default_factory=list)
    hidden: bool = False
    min_group: int = 5

    @property
    def rate(self) -> Decimal | None:
        return percent(self.answered_invitations or 0, self.invited) if self.invited else None

    def _likert_raw(self) -> Decimal | None:
        total = count = 0
        for question in self.questions:
            if question.kind == Kind.LIKERT:
                for point in question.points:
                    total += int(point.value) * point.count
                    count += point.count
        return Decimal(total) / count if count else None

    @property
    def likert_mean(self) -> Decimal | None:
        """The mean of every 1–5 answer of these responses (each answer counts once)."""
        return _decimal(self._likert_raw())

    @property
    def likert_percent(self) -> Decimal | None:
        return likert_percent(self._likert_raw())


def questions_of(versions) -> list[Question]:
    """The questions of these versions, one per key: the newest version's wording wins, in its
    order; keys asked only by older versions come after."""
    rows = (
        Question.objects.filter(section__version__in=versions)
        .select_related("section", "section__version")
        .order_by("-section__version__number", "section__position", "position", "pk")
    )
    newest_number = None
    first, later, seen = [], [], set()
    for question in rows:
        if newest_number is None:
            newest_number = question.section.version.number
        if question.key in seen:
            continue
        seen.add(question.key)
        (first if question.section.version.number == newest_number else later).append(question)
    return first + later


def _option_labels(question: Question) -> dict[str, str]:
    return dict(question.localized_options())


def compute(
    responses: QuerySet[Response],
    questions: list[Question],
    *,
    anonymous: bool,
    invitations: QuerySet[Invitation] | None = None,
    with_texts: bool = True,
    text_limit: int | None = None,
) -> Results:
    """Figures for these responses, question by question (matched by key)."""
    count = responses.count()
    results = Results(anonymous=anonymous, responses=count, min_group=min_group())
    if invitations is not None:
        tally = invitations.aggregate(
            invited=Count("pk"), answered=Count("pk", filter=Q(answered_on__isnull=False))
        )
        if tally["invited"]:
            results.invited, results.answered_invitations = tally["invited"], tally["answered"]
    if hidden(anonymous, count):
        results.hidden = True
        return results
    # Grouped in the database by question id (no join to the questions: that doubled the time
    # at 20 000 responses); the ids are turned into keys with one small query afterwards.
    answers = Answer.objects.filter(response__in=responses)
    scaled = list(
        answers.filter(number__isnull=False)
        .values_list("question_id", "number")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # Identical sets of choices are counted together, so only a few rows come back.
    chose = list(
        answers.exclude(choices=[]).values_list("question_id", "choices").annotate(n=Count("pk")).order_by()
    )
    written = []
    if with_texts:
        written = list(answers.exclude(text="").values_list("question_id").annotate(n=Count("pk")).order_by())
    ids = {row[0] for row in scaled} | {row[0] for row in chose} | {row[0] for row in written}
    key_of = dict(Question.objects.filter(pk__in=ids).values_list("pk", "key"))
    numbers: dict[str, Counter] = defaultdict(Counter)
    for question_id, number, n in scaled:
        numbers[key_of[question_id]][number] += n
    choices: dict[str, Counter] = defaultdict(Counter)
    chosen: Counter = Counter()
    for question_id, values, n in chose:
        if values:
            chosen[key_of[question_id]] += n
            for value in values:
                choices[key_of[question_id]][str(value)] += n
    texts: dict[str, list[str]] = defaultdict(list)
    text_counts: Counter = Counter()
    for question_id, n in written:
        text_counts[key_of[question_id]] += n
    for key in text_counts:
        same_key = [question_id for question_id, n in written if key_of[question_id] == key]
        rows = (
            answers.filter(question_id__in=same_key)
            .exclude(text="")
            .order_by("text")  # by what was written, never by when
            .values_list("text", flat=True)
        )
        texts[key] = list(rows if text_limit is None else rows[:text_limit])

    for question in questions:
        row = QuestionResult(
            key=question.key,
            kind=question.kind,
            text=question.localized_text,
            section=question.section.localized_title,
        )
        if question.kind in Question.SCALED:
            counted = numbers.get(question.key, Counter())
            row.answered = sum(counted.values())
            row.points = [
                Point(str(v), str(v), counted.get(v, 0), percent(counted.get(v, 0), row.answered))
                for v in question.scale
            ]
            if row.answered:
                if question.kind == Kind.LIKERT:
                    row.mean = _decimal(
                        Decimal(sum(v * n for v, n in counted.items())) / Decimal(row.answered)
                    )
                else:
                    row.promoters = sum(n for v, n in counted.items() if v >= 9)
                    row.detractors = sum(n for v, n in counted.items() if v <= 6)
                    row.passives = row.answered - row.promoters - row.detractors
                    row.nps = nps_score(row.promoters, row.detractors, row.answered)
                    row.mean = _decimal(
                        Decimal(sum(v * n for v, n in counted.items())) / Decimal(row.answered), "0.1"
                    )
        elif question.kind in Question.CHOICE:
            counted = choices.get(question.key, Counter())
            row.answered = chosen.get(question.key, 0)
            labels = _option_labels(question)
            row.points = [
                Point(value, label, counted.get(value, 0), percent(counted.get(value, 0), row.answered))
                for value, label in labels.items()
            ]
            # Options of an older wording that the newest one dropped still count.
            row.points += [
                Point(value, value, n, percent(n, row.answered))
                for value, n in sorted(counted.items())
                if value not in labels
            ]
        else:
            row.texts = texts.get(question.key, [])
            row.answered = text_counts.get(question.key, len(row.texts))
            row.more_texts = max(0, row.answered - len(row.texts))
        results.questions.append(row)
    return results


def campaign_results(
    campaign: Campaign, *, with_texts: bool = True, public: bool = False, text_limit: int | None = 200
) -> Results:
    """A campaign's figures. ``public``: as the public site shows them, where every survey is
    treated as anonymous (no group below the minimum size, whoever answered)."""
    return compute(
        campaign.responses.all(),
        questions_of([campaign.version_id]),
        anonymous=campaign.anonymous or public,
        invitations=campaign.invitations.all(),
        with_texts=with_texts,
        text_limit=text_limit,
    )


def survey_responses(
    survey: Survey, *, year: int | None = None, organization_id: int | None = None
) -> QuerySet[Response]:
    responses = Response.objects.filter(campaign__version__survey=survey)
    if year:
        responses = responses.filter(submitted_on__year=year)
    if organization_id:
        responses = responses.filter(_of_organization(organization_id, "campaign__"))
    return responses


def survey_campaigns(
    survey: Survey, *, year: int | None = None, organization_id: int | None = None
) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.filter(version__survey=survey)
    if year:
        campaigns = campaigns.filter(opens_on__year=year)
    if organization_id:
        campaigns = campaigns.filter(_of_organization(organization_id))
    return campaigns


def _of_organization(organization_id: int, prefix: str = "") -> Q:
    """The campaign's own organization, else its project's."""
    return Q(**{f"{prefix}organization": organization_id}) | Q(
        **{f"{prefix}organization__isnull": True, f"{prefix}project__organization": organization_id}
    )


def survey_results(
    survey: Survey,
    *,
    year: int | None = None,
    organization_id: int | None = None,
    with_texts: bool = True,
    text_limit: int | None = 200,
) -> Results:
    """Every campaign of the survey (every version), answers matched by question key."""
    return compute(
        survey_responses(survey, year=year, organization_id=organization_id),
        questions_of(SurveyVersion.objects.filter(survey=survey).values("pk")),
        anonymous=survey.anonymous,
        invitations=Invitation.objects.filter(
            campaign__in=survey_campaigns(survey, year=year, organization_id=organization_id)
        ),
        with_texts=with_texts,
        text_limit=text_limit,
    )


# --- Comparisons: years, organizations, experts ------------------------------------------------


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


def _groups(responses: QuerySet[Response], by: str, *, anonymous: bool) -> dict:
    """Responses grouped (by year, organization or expert): counts, the 1–5 mean, means per
    question key, NPS."""
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
            means[group][key] = _decimal(Decimal(total) / n)
        overall[group] = Decimal(sum(t for t, _n in keys.values())) / sum(n for _t, n in keys.values())
    nps: dict = {}
    nps_rows = (
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
    for group, total, promoters, detractors in nps_rows:
        nps[group] = nps_score(promoters, detractors, total)
    result = {}
    for group, n in counts.items():
        row = Group(id=group, label=str(group), responses=n, hidden=hidden(anonymous, n))
        if not row.hidden:
            row.mean = _decimal(overall.get(group))
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
    found = _groups(responses, "year", anonymous=survey.anonymous)
    if years is None:
        years = sorted(found)
    out = []
    for year in years:
        row = found.get(year) or Group(id=year, label=str(year), responses=0)
        row.label = str(year)
        out.append(row)
    return out


def compare_organizations(survey: Survey, *, year: int | None = None) -> list[Group]:
    from accreditation.models import Organization

    found = _groups(survey_responses(survey, year=year), "organization", anonymous=survey.anonymous)
    names = {o.pk: o.localized_name for o in Organization.objects.filter(pk__in=found)}
    for pk, row in found.items():
        row.label = names.get(pk, str(pk))
    return sorted(found.values(), key=lambda g: g.label.lower())


def compare_experts(survey: Survey, *, year: int | None = None) -> list[Group]:
    """By the expert the answers are about (the coordinator's evaluation) or, for the experts'
    own feedback, by the expert who answered; named surveys only."""
    from accreditation.models import Expert

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
    return sorted(
        {
            d.year
            for d in Response.objects.filter(campaign__version__survey=survey).dates("submitted_on", "year")
        },
        reverse=True,
    )


def survey_organizations(survey: Survey) -> list:
    from accreditation.models import Organization

    ids = (
        Campaign.objects.filter(version__survey=survey)
        .annotate(org=Coalesce("organization", "project__organization"))
        .exclude(org=None)
        .values("org")
    )
    return sorted(Organization.objects.filter(pk__in=ids), key=lambda o: o.localized_name.lower())


# --- Satisfaction indices (KPI report, management review) -----------------------------------


@dataclass(frozen=True)
class SatisfactionIndex:
    code: str
    title: str
    mean: Decimal | None  # the mean of every 1–5 answer of the period's responses
    percent: Decimal | None  # that mean on 0–100 %
    responses: int
    rate: Decimal | None  # answered invitations of the period, in per cent
    target: Decimal | None = None  # the lowest index wanted in the period's year

    @property
    def hidden(self) -> bool:
        return self.mean is None and self.responses > 0

    @property
    def met(self) -> bool | None:
        if self.target is None or self.percent is None:
            return None
        return self.percent >= self.target


def index_surveys() -> list[Survey]:
    surveys = list(
        Survey.objects.filter(is_active=True, versions__sections__questions__kind=Kind.LIKERT).distinct()
    )
    order = {code: n for n, code in enumerate(INDEX_ORDER)}
    return sorted(surveys, key=lambda s: (order.get(s.code, len(order)), s.code))


def satisfaction_indices(start: datetime.date, end: datetime.date) -> list[SatisfactionIndex]:
    """One index per survey in use that asks 1–5 questions: the mean of every 1–5 answer in the
    responses submitted from ``start`` to ``end`` (both included), that mean as a percentage
    ((mean − 1) / 4 × 100), how many responses came in, and the response rate of the personal
    invitations sent in the period (None without invitations). An anonymous survey with fewer
    responses than the minimum group has no mean: its answers would be too easy to trace."""
    surveys = index_surveys()
    in_period = Q(response__submitted_on__range=(start, end))
    means = dict(
        Answer.objects.filter(in_period, question__kind=Kind.LIKERT, number__isnull=False)
        .values_list("response__campaign__version__survey")
        .annotate(mean=Avg("number"))
        .order_by()
        .values_list("response__campaign__version__survey", "mean")
    )
    responses = dict(
        Response.objects.filter(submitted_on__range=(start, end))
        .values_list("campaign__version__survey")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign__version__survey", "n")
    )
    sent = Q(sent_at__date__range=(start, end)) | Q(
        sent_at__isnull=True, campaign__opens_on__range=(start, end)
    )
    invitations = {
        survey: (invited, answered)
        for survey, invited, answered in Invitation.objects.filter(sent)
        .values_list("campaign__version__survey")
        .annotate(invited=Count("pk"), answered=Count("pk", filter=Q(answered_on__isnull=False)))
        .order_by()
        .values_list("campaign__version__survey", "invited", "answered")
    }
    targets = dict(
        SatisfactionTarget.objects.filter(year=end.year).values_list("survey_id", "target_percent")
    )
    out = []
    for survey in surveys:
        count = responses.get(survey.pk, 0)
        raw = None if hidden(survey.anonymous, count) else means.get(survey.pk)
        invited, answered = invitations.get(survey.pk, (0, 0))
        out.append(
            SatisfactionIndex(
                code=survey.code,
                title=survey.localized_title,
                mean=_decimal(raw),
                percent=likert_percent(raw),
                responses=count,
                rate=percent(answered, invited),
                target=targets.get(survey.pk),
            )
        )
    return out


@transaction.atomic
def satisfaction_target_set(*, actor, survey: Survey, year: int, target_percent) -> SatisfactionTarget:
    """The IQAS owner sets the lowest satisfaction index (0–100 %) a survey should reach in a
    year; a change keeps its history."""
    from improvement.kpis import target_checked

    if not actor.has_perm("improvement.change_kpitarget"):
        raise PermissionDenied(_("Only the IQAS owner sets the targets."))
    target = target_checked(year, target_percent)
    row, created = SatisfactionTarget.objects.select_for_update().get_or_create(
        survey=survey, year=year, defaults={"target_percent": target, "set_by": actor}
    )
    if not created and row.target_percent != target:
        row.target_percent, row.set_by = target, actor
        row.save()
    return row


def satisfaction_by_year(years: list[int]) -> dict[int, list[SatisfactionIndex]]:
    """The indices of each calendar year."""
    return {
        year: satisfaction_indices(datetime.date(year, 1, 1), datetime.date(year, 12, 31)) for year in years
    }


def summary_text(campaign: Campaign, results: Results | None = None) -> str:
    """A first draft of the public summary, from the numbers (the publisher rewrites it)."""
    results = results or campaign_results(campaign, with_texts=False)
    parts = [
        _("%(title)s: %(count)s responses from %(start)s to %(end)s.")
        % {
            "title": campaign.title,
            "count": results.responses,
            "start": campaign.opens_on.strftime("%d.%m.%Y"),
            "end": campaign.closes_on.strftime("%d.%m.%Y"),
        }
    ]
    if results.rate is not None:
        parts.append(_("Response rate: %(rate)s %%.") % {"rate": results.rate})
    if results.hidden:
        return " ".join(parts)
    if results.likert_mean is not None:
        parts.append(
            _("Average satisfaction: %(mean)s of 5 (%(percent)s %%).")
            % {"mean": results.likert_mean, "percent": results.likert_percent}
        )
    scored = [q for q in results.questions if q.kind == Kind.LIKERT and q.mean is not None]
    if len(scored) >= 2:
        best = max(scored, key=lambda q: q.mean)
        worst = min(scored, key=lambda q: q.mean)
        parts.append(_("Rated highest: “%(text)s” (%(mean)s).") % {"text": best.text, "mean": best.mean})
        parts.append(_("Rated lowest: “%(text)s” (%(mean)s).") % {"text": worst.text, "mean": worst.mean})
    for question in results.questions:
        if question.nps is not None:
            parts.append(_("Net promoter score: %(nps)s.") % {"nps": question.nps})
    return " ".join(parts)


# --- Responses as a table (CSV / XLSX) ------------------------------------------------------


def export_table(
    responses: QuerySet[Response], questions: list[Question], *, anonymous: bool
) -> tuple[list, list]:
    """One row per response, one column per question key.

    For an anonymous survey a row holds the campaign, its organization, the month (never the
    day) and the answers; no invitation, no person, no id, and the rows are sorted by their
    answers, so their order says nothing about who answered when. Campaigns with fewer
    responses than the minimum group are left out. For a named survey a row also holds the
    day, the respondent and the expert the answers are about, in campaign and day order."""
    from django.utils.formats import date_format

    if anonymous:
        small = (
            responses.values("campaign")
            .annotate(n=Count("pk"))
            .order_by()
            .filter(n__lt=min_group())
            .values_list("campaign", flat=True)
        )
        responses = responses.exclude(campaign__in=list(small))
    keys = [q.key for q in questions]
    kinds = {q.key: q.kind for q in questions}
    labels = {q.key: _option_labels(q) for q in questions if q.kind in Question.CHOICE}
    header = [_("Campaign"), _("Organization")]
    header += [_("Month")] if anonymous else [_("Date"), _("Respondent"), _("About the expert")]
    header += keys

    meta = {}
    rows = responses.select_related(
        "campaign__organization", "campaign__project__organization", "respondent", "about_expert__user"
    )
    for response in rows.order_by("campaign__opens_on", "campaign__number", "submitted_on", "pk"):
        campaign = response.campaign
        organization = campaign.organization or (campaign.project.organization if campaign.project else None)
        head = [campaign.number, organization.localized_name if organization else ""]
        if anonymous:
            head.append(date_format(response.submitted_on, "Y-m"))
        else:
            head += [
                response.submitted_on,
                (response.respondent.get_full_name() or response.respondent.username)
                if response.respondent
                else "",
                str(response.about_expert) if response.about_expert else "",
            ]
        meta[response.pk] = head
    values: dict = defaultdict(dict)
    for response_id, key, number, chosen, text in Answer.objects.filter(response__in=responses).values_list(
        "response", "question__key", "number", "choices", "text"
    ):
        kind = kinds.get(key)
        if kind in Question.SCALED:
            values[response_id][key] = number
        elif kind in Question.CHOICE:
            values[response_id][key] = "; ".join(labels[key].get(str(v), str(v)) for v in chosen or [])
        elif kind == Kind.TEXT:
            values[response_id][key] = text
    table = [head + [values[pk].get(key) for key in keys] for pk, head in meta.items()]
    if anonymous:
        # Within a campaign and month, by the answers themselves: never in the order they came.
        table.sort(key=lambda row: tuple("" if v is None else str(v) for v in row))
    return header, table
