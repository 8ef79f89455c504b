"""The survey results' summary rows (issue 22): kept, not recomputed.

A campaign's figures, a survey's figures across its campaigns (under a year or an organization),
the comparisons by year and by organization and the satisfaction indices of the KPI report are
all sums of a few counts per campaign and month: how many responses came in, how many answers
gave each scale point, chose each option, chose anything, or were written. Those counts live in
``ResponseTally`` and ``AnswerTally``; the pages add up a few hundred of them instead of
aggregating every answer.

They are written by ``response_tallied`` in the transaction that saves a response, as an
increment the database applies itself (``INSERT … ON CONFLICT DO UPDATE SET n = n + …``), so two
responses saved at once both count. ``rebuild`` recounts them exactly from the answers
(``manage.py rebuild_summaries``), after a bulk load or to check them. A month of a closed
campaign never changes again, so its figures are counted once.

Nothing here decides what may be shown: the anonymity rules (groups below the minimum size)
stay in ``surveys.selectors``, which read these counts as they read the answers before.
"""

import datetime
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear, TruncMonth

from core.tallies import increment

from .models import Answer, AnswerTally, Question, Response, ResponseTally

Entry = AnswerTally.Kind
LIKERT, NPS = Question.Kind.LIKERT, Question.Kind.NPS


