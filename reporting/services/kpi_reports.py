"""The scheduled KPI report (§3.1, §7.4): a PDF of the five indicators for a month or a year,
against their targets, with trend charts and the satisfaction indices of the surveys; stored
with its SHA-256 and e-mailed once to the Director General and the IQAS owner.

One report per kind and period (a unique constraint): a second run, a retry or a click on
"make it now" finds the stored report instead of making another, and the e-mail goes out only
while ``emailed_at`` is empty, checked and set under a row lock around the sending.
"""

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.workflow import event_record
from improvement.models import KpiReport

from ..pdf import report_pdf, report_title
from ..selectors.kpi_reports import FIRST_YEAR, Kind, file_intact, period_of, recipients

logger = logging.getLogger(__name__)


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
        # A file already at this name was left by a run killed after storing it and before
        # its commit (this row, the only one of the period, has no file): replace it, so a
        # redelivered task leaves one PDF, not a second beside an orphan.
        target = report.file.field.generate_filename(report, name)
        if report.file.storage.exists(target):
            logger.warning("KPI report %s: replacing %s left by an interrupted run", report.pk, target)
            report.file.storage.delete(target)
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
    claimed (``emailed_at`` set under a row lock and committed) before the send, so a task
    redelivered after its worker died does not send again; a send that fails releases the claim.
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
        # Claim first and commit the claim, then send: a worker killed after the send
        # (redelivered by acks_late) finds emailed_at set and does not send twice.
        report.emailed_at = timezone.now()
        report.recipients = ", ".join(p.email for p in people)
        report.save(update_fields=["emailed_at", "recipients"])
    try:
        message.send()
    except Exception:
        with transaction.atomic():
            report = KpiReport.objects.select_for_update().get(pk=report.pk)
            report.emailed_at = None
            report.save(update_fields=["emailed_at"])
        raise
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
