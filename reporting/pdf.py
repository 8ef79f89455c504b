"""What the reporting part prints: the KPI report, the management review's input pack and its
order. Each builds its page's context here; only core.pdf calls WeasyPrint. Printed in the
agency's language (settings.LANGUAGE_CODE), whoever asks."""

import datetime
import hashlib

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.charts import PALETTE, Bar, Series, bar_chart, line_chart
from core.pdf import render_pdf
from improvement.models import ManagementReview
from surveys.selectors import satisfaction_indices

from .selectors import kpis
from .selectors.kpi_reports import Kind
from .selectors.review_inputs import pack_context
from .selectors.reviews import order_content, ordered_decisions

# The KPI report ------------------------------------------------------------------------------


def _satisfaction(start: datetime.date, end: datetime.date) -> list:
    return list(satisfaction_indices(start, end))


def report_context(kind: str, start: datetime.date, end: datetime.date) -> dict:
    """What the report shows: each indicator's value for the period against its target, the
    year's months so far as a line, the years as bars, and the satisfaction indices."""
    year = start.year
    rows = kpis.report(year)
    month_days = kpis.months_of(year)
    shown_months = month_days if kind == Kind.YEARLY else month_days[: start.month]
    labels = [date_format(day, "M") for day in shown_months]
    for row in rows:
        if kind == Kind.MONTHLY:
            row.value = row.months[start.month - 1]
        shares = [float(v.percent) if v.percent is not None else None for v in row.months[: len(labels)]]
        series = [Series(_("Share that fell short, %"), shares, PALETTE[0])]
        if row.target is not None:
            series.append(Series(_("Target, %"), [float(row.target)] * len(labels), PALETTE[1]))
        row.trend = line_chart(labels, series, title=str(row.indicator.title), unit="%")
        row.bars = bar_chart(
            [
                Bar(str(y), float(v.percent) if v.percent is not None else 0, colour=PALETTE[2])
                for y, v in row.years
            ],
            title=_("%(title)s by year") % {"title": row.indicator.title},
            unit="%",
            width=360,
        )
    indices = _satisfaction(start, end)
    index_chart = bar_chart(
        [Bar(str(i.title), float(i.percent), colour=PALETTE[0]) for i in indices if i.percent is not None],
        title=_("Satisfaction indices, %"),
        unit="%",
    )
    met = [row for row in rows if row.met is True]
    missed = [row for row in rows if row.met is False]
    return {
        "kind": kind,
        "start": start,
        "end": end,
        "year": year,
        "rows": rows,
        "met_count": len(met),
        "missed_count": len(missed),
        "indices": indices,
        "index_chart": index_chart if any(i.percent is not None for i in indices) else "",
    }


def report_title(kind: str, start: datetime.date) -> str:
    if kind == Kind.MONTHLY:
        return _("KPI report for %(month)s") % {"month": date_format(start, "YEAR_MONTH_FORMAT")}
    return _("KPI report for %(year)s") % {"year": start.year}


def report_pdf(kind: str, start: datetime.date, end: datetime.date) -> bytes:
    """The report as of now, in the agency's language."""
    with translation.override(settings.LANGUAGE_CODE):
        context = report_context(kind, start, end)
        context["title"] = report_title(kind, start)
        return render_pdf("pdf/kpi_report.html", context)


# The management review -----------------------------------------------------------------------


def pack_pdf(review: ManagementReview) -> bytes:
    """The input pack as of now, in the agency's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf("pdf/review_input_pack.html", pack_context(review))


def order_pdf(review: ManagementReview) -> bytes:
    """The Director General's order: the conclusions and the decisions, with the signature and
    the SHA-256 of what was signed (and a warning if the record no longer matches it)."""
    decisions = ordered_decisions(review)
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(
            "pdf/review_order.html",
            {
                "review": review,
                "decisions": decisions,
                "content_sha256": hashlib.sha256(order_content(review).encode()).hexdigest(),
            },
        )


# The yearly reports outward ------------------------------------------------------------------


def outward_pdf(report, *, sign: bool = True) -> bytes:
    """A yearly report to the board or an authority, in the agency's language, with who signed
    it, carrying the agency's digital signature (PAdES); ``sign=False``: a draft as of now."""
    from core.pdf_signing import sign_pdf

    from .selectors.outward import report_context

    with translation.override(settings.LANGUAGE_CODE):
        content = render_pdf("pdf/outward_report.html", report_context(report))
        reason = _("%(report)s, signed by the Director General") % {"report": report}
    return sign_pdf(content, reason=reason) if sign else content