def month_of(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def entries(number, choices, text) -> list[tuple[str, int, str]]:
    """The summary entries one answer counts in: (kind, scale point, option)."""
    out = []
    if number is not None:
        out.append((Entry.NUMBER, number, ""))
    if choices:
        out.append((Entry.CHOSEN, 0, ""))
        out += [(Entry.OPTION, 0, str(value)) for value in choices]
    if text:
        out.append((Entry.TEXT, 0, ""))
    return out


# --- Writing -----------------------------------------------------------------------------------


RESPONSE_KEYS = ["campaign", "month"]
ANSWER_KEYS = ["campaign", "month", "question", "kind", "number", "value"]


def response_tallied(*, response: Response, answers: Iterable[Answer]) -> None:
    """Count a response just saved (with its answers), in the caller's transaction."""
    month = month_of(response.submitted_on)
    counts: Counter = Counter()
    for answer in answers:
        for kind, number, value in entries(answer.number, answer.choices, answer.text):
            counts[(response.campaign_id, month, answer.question_id, kind, number, value)] += 1
    increment(ResponseTally, RESPONSE_KEYS, "responses", {(response.campaign_id, month): 1})
    increment(AnswerTally, ANSWER_KEYS, "n", dict(counts))


# --- Counting from the answers -----------------------------------------------------------------


def recount(campaign_ids: Iterable[int] | None = None) -> tuple[dict, dict]:
    """The summary rows as the answers say they should be: ({(campaign, month): responses},
    {(campaign, month, question, kind, number, value): n}), from a few grouped queries."""
    responses = Response.objects.all()
    answers = Answer.objects.all()
    if campaign_ids is not None:
        campaign_ids = list(campaign_ids)
        responses = responses.filter(campaign__in=campaign_ids)
        answers = answers.filter(response__campaign__in=campaign_ids)
    by_month = {
        (campaign, month): n
        for campaign, month, n in responses.annotate(m=TruncMonth("submitted_on"))
        .values_list("campaign_id", "m")
        .annotate(n=Count("pk"))
        .order_by()
    }
    answers = answers.annotate(c=F("response__campaign_id"), m=TruncMonth("response__submitted_on"))
    counts: Counter = Counter()
    for campaign, month, question, number, n in (
        answers.filter(number__isnull=False)
        .values_list("c", "m", "question_id", "number")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[(campaign, month, question, Entry.NUMBER, number, "")] += n
    # Identical sets of choices are counted together, then spread over their options.
    for campaign, month, question, values, n in (
        answers.exclude(choices=[])
        .values_list("c", "m", "question_id", "choices")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        for kind, number, value in entries(None, values, ""):
            counts[(campaign, month, question, kind, number, value)] += n
    for campaign, month, question, n in (
        answers.exclude(text="").values_list("c", "m", "question_id").annotate(n=Count("pk")).order_by()
    ):
        counts[(campaign, month, question, Entry.TEXT, 0, "")] += n
    return by_month, dict(counts)


def stored(campaign_ids: Iterable[int] | None = None) -> tuple[dict, dict]:
    """The summary rows as they are, in the shape of ``recount`` (rows at zero left out)."""
    responses = ResponseTally.objects.filter(responses__gt=0)
    answers = AnswerTally.objects.filter(n__gt=0)
    if campaign_ids is not None:
        campaign_ids = list(campaign_ids)
        responses, answers = (
            responses.filter(campaign__in=campaign_ids),
            answers.filter(campaign__in=campaign_ids),
        )
    return (
        {(c, m): n for c, m, n in responses.values_list("campaign_id", "month", "responses")},
        {
            tuple(row[:-1]): row[-1]
            for row in answers.values_list(
                *[f"{k}_id" if k in ("campaign", "question") else k for k in ANSWER_KEYS], "n"
            )
        },
    )


@transaction.atomic
def rebuild(campaign_ids: Iterable[int] | None = None) -> tuple[int, int]:
    """Recount the summary rows of these campaigns (of every campaign without ids) from the
    answers and replace them; returns how many response and answer rows were written."""
    if connection.vendor == "postgresql":
        # No response may be saved between the recount and the replacement (it would be lost).
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Response._meta.db_table}, {Answer._meta.db_table} IN SHARE MODE")
    if campaign_ids is not None:
        campaign_ids = list(campaign_ids)
    by_month, counts = recount(campaign_ids)
    responses, answers = ResponseTally.objects.all(), AnswerTally.objects.all()
    if campaign_ids is not None:
        responses, answers = (
            responses.filter(campaign__in=campaign_ids),
            answers.filter(campaign__in=campaign_ids),
        )
    responses.delete()
    answers.delete()
    ResponseTally.objects.bulk_create(
        [ResponseTally(campaign_id=c, month=m, responses=n) for (c, m), n in by_month.items()],
        batch_size=2000,
    )
    AnswerTally.objects.bulk_create(
        [
            AnswerTally(campaign_id=c, month=m, question_id=q, kind=k, number=number, value=value, n=n)
            for (c, m, q, k, number, value), n in counts.items()
        ],
        batch_size=2000,
    )
    return len(by_month), len(counts)


# --- Reading -----------------------------------------------------------------------------------


def scope(
    *,
    campaign_id: int | None = None,
    survey=None,
    year: int | None = None,
    organization_id: int | None = None,
) -> Q:
    """Which summary rows a set of responses covers: one campaign's, or a survey's campaigns'
    under the results page's filters (the year a response came in, the campaign's organization
    or else its project's)."""
    where = Q()
    if campaign_id is not None:
        where &= Q(campaign=campaign_id)
    if survey is not None:
        where &= Q(campaign__version__survey=getattr(survey, "pk", survey))
    if year:
        where &= Q(month__year=year)
    if organization_id:
        where &= Q(campaign__organization=organization_id) | Q(
            campaign__organization__isnull=True, campaign__project__organization=organization_id
        )
    return where


def responses_of_campaign():
    """How many responses the outer campaign received, as a subquery over its summary rows."""
    rows = ResponseTally.objects.filter(campaign=OuterRef("pk")).order_by().values("campaign")
    return Coalesce(Subquery(rows.annotate(n=Sum("responses")).values("n")[:1]), 0)


def responses_in(where: Q) -> int:
    return ResponseTally.objects.filter(where).aggregate(n=Sum("responses"))["n"] or 0


@dataclass
class Tally:
    """How the answers of a set of responses fell, by question key."""

    numbers: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    choices: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    chosen: Counter = field(default_factory=Counter)
    texts: Counter = field(default_factory=Counter)
    text_questions: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))


def tally(where: Q) -> Tally:
    rows = list(
        AnswerTally.objects.filter(where)
        .values_list("question_id", "kind", "number", "value")
        .annotate(total=Sum("n"))
        .order_by()
    )
    key_of = dict(Question.objects.filter(pk__in={row[0] for row in rows}).values_list("pk", "key"))
    out = Tally()
    for question, kind, number, value, n in rows:
        if not n:
            continue
        key = key_of[question]
        if kind == Entry.NUMBER:
            out.numbers[key][number] += n
        elif kind == Entry.OPTION:
            out.choices[key][value] += n
        elif kind == Entry.CHOSEN:
            out.chosen[key] += n
        else:
            out.texts[key] += n
            if question not in out.text_questions[key]:
                out.text_questions[key].append(question)
    return out


