"""The satisfaction indices of the KPI report and the management review (§7.4): one per survey in
use that asks 1–5 questions, for a period, with the year's target."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q

from .. import summaries
from ..models import Answer, Invitation, Response, SatisfactionTarget, Survey
from .results import Kind, hidden, likert_percent, percent, rounded

# The manual's five forms first, in the order the KPI report lists them; others after, by code.
INDEX_ORDER = ("eo-satisfaction", "expert-feedback", "eec-evaluation", "student", "teaching-staff")


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
    if summaries.whole_months(start, end):
        means, responses = summaries.satisfaction(start, end)
    else:
        means, responses = _counted(start, end)
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
        SatisfactionTarget.objects.filter(year=end.year, target_percent__isnull=False).values_list(
            "survey_id", "target_percent"
        )
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
                mean=rounded(raw),
                percent=likert_percent(raw),
                responses=count,
                rate=percent(answered, invited),
                target=targets.get(survey.pk),
            )
        )
    return out


def _counted(start: datetime.date, end: datetime.date) -> tuple[dict, dict]:
    """Per survey, counted from the answers (a period that does not fall on whole months, and
    the summary rows' oracle): the mean of every 1–5 answer, how many responses came in."""
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
    return means, responses


def satisfaction_by_year(years: list[int]) -> dict[int, list[SatisfactionIndex]]:
    """The indices of each calendar year."""
    return {
        year: satisfaction_indices(datetime.date(year, 1, 1), datetime.date(year, 12, 31)) for year in years
    }


def satisfaction_targets_awaiting_approval() -> list[SatisfactionTarget]:
    """The satisfaction targets the IQAS owner proposed, not yet approved by the Director General."""
    return list(
        SatisfactionTarget.objects.filter(status=SatisfactionTarget.Status.PROPOSED)
        .select_related("survey", "set_by")
        .order_by("-year", "survey__code")
    )
