"""The yearly reports outward (§4.2, §4.5.2): counted from the year's records (a report to an
authority only from its country's organizations), signed by the Director General with his
password as a PDF with the agency's digital signature, sent by him only once signed, e-mailed
once, kept; the authority is chosen by the organization's country, for decisions too."""

import datetime
import hashlib
import subprocess
import uuid
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from accreditation.models import (
    AgendaItem,
    Appeal,
    Certificate,
    CouncilMeeting,
    Decision,
    EducationAuthority,
)
from accreditation.selectors.authorities import authority_for
from core.roles import Role
from improvement.models import OutwardReport
from reporting.selectors import outward as figures
from reporting.services import outward
from tests.factories import OrganizationFactory, ProjectFactory
from tests.reporting.test_kpi_reports import pdf_text

pytestmark = pytest.mark.django_db
YEAR = 2025
TODAY = datetime.date(2026, 3, 1)
PASSWORD = "a-long-signing-password"


@pytest.fixture
def people(make_person):
    director = make_person(Role.DIRECTOR, username="or_dg", email="dg@iaar.test")
    director.set_password(PASSWORD)
    director.save()
    return {
        "director": director,
        "qms": make_person(Role.QMS_OWNER, Role.STAFF, username="or_qms"),
        "board": make_person(Role.SUPERVISORY_BOARD, username="or_board", email="board@iaar.test"),
        "staff": make_person(Role.STAFF, username="or_staff"),
    }


@pytest.fixture
def authorities():
    return {
        "KZ": EducationAuthority.objects.create(
            country="KZ",
            name="Ministry of Science and Higher Education of the Republic of Kazakhstan",
            name_ru="Министерство науки и высшего образования Республики Казахстан",
            email="mnvo@gov.kz.test",
        ),
        "KG": EducationAuthority.objects.create(
            country="KG",
            name="Ministry of Education of the Kyrgyz Republic",
            name_ru="Министерство образования Кыргызской Республики",
            email="edu@gov.kg.test",
        ),
    }


def _decide(people, *, country: str, outcome: str, day: datetime.date, kind: str = "institutional"):
    project = ProjectFactory(organization=OrganizationFactory(country=country), kind=kind, status="decided")
    meeting = CouncilMeeting.objects.create(
        number=f"AC-{uuid.uuid4().hex[:8]}", date=day, secretary=people["qms"], status="closed"
    )
    item = AgendaItem.objects.create(meeting=meeting, project=project, state="decided")
    decision = Decision.objects.create(
        project=project,
        item=item,
        outcome=outcome,
        years=5,
        decided_on=day,
        votes_for=7,
        votes_cast=9,
        recorded_by=people["qms"],
    )
    if outcome in ("accredit", "conditional"):
        Certificate.objects.create(
            number=f"C-{decision.pk}",
            token=uuid.uuid4(),
            project=project,
            decision=decision,
            organization=project.organization,
            kind=kind,
            valid_from=day,
            valid_until=day + datetime.timedelta(days=5 * 365),
            status="valid",
        )
    return decision


@pytest.fixture
def year_of_records(people):
    """Hand-counted for 2025: KZ — 2 accredited (1 institutional, 1 specialized), 1 refused;
    KG — 1 accredited conditionally; a KZ appeal filed and rejected in 2025; one 2026 decision
    that 2025 must not count."""
    kz1 = _decide(people, country="KZ", outcome="accredit", day=datetime.date(2025, 3, 10))
    _decide(people, country="KZ", outcome="accredit", day=datetime.date(2025, 6, 5), kind="specialized")
    _decide(people, country="KZ", outcome="refuse", day=datetime.date(2025, 6, 5))
    _decide(people, country="KG", outcome="conditional", day=datetime.date(2025, 11, 20))
    _decide(people, country="KZ", outcome="accredit", day=datetime.date(2026, 1, 20))
    appeal = Appeal.objects.create(
        number="AP-2025-1",
        kind="appeal",
        project=kz1.project,
        decision=kz1,
        name="Rector",
        email="rector@uni.test",
        subject="Term",
        text="Grounds",
        due_on=datetime.date(2025, 5, 1),
        status="decided",
        result="rejected",
        decided_at=timezone.make_aware(datetime.datetime(2025, 4, 20, 12)),
    )
    Appeal.objects.filter(pk=appeal.pk).update(
        filed_at=timezone.make_aware(datetime.datetime(2025, 4, 1, 12))
    )


def test_the_figures_are_the_years_records_and_an_authority_reads_only_its_country(
    people, authorities, year_of_records
):
    board = outward.outward_prepare(actor=people["qms"], kind="board", year=YEAR, today=TODAY)
    kz = outward.outward_prepare(actor=people["qms"], kind="authority", year=YEAR, country="kz", today=TODAY)
    assert kz.country == "KZ" and "Ministry of Science" in kz.addressee

    every = figures.decision_table(YEAR)
    assert every.total == 4  # the 2026 decision is not counted
    assert every.of("Accredit").total == 2 and every.of("Accredit").counts[:2] == [1, 1]
    only_kz = figures.decision_table(YEAR, "KZ")
    assert only_kz.total == 3
    assert figures.decision_table(YEAR, "KG").total == 1

    countries = {row.country: row for row in figures.report_context(board, today=TODAY)["countries"]}
    assert (countries["KZ"].decisions, countries["KZ"].positive) == (3, 2)
    assert (countries["KG"].decisions, countries["KG"].positive) == (1, 1)
    appeals = figures.report_context(kz, today=TODAY)["appeals"]
    assert appeals["filed"] == 1 and dict(appeals["by_result"])["Rejected"] == 1
    assert figures.appeals_summary(YEAR, "KG")["filed"] == 0
    assert figures.certificates_summary(YEAR, "KZ")["total"] == 2


