"""KPI 3 read from its monthly summary rows (issue 22, item 2): a signature and a reissue for an
error count in the transaction that makes them, the KPI report shows the same figures as
counting the certificates (the old computation is the oracle), and ``rebuild_summaries``
recounts the rows after certificates were written past the services."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accreditation import kpi_summaries
from accreditation import services as outcome
from accreditation.models import Certificate, CertificateMonth
from demo.walkthrough import drive
from reporting.selectors import kpis

pytestmark = pytest.mark.django_db
KPI3 = next(i for i in kpis.INDICATORS if i.code == "kpi3")


def _old(year: int) -> tuple[dict, dict]:
    """KPI 3 by month and by year as the page counted it before: from the certificates."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        kpis.counted_by_period(KPI3, start, end, unit="month"),
        kpis.counted_by_period(KPI3, datetime.date(year - 4, 1, 1), end, unit="year"),
    )


def _new(year: int) -> tuple[dict, dict]:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return (
        kpis.by_period(KPI3, start, end, unit="month"),
        kpis.by_period(KPI3, datetime.date(year - 4, 1, 1), end, unit="year"),
    )


def _kpi3(year: int):
    return next(row for row in kpis.report(year) if row.indicator.code == "kpi3")


@pytest.fixture
def signed(cast):
    certificate = drive(cast.project, cast, "decided").certificates.get()
    return outcome.certificate_sign(certificate=certificate, actor=cast.director, password=cast.password)


def test_a_signature_and_a_reissue_for_an_error_count_at_once(cast, signed):
    month = kpi_summaries.month_of(signed.signed_at)
    assert CertificateMonth.objects.get(month=month).signed == 1
    new = outcome.certificate_reissue(certificate=signed, actor=cast.secretary, reason="error", note="Typo")
    outcome.certificate_sign(certificate=new, actor=cast.director, password=cast.password)
    row = CertificateMonth.objects.get(month=month)
    assert (row.signed, row.with_errors) == (2, 1)
    year = timezone.localdate().year
    assert (_kpi3(year).value.short, _kpi3(year).value.total) == (1, 2)
    assert _new(year) == _old(year)
    assert kpi_summaries.stored() == kpi_summaries.recount()


def test_a_reissue_for_a_change_of_name_is_no_error(cast, signed):
    outcome.certificate_reissue(certificate=signed, actor=cast.secretary, reason="change")
    assert CertificateMonth.objects.get().with_errors == 0
    year = timezone.localdate().year
    assert _kpi3(year).value.short == 0
    assert _new(year) == _old(year)


def test_a_refused_signature_counts_nothing(cast):
    certificate = drive(cast.project, cast, "decided").certificates.get()
    with pytest.raises(Exception, match="password"):
        outcome.certificate_sign(certificate=certificate, actor=cast.director, password="wrong")
    assert not CertificateMonth.objects.exists()


def test_the_command_recounts_certificates_written_past_the_services(cast, signed):
    # Moved to another year in bulk (as the benchmark's and the demo's loads write them).
    moment = timezone.make_aware(datetime.datetime(2024, 3, 5, 12))
    Certificate.objects.filter(pk=signed.pk).update(signed_at=moment)
    with pytest.raises(CommandError, match="KPI 3"):
        call_command("rebuild_summaries", "--check", stdout=StringIO())
    assert _kpi3(2024).value.total == 0  # the page reads the summary rows
    out = StringIO()
    call_command("rebuild_summaries", stdout=out)
    assert "Rebuilt 1 months of KPI 3" in out.getvalue()
    assert _kpi3(2024).value.total == 1 and _kpi3(2024).months[2].total == 1
    assert _new(2024) == _old(2024) and _new(2026) == _old(2026)
    call_command("rebuild_summaries", "--check", stdout=StringIO())


def test_a_period_of_days_is_still_counted_from_the_certificates(cast, signed):
    day = timezone.localdate(signed.signed_at)
    value = kpis.value(KPI3, day, day)
    assert (value.short, value.total) == (0, 1)
    assert kpis.by_period(KPI3, day, day, unit="month") == kpis.counted_by_period(
        KPI3, day, day, unit="month"
    )
