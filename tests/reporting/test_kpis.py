"""The five KPIs of §3.1, computed from the records, checked against hand-counted fixtures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accreditation.models import ReportReview, SelfAssessment
from core.roles import Role
from improvement.models import IncomingInspection, KpiTarget, Nonconformity, PurchaseContract, Supplier
from reporting import services
from reporting.selectors import kpis
from tests.factories import PASSWORD, NonconformityFactory, ProjectFactory, UserFactory, kpi_target_in_force

YEAR = 2026


def _at(month: int, day: int = 10, year: int = YEAR) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


def _indicator(code):
    return next(i for i in kpis.INDICATORS if i.code == code)


@pytest.fixture
def records(db):
    """Hand-counted: KPI 1 — 4 reviewed in 2026 (1 returned in March), 1 pending, 1 returned in
    2025; KPI 2 — 3 in 2026 (1 returned); KPI 4 — 4 raised in 2026 (1 repeats); KPI 5 — 5
    deliveries in 2026 (2 nonconforming, in May), 1 in 2025."""
    person = UserFactory()
    project = ProjectFactory()
    for n, (month, decision, year) in enumerate(
        [
            (3, "returned", YEAR),
            (3, "conforming", YEAR),
            (6, "conforming", YEAR),
            (6, "conforming", YEAR),
            (1, "returned", YEAR - 1),
        ],
        start=1,
    ):
        SelfAssessment.objects.create(
            project=project,
            round=n,
            file="x.pdf",
            file_name="x.pdf",
            file_type="pdf",
            sha256="0" * 64,
            submitted_by=person,
            decision=decision,
            reviewed_at=_at(month, year=year),
        )
    SelfAssessment.objects.create(
        project=project,
        round=9,
        file="x.pdf",
        file_name="x.pdf",
        file_type="pdf",
        sha256="0" * 64,
        submitted_by=person,
    )
    for n, decision in enumerate(["returned", "conforming", "conforming"], start=1):
        review = ReportReview.objects.create(project=project, round=n, decision=decision, reviewer=person)
        ReportReview.objects.filter(pk=review.pk).update(reviewed_at=_at(4))
    first = NonconformityFactory()
    ncs = [first, NonconformityFactory(repeated_of=first), NonconformityFactory(), NonconformityFactory()]
    Nonconformity.objects.filter(pk__in=[nc.pk for nc in ncs]).update(raised_at=_at(9))
    supplier = Supplier.objects.create(name="Print house", supplies="Printing", created_by=person)
    contract = PurchaseContract.objects.create(
        number="C-1",
        supplier=supplier,
        subject="Certificates",
        signed_on=datetime.date(YEAR - 1, 1, 1),
        created_by=person,
    )
    for month, result, year in [
        (5, "nonconforming", YEAR),
        (5, "nonconforming", YEAR),
        (2, "conforming", YEAR),
        (7, "conforming", YEAR),
        (8, "conforming", YEAR),
        (11, "nonconforming", YEAR - 1),
    ]:
        IncomingInspection.objects.create(
            contract=contract,
            received_on=datetime.date(year, month, 3),
            item="Forms",
            result=result,
            inspected_by=person,
        )
    return person


def test_each_indicator_counts_its_records_of_the_year(records):
    rows = {row.indicator.code: row for row in kpis.report(YEAR)}
    assert (rows["kpi1"].value.short, rows["kpi1"].value.total, rows["kpi1"].value.percent) == (
        1,
        4,
        Decimal("25.0"),
    )
    assert (rows["kpi2"].value.short, rows["kpi2"].value.total, rows["kpi2"].value.percent) == (
        1,
        3,
        Decimal("33.3"),
    )
    assert rows["kpi3"].value.total == 0 and rows["kpi3"].value.percent is None
    assert (rows["kpi4"].value.short, rows["kpi4"].value.total) == (1, 4)
    assert (rows["kpi5"].value.short, rows["kpi5"].value.total, rows["kpi5"].value.percent) == (
        2,
        5,
        Decimal("40.0"),
    )


def test_months_and_years_split_the_same_records(records):
    row = next(r for r in kpis.report(YEAR) if r.indicator.code == "kpi1")
    assert [(v.short, v.total) for v in row.months][2] == (1, 2)  # March
    assert [(v.short, v.total) for v in row.months][5] == (0, 2)  # June
    assert sum(v.total for v in row.months) == 4
    assert dict(row.years)[YEAR - 1].percent == Decimal("100.0")
    assert dict(row.years)[YEAR].total == 4
    kpi5 = next(r for r in kpis.report(YEAR) if r.indicator.code == "kpi5")
    assert (kpi5.months[4].short, kpi5.months[4].total) == (2, 2)  # May


def test_a_target_says_whether_the_indicator_is_met(records, make_person):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms")
    kpi_target_in_force(qms=qms, code="kpi1", year=YEAR, target_percent=30)
    kpi_target_in_force(qms=qms, code="kpi5", year=YEAR, target_percent="10")
    rows = {row.indicator.code: row for row in kpis.report(YEAR)}
    assert rows["kpi1"].met is True and rows["kpi5"].met is False and rows["kpi2"].met is None
    kpi_target_in_force(qms=qms, code="kpi1", year=YEAR, target_percent=20)
    assert KpiTarget.objects.get(code="kpi1", year=YEAR).target_percent == Decimal("20.0")
    assert KpiTarget.objects.get(code="kpi1", year=YEAR).history.count() == 4  # proposed, approved ×2


@pytest.mark.parametrize(
    ("code", "year", "target", "message"),
    [
        ("kpi1", YEAR, 101, "from 0 to 100"),
        ("kpi1", YEAR, -1, "from 0 to 100"),
        ("kpi1", YEAR, "lots", "from 0 to 100"),
        ("kpi9", YEAR, 5, "one of the five"),
        ("kpi1", 1900, 5, "year"),
    ],
)
def test_bad_targets_are_refused_and_nothing_is_saved(db, make_person, code, year, target, message):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms2")
    with pytest.raises(ValidationError, match=message):
        services.kpi_target_propose(actor=qms, code=code, year=year, target_percent=target)
    assert not KpiTarget.objects.exists()


def test_only_the_iqas_owner_sets_targets(db, make_person):
    with pytest.raises(PermissionDenied):
        services.kpi_target_propose(
            actor=make_person(Role.DIRECTOR, username="kpi_dg"), code="kpi1", year=YEAR, target_percent=5
        )


def test_the_report_page_shows_the_shares_and_the_owner_sets_targets(client, records, make_person):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms3")
    client.force_login(qms)
    url = reverse("reporting:kpi_report")
    html = client.get(url, {"year": YEAR}).content.decode()
    assert "25.0 %" in html and "40.0 %" in html and html.count("<svg") == 5
    response = client.post(reverse("reporting:kpi_targets"), {"year": YEAR, "kpi1": "150"}, follow=True)
    assert "from 0 to 100" in response.content.decode()
    assert not KpiTarget.objects.exists()
    client.post(reverse("reporting:kpi_targets"), {"year": YEAR, "kpi1": "30", "kpi5": "10"})
    html = client.get(url, {"year": YEAR}).content.decode()
    # Proposed, not in force: measured against nothing until the Director General approves.
    assert "awaiting the Director General" in html and "not met" not in html
    for target in KpiTarget.objects.all():
        services.kpi_target_approve(target=target, actor=make_person(Role.DIRECTOR), password=PASSWORD)
    html = client.get(url, {"year": YEAR}).content.decode()
    assert "≤ 30.0 %" in html and "not met" in html and "awaiting the Director General" not in html
    assert client.get(url, {"year": "garbage"}).status_code == 200


def test_a_certificate_reissued_for_an_error_counts_for_kpi_3(cast):
    from accreditation import services as outcome
    from demo.walkthrough import drive

    decided = drive(cast.project, cast, "decided")
    old = decided.certificates.get()
    outcome.certificate_sign(certificate=old, actor=cast.director, password=cast.password)
    new = outcome.certificate_reissue(certificate=old, actor=cast.secretary, reason="error", note="Typo")
    outcome.certificate_sign(certificate=new, actor=cast.director, password=cast.password)
    today = timezone.localdate()
    value = kpis.value(_indicator("kpi3"), today.replace(month=1, day=1), today.replace(month=12, day=31))
    assert (value.short, value.total) == (1, 2)


def test_a_month_shows_the_counts_behind_its_share_and_a_thin_month_is_marked(client, records, make_person):
    """March has two self-assessments reviewed, one returned: 50 % of 2 is no trend, and the
    page says so beside the chart and in the point itself."""
    client.force_login(make_person(Role.QMS_OWNER, username="kpi_qms4"))
    html = client.get(reverse("reporting:kpi_report"), {"year": YEAR}).content.decode()
    assert "<title>Mar: 50\u00a0% (1 of 2)</title>" in html
    assert '<span class="text-nowrap text-body-secondary" data-month>Mar 1/2</span>' in html
    assert "A hollow point rests on fewer than 5 records" in html
    assert 'fill="#ffffff"' in html  # drawn hollow


def test_a_proposed_target_waits_for_the_director_generals_signature(db, make_person):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms_p")
    director = make_person(Role.DIRECTOR, username="kpi_dg_p")
    kpi_target_in_force(qms=qms, code="kpi1", year=YEAR, target_percent=30, director=director)
    target = services.kpi_target_propose(actor=qms, code="kpi1", year=YEAR, target_percent=10)
    # Proposed: the reports still use the approved 30 %.
    assert next(r for r in kpis.report(YEAR) if r.indicator.code == "kpi1").target == Decimal("30.0")
    with pytest.raises(PermissionDenied):
        services.kpi_target_approve(target=target, actor=qms, password=PASSWORD)
    with pytest.raises(ValidationError, match="password is not right"):
        services.kpi_target_approve(target=target, actor=director, password="wrong")
    target.refresh_from_db()
    assert (target.status, target.target_percent) == ("proposed", Decimal("30.0"))
    services.kpi_target_approve(target=target, actor=director, password=PASSWORD)
    assert next(r for r in kpis.report(YEAR) if r.indicator.code == "kpi1").target == Decimal("10.0")
    target.refresh_from_db()
    assert target.approved_by == director and target.history.count() == 4


def test_a_returned_proposal_leaves_the_approved_target_in_force(db, make_person):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms_r")
    director = make_person(Role.DIRECTOR, username="kpi_dg_r")
    kpi_target_in_force(qms=qms, code="kpi2", year=YEAR, target_percent=15, director=director)
    target = services.kpi_target_propose(actor=qms, code="kpi2", year=YEAR, target_percent=40)
    services.kpi_target_return(target=target, actor=director)
    target.refresh_from_db()
    assert (target.status, target.target_percent) == ("returned", Decimal("15.0"))


def test_the_director_general_approves_on_the_page_and_the_iqas_owner_cannot(client, db, make_person):
    qms = make_person(Role.QMS_OWNER, username="kpi_qms_v")
    director = make_person(Role.DIRECTOR, username="kpi_dg_v")
    target = services.kpi_target_propose(actor=qms, code="kpi3", year=YEAR, target_percent=2)
    url = reverse("reporting:kpi_target_approve", args=[target.pk])
    client.force_login(qms)
    assert client.get(url).status_code == 403
    assert client.post(url, {"password": PASSWORD}).status_code == 403
    client.force_login(director)
    assert url in client.get(reverse("core:dashboard")).content.decode()
    assert url in client.get(reverse("reporting:kpi_report"), {"year": YEAR}).content.decode()
    response = client.post(url, {"password": "wrong"})
    assert response.status_code == 200 and "password is not right" in response.content.decode()
    client.post(url, {"password": PASSWORD})
    target.refresh_from_db()
    assert target.status == "approved" and target.target_percent == Decimal("2.0")