def test_the_director_signs_with_his_password_and_the_pdf_carries_the_figures_and_the_signature(
    people, authorities, year_of_records, tmp_path, settings
):
    report = outward.outward_prepare(
        actor=people["qms"], kind="authority", year=YEAR, country="KZ", today=TODAY
    )
    with pytest.raises(ValidationError, match="password"):
        outward.outward_sign(report=report, actor=people["director"], password="wrong")
    report.refresh_from_db()
    assert report.status == "draft" and not report.file

    with pytest.raises(PermissionDenied):
        outward.outward_sign(report=report, actor=people["qms"], password=PASSWORD)

    settings.LANGUAGE_CODE = "ru"  # the agency's language: the PDF is in it, whoever signs
    with translation.override("en"):
        report = outward.outward_sign(report=report, actor=people["director"], password=PASSWORD)
    report.refresh_from_db()
    assert report.status == "signed" and report.signed_by == people["director"]
    content = report.file.read()
    assert hashlib.sha256(content).hexdigest() == report.sha256
    text = pdf_text(content)
    assert "2025" in text and "Министерство науки" in text  # the agency's language: Russian
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    checked = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
    assert "Signature is Valid." in checked, checked

    with pytest.raises(ValidationError):  # signed once; never signed again
        outward.outward_sign(report=report, actor=people["director"], password=PASSWORD)


def test_an_unsigned_report_is_not_sent_and_a_signed_one_leaves_once_to_its_authority(
    people, authorities, year_of_records, django_capture_on_commit_callbacks
):
    report = outward.outward_prepare(
        actor=people["qms"], kind="authority", year=YEAR, country="KG", today=TODAY
    )
    with pytest.raises(ValidationError, match="unsigned"):
        outward.outward_send(report=report, actor=people["director"])
    report.refresh_from_db()
    assert report.status == "draft" and report.sent_at is None

    report = outward.outward_sign(report=report, actor=people["director"], password=PASSWORD)
    with pytest.raises(PermissionDenied):
        outward.outward_send(report=report, actor=people["qms"])
    with mock.patch("core.outbox.enqueue_now") as queued, django_capture_on_commit_callbacks(execute=True):
        outward.outward_send(report=report, actor=people["director"])
    queued.assert_called_once()
    report.refresh_from_db()
    assert report.status == "sent" and report.sent_to == "edu@gov.kg.test"

    assert outward.outward_mail(report.pk) is True
    assert outward.outward_mail(report.pk) is False  # a redelivered task sends nothing more
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["edu@gov.kg.test"]
    _name, content, kind = sent.attachments[0]
    assert kind == "application/pdf" and hashlib.sha256(content).hexdigest() == report.sha256
    assert report.history.count() >= 3  # prepared, signed, sent: each change kept


def test_the_board_report_goes_to_the_boards_members(people, authorities, year_of_records):
    report = outward.outward_prepare(actor=people["director"], kind="board", year=YEAR, today=TODAY)
    assert outward.recipients_of(report) == ["board@iaar.test"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"kind": "board", "year": 2026}, "year has ended"),
        ({"kind": "board", "year": 1990}, "year has ended"),
        ({"kind": "authority", "year": YEAR, "country": "UZ"}, "register"),
        ({"kind": "memo", "year": YEAR}, "Supervisory Board"),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_prepared(people, authorities, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        outward.outward_prepare(actor=people["qms"], today=TODAY, **kwargs)
    assert not OutwardReport.objects.exists()


def test_a_year_and_addressee_is_prepared_once_and_staff_may_not_prepare(people, authorities):
    outward.outward_prepare(actor=people["qms"], kind="board", year=YEAR, today=TODAY)
    with pytest.raises(ValidationError, match="already prepared"):
        outward.outward_prepare(actor=people["director"], kind="board", year=YEAR, today=TODAY)
    with pytest.raises(PermissionDenied):
        outward.outward_prepare(actor=people["staff"], kind="board", year=YEAR - 1, today=TODAY)
    assert OutwardReport.objects.count() == 1


def test_the_decision_notice_goes_to_the_authority_of_the_organizations_country(authorities, settings):
    settings.IAAR_EDUCATION_AUTHORITY_EMAIL = "fixed@ministry.test"
    settings.LANGUAGE_CODE = "ru"
    assert authority_for("KG").email == "edu@gov.kg.test"
    assert authority_for("kz").name.startswith("Министерство")  # in the agency's language
    fallback = authority_for("UZ")  # none registered: the configured one
    assert fallback.email == "fixed@ministry.test" and fallback.authority is None


def test_pages_the_board_reads_only_sent_board_reports_and_the_director_signs_from_his_tasks(
    people, authorities, year_of_records, client
):
    report = outward.outward_prepare(actor=people["qms"], kind="board", year=YEAR, today=TODAY)
    client.force_login(people["director"])
    page = client.get(reverse("core:dashboard")).content.decode()
    assert report.get_absolute_url() in page
    detail = client.get(report.get_absolute_url()).content.decode()
    assert reverse("reporting:outward_sign", args=[report.pk]) in detail
    draft = client.get(reverse("reporting:outward_pdf", args=[report.pk]))
    assert draft.status_code == 200 and draft["Content-Type"] == "application/pdf"
    response = client.post(reverse("reporting:outward_sign", args=[report.pk]), {"password": "wrong"})
    assert response.status_code == 200 and "not right" in response.content.decode()

    client.force_login(people["board"])
    assert client.get(report.get_absolute_url()).status_code == 404  # not sent yet
    assert report.get_absolute_url() not in client.get(reverse("reporting:outward_list")).content.decode()
    client.force_login(people["staff"])
    assert client.get(reverse("reporting:outward_list")).status_code == 403
