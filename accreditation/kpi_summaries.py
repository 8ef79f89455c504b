"""KPI 3's summary rows (issue 22): certificates signed per month and how many of them were
reissued for an error, kept, not recomputed.

The certificate services count a signature in the month it was made and a reissue for an error
in the month its certificate was signed, in their own transaction, as an increment the database
applies itself (``core.tallies``). ``rebuild`` recounts every month from the certificates
(``manage.py rebuild_summaries``, after a bulk load). The KPI page reads these rows instead of
counting every signed certificate with a join to its reissue, month by month and year by year.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from core.tallies import increment

from .models import Certificate, CertificateMonth

ERROR = Certificate.ReissueReason.ERROR


def month_of(moment: datetime.datetime) -> datetime.date:
    """The first day of the moment's month in the agency's time zone (as the KPI report reads it)."""
    return timezone.localtime(moment, timezone.get_default_timezone()).date().replace(day=1)


def certificate_signed(*, certificate: Certificate) -> None:
    """Count a certificate just signed, in the caller's transaction."""
    increment(CertificateMonth, ["month"], "signed", {(month_of(certificate.signed_at),): 1})


def certificate_reissued(*, certificate: Certificate, reason: str) -> None:
    """Count a signed certificate just reissued; only a reissue for an error counts (KPI 3)."""
    if reason == ERROR and certificate.signed_at is not None:
        increment(CertificateMonth, ["month"], "with_errors", {(month_of(certificate.signed_at),): 1})


def recount() -> dict[datetime.date, tuple[int, int]]:
    """{month: (signed, reissued for an error)} as the certificates say."""
    rows = (
        Certificate.objects.filter(signed_at__isnull=False)
        .annotate(m=TruncMonth("signed_at", tzinfo=timezone.get_default_timezone()))
        .values_list("m")
        .annotate(
            signed=Count("pk", distinct=True),
            errors=Count("pk", filter=Q(reissued_as__reissue_reason=ERROR), distinct=True),
        )
        .order_by()
    )
    out = {}
    for month, signed, errors in rows:
        day = month.date() if isinstance(month, datetime.datetime) else month
        out[day] = (signed, errors)
    return out


def stored() -> dict[datetime.date, tuple[int, int]]:
    return {
        month: (signed, errors)
        for month, signed, errors in CertificateMonth.objects.values_list("month", "signed", "with_errors")
        if signed or errors
    }


@transaction.atomic
def rebuild() -> int:
    """Recount every month from the certificates and replace the rows; returns how many."""
    if connection.vendor == "postgresql":
        # No certificate may be signed between the recount and the replacement.
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {Certificate._meta.db_table} IN SHARE MODE")
    counts = recount()
    CertificateMonth.objects.all().delete()
    CertificateMonth.objects.bulk_create(
        [CertificateMonth(month=m, signed=s, with_errors=e) for m, (s, e) in counts.items()]
    )
    return len(counts)


def by_month(start: datetime.date, end: datetime.date) -> dict[datetime.date, tuple[int, int]]:
    """The months from ``start`` to ``end`` that have certificates: {month: (signed, with errors)}."""
    return {
        month: (signed, errors)
        for month, signed, errors in CertificateMonth.objects.filter(month__range=(start, end)).values_list(
            "month", "signed", "with_errors"
        )
        if signed or errors
    }
