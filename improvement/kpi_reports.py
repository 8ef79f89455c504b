"""The scheduled KPI report (§3.1, §7.4): a PDF of the five indicators for a month or a year,
against their targets, with trend charts and the satisfaction indices of the surveys; stored
with its SHA-256 and e-mailed once to the Director General and the IQAS owner.

One report per kind and period (a unique constraint): a second run, a retry or a click on
"make it now" finds the stored report instead of making another, and the e-mail goes out only
while ``emailed_at`` is empty, checked and set under a row lock around the sending.
"""

import calendar
import datetime
import hashlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import PALETTE, Bar, Series, bar_chart, line_chart
from core.pdf import render_pdf
from core.roles import Role
from core.workflow import event_record

from . import kpis
from .models import KpiReport

logger = logging.getLogger(__name__)

Kind = KpiReport.Kind
FIRST_YEAR = 2000


def period_of(kind: str, period_start: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month or year that starts on ``period_start``."""
    if kind == Kind.MONTHLY:
        last = calendar.monthrange(period_start.year, period_start.month)[1]
        return period_start.replace(day=1), period_start.replace(day=last)
    if kind == Kind.YEARLY:
        return datetime.date(period_start.year, 1, 1), datetime.date(period_start.year, 12, 31)
    raise ValidationError(_("A KPI report is monthly or yearly."))


def previous_period(kind: str, today: datetime.date | None = None) -> datetime.date:
    """The first day of the month (or year) before the one ``today`` is in."""
    today = today or timezone.localdate()
    if kind == Kind.MONTHLY:
        return (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return datetime.date(today.year - 1, 1, 1)


def _check_period(kind: str, period_start: datetime.date, today: datetime.date) -> datetime.date:
    if kind not in Kind.values:
        raise ValidationError(_("A KPI report is monthly or yearly."))
    if not isinstance(period_start, datetime.date) or not FIRST_YEAR <= period_start.year <= today.year:
        raise ValidationError(_("Choose a month or a year from %(first)s on.") % {"first": FIRST_YEAR})
    start, end = period_of(kind, period_start)
    if end >= today:
        # A stored report is never made again: one of a period still running would stay partial.
        raise ValidationError(_("A report is made once its month or year has ended."))
    return start


def recipients():
    """Every active person holding the Director General's or the IQAS owner's role, with an
    e-mail address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[Role.DIRECTOR, Role.QMS_OWNER])
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _satisfaction(start: datetime.date, end: datetime.date) -> list:
    from surveys.selectors import satisfaction_indices

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


def file_intact(report: KpiReport) -> bool:
    """The stored PDF is there and still has the SHA-256 recorded when it was made."""
    if not report.file or not report.sha256:
        return False
    try:
        with report.file.open("rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return False
    return digest == report.sha256


def reports_of(kind: str = "") -> QuerySet[KpiReport]:
    """The stored reports, newest first (the model's order), of one kind if it names one."""
    rows = KpiReport.objects.select_related("created_by")
    return rows.filter(kind=kind) if kind in Kind.values else rows


def report_made(kind: str, start: datetime.date) -> bool:
    """Whether the period's report was made already (then it is kept as it is)."""
    return KpiReport.objects.filter(kind=kind, period_start=start, sha256__gt="").exists()


def _stored(kind: str, start: datetime.date, end: datetime.date, actor) -> KpiReport:
    """The period's report row with its PDF: made once, found afterwards."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                report, _created = KpiReport.objects.get_or_create(
                    kind=kind,
                    period_start=start,
                    defaults={"period_end": end, "created_by": actor},
                )
        except IntegrityError:  # another run made it between our look and our insert
            report = KpiReport.objects.get(kind=kind, period_start=start)
        report = KpiReport.objects.select_for_update().get(pk=report.pk)
        if report.file:
            return report
        content = report_pdf(kind, start, end)
        report.sha256 = hashlib.sha256(content).hexdigest()
        name = f"kpi-{kind}-{start:%Y-%m}.pdf" if kind == Kind.MONTHLY else f"kpi-{kind}-{start:%Y}.pdf"
        report.file.save(name, ContentFile(content), save=False)
        report.save(update_fields=["file", "sha256"])
        event_record(
            obj=report,
            action=gettext_lazy("KPI report made"),
            actor=actor,
            params={},
            comment=report.sha256,
        )
        return report


def kpi_report_send(report: KpiReport) -> bool:
    """E-mail the stored PDF to the Director General and the IQAS owner, once. The row is
    locked while sending; ``emailed_at`` is set right after the send, in the same transaction,
    so a retry after a failure before the send sends it, and one after the send does not.
    Returns whether it was sent now."""
    with transaction.atomic():
        report = KpiReport.objects.select_for_update().get(pk=report.pk)
        if report.emailed_at is not None:
            return False
        people = list(recipients())
        if not people:
            logger.warning("KPI report %s: nobody holds the director's or IQAS owner's role", report.pk)
            return False
        if not file_intact(report):
            raise ValidationError(_("The stored KPI report does not match its SHA-256; it was not sent."))
        with translation.override(settings.LANGUAGE_CODE):
            title = report_title(report.kind, report.period_start)
            body = render_to_string(
                "improvement/kpi_report_email.txt",
                {"report": report, "title": title, "site_url": settings.SITE_URL},
            )
        message = EmailMessage(settings.EMAIL_SUBJECT_PREFIX + title, body, to=[p.email for p in people])
        with report.file.open("rb") as handle:
            message.attach(report.file.name.rsplit("/", 1)[-1], handle.read(), "application/pdf")
        message.send()
        report.emailed_at = timezone.now()
        report.recipients = ", ".join(p.email for p in people)
        report.save(update_fields=["emailed_at", "recipients"])
        return True


def kpi_report_make(
    kind: str,
    period_start: datetime.date,
    *,
    actor=None,
    send: bool = True,
    today: datetime.date | None = None,
) -> KpiReport:
    """Make (once) and e-mail (once) the KPI report of the month or year that starts on
    ``period_start``. Called by the schedule without an actor, or by the IQAS owner."""
    if actor is not None and not actor.has_perm("improvement.change_kpitarget"):
        raise PermissionDenied(_("Only the IQAS owner makes a KPI report out of schedule."))
    today = today or timezone.localdate()
    start = _check_period(kind, period_start, today)
    end = period_of(kind, start)[1]
    report = _stored(kind, start, end, actor)
    if send:
        kpi_report_send(report)
        report.refresh_from_db()
    return report
