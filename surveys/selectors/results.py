"""What the answers say (§7.2.1): response rates, distributions, means and NPS of a campaign or
of a survey's campaigns under filters, and the responses as a table. Comparisons across years,
organizations and experts are in ``compare``, the satisfaction indices of the KPI report (§7.4)
in ``indices``.

Pure computations over the database: every count and mean is aggregated in SQL, a page costs a
handful of queries whatever the number of answers. Anonymity is kept here, once, for every page,
PDF and export that reads these results: for an anonymous survey a group (a campaign, a year, an
organization, a filter's result) with fewer answers than ``IAAR_SURVEY_MIN_GROUP`` is marked
``hidden`` and carries no figures at all; free-text answers come sorted by their text, never in
the order they arrived, and never with a name.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .. import summaries
from ..models import Answer, Campaign, Invitation, Question, Response, Survey, SurveyVersion

Kind = Question.Kind
HUNDRED = Decimal(100)


def min_group() -> int:
    """The fewest answers a group of an anonymous survey needs before its figures are shown."""
    return max(1, int(getattr(settings, "IAAR_SURVEY_MIN_GROUP", 5)))


def rounded(value, places: str = "0.01") -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> Decimal | None:
    """part of whole in per cent, one decimal; None when there is no whole."""
    if not whole:
        return None
    return rounded(Decimal(part) * HUNDRED / Decimal(whole), "0.1")


def likert_percent(mean: Decimal | None) -> Decimal | None:
    """A 1–5 mean on 0–100 %: 1 is 0 %, 5 is 100 %."""
    if mean is None:
        return None
    return rounded((Decimal(mean) - 1) / 4 * HUNDRED, "0.1")


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
        return rounded(self._likert_raw())

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


def recount(answers: QuerySet[Answer], *, with_texts: bool = True) -> summaries.Tally:
    """How these answers fell, counted from the answers themselves (the summary rows' oracle)."""
    # Grouped in the database by question id (no join to the questions: that doubled the time
    # at 20 000 responses); the ids are turned into keys with one small query afterwards.
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
    tally = summaries.Tally()
    for question_id, number, n in scaled:
        tally.numbers[key_of[question_id]][number] += n
    for question_id, values, n in chose:
        if values:
            tally.chosen[key_of[question_id]] += n
            for value in values:
                tally.choices[key_of[question_id]][str(value)] += n
    for question_id, n in written:
        tally.texts[key_of[question_id]] += n
        tally.text_questions[key_of[question_id]].append(question_id)
    return tally


def compute(
    responses: QuerySet[Response],
    questions: list[Question],
    *,
    anonymous: bool,
    invitations: QuerySet[Invitation] | None = None,
    with_texts: bool = True,
    text_limit: int | None = None,
    summary: Q | None = None,
) -> Results:
    """Figures for these responses, question by question (matched by key). ``summary``: the
    summary rows that hold the same responses' counts (``summaries.scope``), read instead of
    counting the answers; the written answers themselves are always read from the answers."""
    count = summaries.responses_in(summary) if summary is not None else responses.count()
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
    answers = Answer.objects.filter(response__in=responses)
    tally = summaries.tally(summary) if summary is not None else recount(answers, with_texts=with_texts)
    numbers, choices, chosen = tally.numbers, tally.choices, tally.chosen
    text_counts = tally.texts if with_texts else Counter()
    texts: dict[str, list[str]] = defaultdict(list)
    for key in text_counts:
        rows = (
            answers.filter(question_id__in=tally.text_questions[key])
            .exclude(text="")
            .order_by("text")  # by what was written, never by when
            .values_list("text", flat=True)
        )
        if summary is None:
            texts[key] = list(rows if text_limit is None else rows[:text_limit])
        else:
            texts[key] = summaries.texts_once(
                summary,
                tally.text_questions[key],
                text_counts[key],
                text_limit,
                lambda rows=rows: list(rows if text_limit is None else rows[:text_limit]),
            )

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
                    row.mean = rounded(
                        Decimal(sum(v * n for v, n in counted.items())) / Decimal(row.answered)
                    )
                else:
                    row.promoters = sum(n for v, n in counted.items() if v >= 9)
                    row.detractors = sum(n for v, n in counted.items() if v <= 6)
                    row.passives = row.answered - row.promoters - row.detractors
                    row.nps = nps_score(row.promoters, row.detractors, row.answered)
                    row.mean = rounded(
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
        summary=summaries.scope(campaign_id=campaign.pk),
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
        summary=summaries.scope(survey=survey, year=year, organization_id=organization_id),
    )


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