def texts_once(where: Q, question_ids: list[int], written: int, limit: int | None, fetch) -> list[str]:
    """The written answers a results page lists, read from the answers once per state: answers
    are only ever added, so while the summary rows count as many written answers for these
    questions in this scope, the list is the one read before (a closed campaign's, for good)."""
    ident = repr((str(where), sorted(question_ids), written, limit))
    key = "surveys:texts:" + hashlib.sha256(ident.encode()).hexdigest()
    texts = cache.get(key)
    if texts is None:
        texts = fetch()
        cache.set(key, texts, TEXTS_KEPT)
    return texts


TEXTS_KEPT = 7 * 24 * 3600  # a week: a list nobody opens again makes way


# How the comparisons group the summary rows: by the year of the month, or by the campaign's
# organization (else its project's).
GROUPINGS = {
    "year": ExtractYear("month"),
    "organization": Coalesce("campaign__organization", "campaign__project__organization"),
}


def groups(where: Q, by: str) -> tuple[dict, list, list]:
    """For the comparisons: responses per group, the 1–5 answers' sums and counts per group and
    question, and per group the NPS answers, promoters and detractors."""
    expression = GROUPINGS[by]
    counts = dict(
        ResponseTally.objects.filter(where)
        .annotate(group=expression)
        .exclude(group=None)
        .values_list("group")
        .annotate(n=Sum("responses"))
        .order_by()
        .values_list("group", "n")
    )
    numbers = AnswerTally.objects.filter(where, kind=Entry.NUMBER).annotate(group=expression)
    sums = list(
        numbers.filter(question__kind=LIKERT)
        .values_list("group", "question_id")
        .annotate(total=Sum(F("number") * F("n")), n=Sum("n"))
        .order_by()
    )
    nps = list(
        numbers.filter(question__kind=NPS)
        .values_list("group")
        .annotate(
            total=Sum("n"),
            promoters=Coalesce(Sum("n", filter=Q(number__gte=9)), 0),
            detractors=Coalesce(Sum("n", filter=Q(number__lte=6)), 0),
        )
        .order_by()
        .values_list("group", "total", "promoters", "detractors")
    )
    return counts, [row for row in sums if row[3]], [row for row in nps if row[1]]


def years(survey) -> list[int]:
    """The years in which the survey's responses came in, newest first."""
    return sorted(
        {
            d.year
            for d in ResponseTally.objects.filter(campaign__version__survey=survey, responses__gt=0).dates(
                "month", "year"
            )
        },
        reverse=True,
    )


def whole_months(start: datetime.date, end: datetime.date) -> bool:
    """A period the monthly rows answer exactly: from a first day of a month to a last day."""
    return start.day == 1 and (end + datetime.timedelta(days=1)).day == 1


def satisfaction(start: datetime.date, end: datetime.date) -> tuple[dict, dict]:
    """Per survey, for a period of whole months: the mean of every 1–5 answer, and how many
    responses came in."""
    means = {
        survey: Decimal(total) / Decimal(n)
        for survey, total, n in AnswerTally.objects.filter(
            kind=Entry.NUMBER, question__kind=LIKERT, month__range=(start, end)
        )
        .values_list("campaign__version__survey")
        .annotate(total=Sum(F("number") * F("n")), n=Sum("n"))
        .order_by()
        .values_list("campaign__version__survey", "total", "n")
        if n
    }
    responses = {
        survey: n
        for survey, n in ResponseTally.objects.filter(month__range=(start, end))
        .values_list("campaign__version__survey")
        .annotate(n=Sum("responses"))
        .order_by()
        .values_list("campaign__version__survey", "n")
        if n
    }
    return means, responses


def differing(campaign_ids: Iterable[int] | None = None) -> set[int]:
    """The campaigns whose summary rows differ from a recount of their answers."""
    if campaign_ids is not None:
        campaign_ids = list(campaign_ids)
    want_responses, want_answers = recount(campaign_ids)
    have_responses, have_answers = stored(campaign_ids)
    differ = set()
    for want, have in ((want_responses, have_responses), (want_answers, have_answers)):
        differ |= {key[0] for key in set(want) | set(have) if want.get(key) != have.get(key)}
    return differ
