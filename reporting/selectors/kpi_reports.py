"""Reads of the stored KPI reports (§3.1, §7.4): the periods they cover, who receives them, the
list, and whether a stored PDF still matches the SHA-256 recorded when it was made."""

import calendar
import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.roles import Role
from improvement.models import KpiReport

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
