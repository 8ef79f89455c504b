"""What the agency's yearly reports outward say (§4.2, §4.5.2), counted from the records of the
calendar year: the council's decisions by kind and outcome (and, for the Supervisory Board, by
country), appeals and complaints with their outcomes, post-accreditation monitoring and the
certificates in force at the year's end; the board's report adds the KPIs against their targets,
the satisfaction indices and the execution of the year's implementation plan. A report to an
education authority counts only the organizations of its country."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from accreditation.models import (
    AccreditationProject,
    Appeal,
    Certificate,
    Decision,
    MonitoringTask,
    Outcome,
)
from accreditation.selectors.authorities import authorities_for_reports
from improvement.models import OutwardReport

from .review_inputs import kpi_section, strategy_plan_section, survey_section

Kind = AccreditationProject.Kind
MONITORING_OUTCOMES = (Outcome.MAINTAIN, Outcome.SUSPEND, Outcome.REVOKE)
FIRST_YEAR = 2011  # IAAR's first accreditations


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@dataclass
class OutcomeRow:
    """One outcome: the year's decisions with it by kind of accreditation, in the choices' order."""

    label: str
    counts: list[int]
    total: int = 0


@dataclass
class DecisionTable:
    kinds: list[str]
    rows: list[OutcomeRow]
    totals: list[int] = field(default_factory=list)
    total: int = 0

    def of(self, outcome_label: str) -> OutcomeRow:
        return next(row for row in self.rows if row.label == outcome_label)


def _in_country(rows: QuerySet, path: str, country: str) -> QuerySet:
    return rows.filter(**{f"{path}organization__country": country}) if country else rows


def decision_table(year: int, country: str = "") -> DecisionTable:
    """The year's decisions (not set aside on appeal) by outcome and kind of accreditation."""
    decisions = _in_country(
        Decision.objects.filter(decided_on__year=year, set_aside=False), "project__", country
    )
    found = {
        (kind, outcome): n
        for kind, outcome, n in decisions.values_list("project__kind", "outcome")
        .annotate(n=Count("pk"))
        .order_by()
    }
    kinds = [value for value, _label in Kind.choices]
    rows = []
    for outcome, label in Outcome.choices:
        counts = [found.get((kind, outcome), 0) for kind in kinds]
        rows.append(OutcomeRow(str(label), counts, sum(counts)))
    totals = [sum(row.counts[i] for row in rows) for i in range(len(kinds))]
    return DecisionTable([str(label) for _v, label in Kind.choices], rows, totals, sum(totals))


@dataclass
class CountryRow:
    country: str
    decisions: int
    positive: int
    certificates: int


