"""The key performance indicators of §3.1 (§7.4), computed from the records, never typed in.

Each indicator is the share of records of a period that fell short: self-assessment reports
returned as not conforming (KPI 1), EEC reports returned at internal expertise (KPI 2),
certificates that had to be reissued for an error (KPI 3), nonconformities that repeat one whose
corrective action was closed (KPI 4) and nonconforming deliveries at incoming inspection
(KPI 5). A target per indicator and year says how high the share may be.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth, TruncYear
from django.utils.translation import gettext_lazy

from accreditation import kpi_summaries
from accreditation.models import Certificate, ReportReview, SelfAssessment
from improvement.models import IncomingInspection, KpiTarget, Nonconformity

Code = KpiTarget.Code


@dataclass(frozen=True)
class Indicator:
    code: str
    counted: str  # what the denominator counts, in the manual's words (a lazy message)
    date_field: str
    rows: object  # () -> QuerySet of the records counted
    short: Q  # the records that fell short
    is_date: bool = False  # the date field is a date, not a moment

    @property
    def range_lookup(self) -> str:
        return f"{self.date_field}__range" if self.is_date else f"{self.date_field}__date__range"

    @property
    def title(self) -> str:
        return Code(self.code).label


def _self_assessments() -> QuerySet:
    return SelfAssessment.objects.exclude(decision=SelfAssessment.Decision.PENDING)


def _report_reviews() -> QuerySet:
    return ReportReview.objects.all()


def _certificates() -> QuerySet:
    return Certificate.objects.filter(signed_at__isnull=False)


def _indicators() -> list[Indicator]:
    return [
        Indicator(
            Code.SELF_ASSESSMENT,
            gettext_lazy("self-assessment reports reviewed"),
            "reviewed_at",
            _self_assessments,
            Q(decision="returned"),
        ),
        Indicator(
            Code.EEC_REPORTS,
            gettext_lazy("EEC reports at internal expertise"),
            "reviewed_at",
            _report_reviews,
            Q(decision="returned"),
        ),
        Indicator(
            Code.CERTIFICATES,
            gettext_lazy("certificates signed"),
            "signed_at",
            _certificates,
            Q(reissued_as__reissue_reason="error"),
        ),
        Indicator(
            Code.REPEATED,
            gettext_lazy("nonconformities raised"),
            "raised_at",
            lambda: Nonconformity.objects.all(),
            Q(repeated_of__isnull=False),
        ),
        Indicator(
            Code.PURCHASING,
            gettext_lazy("deliveries inspected"),
            "received_on",
            lambda: IncomingInspection.objects.all(),
            Q(result=IncomingInspection.Result.NONCONFORMING),
            is_date=True,
        ),
    ]


INDICATORS = _indicators()


@dataclass
class Value:
    short: int
    total: int

    @property
    def percent(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.short) * 100 / self.total).quantize(Decimal("0.1"))


def _in_period(indicator: Indicator, start: datetime.date, end: datetime.date) -> QuerySet:
    return indicator.rows().filter(**{indicator.range_lookup: (start, end)})


def value(indicator: Indicator, start: datetime.date, end: datetime.date) -> Value:
    counts = _in_period(indicator, start, end).aggregate(
        total=Count("pk", distinct=True), short=Count("pk", filter=indicator.short, distinct=True)
    )
    return Value(counts["short"], counts["total"])


def by_period(indicator: Indicator, start: datetime.date, end: datetime.date, *, unit: str) -> dict:
    """Values by month (``unit="month"``) or by year, in one query: {first day: Value}. KPI 3
    over whole months is read from its monthly summary rows (``accreditation.kpi_summaries``)."""
    if indicator.code == Code.CERTIFICATES and _whole_months(start, end):
        return _from_summaries(kpi_summaries.by_month(start, end), unit)
    return counted_by_period(indicator, start, end, unit=unit)


def _whole_months(start: datetime.date, end: datetime.date) -> bool:
    return start.day == 1 and (end + datetime.timedelta(days=1)).day == 1


def _from_summaries(months: dict, unit: str) -> dict:
    found: dict = {}
    for month, (total, short) in sorted(months.items()):
        day = month if unit == "month" else month.replace(month=1)
        value = found.setdefault(day, Value(0, 0))
        value.short += short
        value.total += total
    return found


def counted_by_period(indicator: Indicator, start: datetime.date, end: datetime.date, *, unit: str) -> dict:
    """``by_period`` counted from the records themselves (the summary rows' oracle)."""
    trunc = TruncMonth if unit == "month" else TruncYear
    rows = (
        _in_period(indicator, start, end)
        .annotate(period=trunc(indicator.date_field))
        .values("period")
        .annotate(total=Count("pk", distinct=True), short=Count("pk", filter=indicator.short, distinct=True))
        .order_by("period")
    )
    found = {}
    for row in rows:
        period = row["period"]
        day = period.date() if isinstance(period, datetime.datetime) else period
        found[day] = Value(row["short"], row["total"])
    return found


# A month resting on fewer records than this is drawn hollow and said so: one record makes 0 or
# 100 %, which is no trend.
FEW_RECORDS = 5


def months_of(year: int) -> list[datetime.date]:
    return [datetime.date(year, month, 1) for month in range(1, 13)]


@dataclass
class Row:
    indicator: Indicator
    value: Value
    target: Decimal | None
    months: list[Value]
    years: list[tuple[int, Value]]

    @property
    def met(self) -> bool | None:
        if self.target is None or self.value.percent is None:
            return None
        return self.value.percent <= self.target


def report(year: int, *, years_back: int = 4) -> list[Row]:
    """Every indicator for the year, month by month, and the years before it."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    targets = {
        t.code: t.target_percent for t in KpiTarget.objects.filter(year=year, target_percent__isnull=False)
    }
    first_year = year - years_back
    rows = []
    for indicator in INDICATORS:
        monthly = by_period(indicator, start, end, unit="month")
        yearly = by_period(indicator, datetime.date(first_year, 1, 1), end, unit="year")
        total = Value(sum(v.short for v in monthly.values()), sum(v.total for v in monthly.values()))
        rows.append(
            Row(
                indicator=indicator,
                value=total,
                target=targets.get(indicator.code),
                months=[monthly.get(day, Value(0, 0)) for day in months_of(year)],
                years=[
                    (y, yearly.get(datetime.date(y, 1, 1), Value(0, 0))) for y in range(first_year, year + 1)
                ],
            )
        )
    return rows


def targets_awaiting_approval() -> list[KpiTarget]:
    """The KPI targets the IQAS owner proposed and the Director General has not yet approved."""
    return list(
        KpiTarget.objects.filter(status=KpiTarget.Status.PROPOSED)
        .select_related("set_by")
        .order_by("-year", "code")
    )