def by_country(year: int) -> list[CountryRow]:
    """The board's view: each country's decisions of the year and certificates in force."""
    end = year_bounds(year)[1]
    decided = dict(
        Decision.objects.filter(decided_on__year=year, set_aside=False)
        .values_list("project__organization__country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    positive = dict(
        Decision.objects.filter(
            decided_on__year=year,
            set_aside=False,
            outcome__in=(Outcome.ACCREDIT, Outcome.CONDITIONAL, Outcome.MAINTAIN),
        )
        .values_list("project__organization__country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    in_force = dict(
        _certificates_in_force(end).values_list("organization__country").annotate(n=Count("pk")).order_by()
    )
    countries = sorted(set(decided) | set(in_force))
    return [CountryRow(c, decided.get(c, 0), positive.get(c, 0), in_force.get(c, 0)) for c in countries]


def _certificates_in_force(day: datetime.date) -> QuerySet:
    """Certificates issued and in their term on ``day`` (not drafts, not cancelled)."""
    return Certificate.objects.filter(valid_from__lte=day, valid_until__gte=day).exclude(
        status__in=(Certificate.Status.DRAFT, Certificate.Status.CANCELLED)
    )


def appeals_summary(year: int, country: str = "") -> dict:
    """Appeals and complaints filed in the year by kind, decided in the year by outcome."""
    appeals = _in_country(Appeal.objects.all(), "project__", country)
    filed = appeals.filter(filed_at__year=year)
    decided = appeals.filter(decided_at__year=year, status=Appeal.Status.DECIDED)
    by_kind = dict(filed.values_list("kind").annotate(n=Count("pk")).order_by())
    by_result = dict(decided.values_list("result").annotate(n=Count("pk")).order_by())
    return {
        "by_kind": [(str(label), by_kind.get(value, 0)) for value, label in Appeal.Kind.choices],
        "by_result": [(str(label), by_result.get(value, 0)) for value, label in Appeal.Result.choices],
        "filed": sum(by_kind.values()),
        "decided": sum(by_result.values()),
        "open": appeals.filter(filed_at__year__lte=year).exclude(decided_at__year__lte=year).count(),
    }


def monitoring_summary(year: int, country: str = "") -> dict:
    """Post-accreditation monitoring due in the year by state, and the council's monitoring
    decisions (keep, suspend, revoke) of the year."""
    tasks = _in_country(MonitoringTask.objects.filter(due_on__year=year), "project__", country)
    by_status = dict(tasks.values_list("status").annotate(n=Count("pk")).order_by())
    decisions = _in_country(
        Decision.objects.filter(decided_on__year=year, set_aside=False, outcome__in=MONITORING_OUTCOMES),
        "project__",
        country,
    )
    by_outcome = dict(decisions.values_list("outcome").annotate(n=Count("pk")).order_by())
    return {
        "by_status": [
            (str(label), by_status.get(value, 0)) for value, label in MonitoringTask.Status.choices
        ],
        "due": sum(by_status.values()),
        "by_outcome": [(str(Outcome(o).label), by_outcome.get(o, 0)) for o in MONITORING_OUTCOMES],
    }


def certificates_summary(year: int, country: str = "") -> dict:
    end = year_bounds(year)[1]
    in_force = _in_country(_certificates_in_force(end), "", country)
    by_kind = dict(in_force.values_list("kind").annotate(n=Count("pk")).order_by())
    return {
        "on": end,
        "by_kind": [(str(label), by_kind.get(value, 0)) for value, label in Kind.choices],
        "total": sum(by_kind.values()),
        "organizations": in_force.values("organization").distinct().count(),
    }


def report_context(report: OutwardReport, today: datetime.date | None = None) -> dict:
    """Every figure of the report, as of now (a signed report keeps its PDF, not this)."""
    today = today or timezone.localdate()
    start, end = year_bounds(report.year)
    country = report.country if report.kind == OutwardReport.Kind.AUTHORITY else ""
    report.shown_to = addressee_shown(report)
    context = {
        "report": report,
        "start": start,
        "end": end,
        "decisions": decision_table(report.year, country),
        "appeals": appeals_summary(report.year, country),
        "monitoring": monitoring_summary(report.year, country),
        "certificates": certificates_summary(report.year, country),
    }
    if report.kind == OutwardReport.Kind.BOARD:
        context |= {
            "countries": by_country(report.year),
            "kpis": kpi_section(start, end),
            "surveys": survey_section(start, end),
            "strategy_plan": strategy_plan_section(end, today),
        }
    return context


def year_ended(year: int, today: datetime.date | None = None) -> bool:
    return year < (today or timezone.localdate()).year


def reports_for(user) -> QuerySet[OutwardReport]:
    """Every outward report for those who prepare or sign them; the board's members read the
    reports sent to the board."""
    reports = OutwardReport.objects.select_related("signed_by", "sent_by", "prepared_by")
    if user.has_perm("improvement.add_outwardreport") or user.has_perm("improvement.sign_outwardreport"):
        return reports
    return reports.filter(kind=OutwardReport.Kind.BOARD, status=OutwardReport.Status.SENT)


def may_open(user, pk: int) -> bool:
    return reports_for(user).filter(pk=pk).exists()


def addressees() -> list[tuple[str, str]]:
    """(country, name in the reader's language) of every authority a report may go to, one
    per country."""
    seen: dict[str, str] = {}
    for authority in authorities_for_reports():
        seen.setdefault(authority.country, authority.shown_name())
    return list(seen.items())


def addressee_shown(report: OutwardReport, names: dict[str, str] | None = None) -> str:
    """To whom the report is addressed, in the reader's language: the board, or the country's
    authority as the register names it (the name stored when it was prepared otherwise)."""
    if report.kind == OutwardReport.Kind.BOARD:
        return gettext("Supervisory Board of IAAR")
    if names is None:
        names = dict(addressees())
    return names.get(report.country) or report.addressee


def with_addressees(reports) -> list[OutwardReport]:
    """The reports, each with ``shown_to`` in the reader's language (one query for all)."""
    names = dict(addressees())
    reports = list(reports)
    for report in reports:
        report.shown_to = addressee_shown(report, names)
    return reports


def unsent_for(user) -> list[OutwardReport]:
    """The Director General's reports to sign or to send."""
    if not user.has_perm("improvement.sign_outwardreport"):
        return []
    return list(
        OutwardReport.objects.filter(
            Q(status=OutwardReport.Status.DRAFT) | Q(status=OutwardReport.Status.SIGNED)
        )
    )


def file_intact(report: OutwardReport) -> bool:
    """Whether the stored PDF is still the one signed (its SHA-256)."""
    import hashlib

    if not report.file or not report.sha256:
        return False
    try:
        with report.file.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest() == report.sha256
    except OSError:
        return False
