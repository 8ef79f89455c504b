"""The management review's input pack (§4.6.2), counted from the portal's records for the
review's period; ``reporting.pdf`` prints it.

Sections: stakeholder feedback, internal audit results, corrective actions and risks,
self-assessment and monitoring outcomes, EEC reports at internal expertise, nonconformities,
survey results, KPI values against targets, the status of the previous review's decisions, the
execution of the year's strategy-implementation plan (§4.4.1), and what the IQAS owner wrote of
the inputs the portal does not hold.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import Appeal, MonitoringTask, ReportReview, SelfAssessment
from audits.models import Audit, Finding
from core.charts import PALETTE, Bar, bar_chart
from governance.selectors.plans import execution_charts, plan_execution, plan_for_year
from improvement.models import Action, CorrectiveAction, KpiTarget, ManagementReview, Nonconformity, Risk
from improvement.selectors import level_of
from surveys.selectors import satisfaction_indices

from . import kpis

TOP_RISKS = 5


@dataclass
class Tally:
    label: str
    value: int


def _choices_counted(rows, field: str, choices) -> list[Tally]:
    """Counts for every choice of a field, in the choices' order, zeros included."""
    found = dict(rows.values_list(field).annotate(n=Count("pk")).order_by())
    return [Tally(str(label), found.get(value, 0)) for value, label in choices]


def _bars(counts: list[Tally], *, title: str, colour: str = PALETTE[0]) -> str:
    return bar_chart([Bar(c.label, c.value, colour=colour) for c in counts], title=title)


def stakeholder_section(start, end) -> dict:
    filed = Appeal.objects.filter(filed_at__date__range=(start, end))
    decided = Appeal.objects.filter(decided_at__date__range=(start, end))
    return {
        "by_kind": _choices_counted(filed, "kind", Appeal.Kind.choices),
        "by_result": _choices_counted(decided, "result", Appeal.Result.choices),
        "filed": filed.count(),
        "decided": decided.count(),
        "open_now": Appeal.objects.exclude(status=Appeal.Status.DECIDED).count(),
    }


def audit_section(start, end) -> dict:
    audits = list(
        Audit.objects.filter(starts_on__lte=end, ends_on__gte=start)
        .annotate(
            majors=Count("findings", filter=Q(findings__kind=Finding.Kind.MAJOR, findings__withdrawn=False)),
            minors=Count("findings", filter=Q(findings__kind=Finding.Kind.MINOR, findings__withdrawn=False)),
            others=Count(
                "findings",
                filter=Q(findings__withdrawn=False) & ~Q(findings__kind__in=Finding.NONCONFORMITIES),
            ),
        )
        .order_by("starts_on", "number")
    )
    findings = Finding.objects.filter(withdrawn=False, audit__in=[a.pk for a in audits])
    by_kind = _choices_counted(findings, "kind", Finding.Kind.choices)
    return {
        "audits": audits,
        "by_kind": by_kind,
        "chart": _bars(by_kind, title=_("Audit findings by kind")) if findings.exists() else "",
    }


def capa_risk_section(start, end, today) -> dict:
    capas = CorrectiveAction.objects.all()
    opened = capas.filter(opened_at__date__range=(start, end))
    overdue_actions = Action.objects.filter(
        status=Action.Status.OPEN, due_on__lt=today, decision__isnull=True
    ).count()
    risks = Risk.objects.exclude(status=Risk.Status.CLOSED).select_related("process", "owner")
    top = sorted(risks, key=lambda r: (-(r.residual_score or r.score), -r.score, r.number))[:TOP_RISKS]
    for risk in top:
        risk.level = level_of(risk.residual_score or risk.score)
    return {
        "capa_steps": _choices_counted(
            capas.exclude(step=CorrectiveAction.Step.CLOSED), "step", CorrectiveAction.Step.choices[:-1]
        ),
        "capa_opened": opened.count(),
        "capa_closed": capas.filter(closed_at__date__range=(start, end)).count(),
        "capa_effective": capas.filter(closed_at__date__range=(start, end), effective=True).count(),
        "capa_open": capas.exclude(step=CorrectiveAction.Step.CLOSED).count(),
        "actions_overdue": overdue_actions,
        "risk_status": _choices_counted(Risk.objects.all(), "status", Risk.Status.choices),
        "risks_recorded": Risk.objects.filter(created_at__date__range=(start, end)).count(),
        "risks_review_overdue": risks.filter(review_on__lt=today).count(),
        "top_risks": top,
    }


def self_assessment_section(start, end) -> dict:
    reviewed = SelfAssessment.objects.filter(reviewed_at__date__range=(start, end)).exclude(
        decision=SelfAssessment.Decision.PENDING
    )
    monitoring = MonitoringTask.objects.filter(due_on__range=(start, end))
    return {
        "self_assessments": _choices_counted(reviewed, "decision", SelfAssessment.Decision.choices[1:]),
        "monitoring": _choices_counted(monitoring, "status", MonitoringTask.Status.choices),
        "monitoring_by_kind": _choices_counted(monitoring, "kind", MonitoringTask.Kind.choices),
    }


def eec_section(start, end) -> dict:
    reviews = ReportReview.objects.filter(reviewed_at__date__range=(start, end))
    return {
        "by_decision": _choices_counted(reviews, "decision", ReportReview.Decision.choices),
        "total": reviews.count(),
        "projects": reviews.values("project").distinct().count(),
    }


def nonconformity_section(start, end) -> dict:
    raised = Nonconformity.objects.filter(raised_at__date__range=(start, end))
    by_source = _choices_counted(raised, "source", Nonconformity.Source.choices)
    by_process = [
        Tally(_(row["process__name"]) if row["process__name"] else _("No process"), row["n"])
        for row in raised.values("process__name").annotate(n=Count("pk")).order_by("-n", "process__name")
    ]
    return {
        "total": raised.count(),
        "major": raised.filter(severity=Nonconformity.Severity.MAJOR).count(),
        "repeated": raised.filter(repeated_of__isnull=False).count(),
        "closed": Nonconformity.objects.filter(closed_at__date__range=(start, end)).count(),
        "by_source": by_source,
        "by_process": by_process,
        "source_chart": _bars(by_source, title=_("Nonconformities by source")) if raised.exists() else "",
        "process_chart": _bars(by_process, title=_("Nonconformities by process"), colour=PALETTE[1])
        if by_process
        else "",
    }


def survey_section(start, end) -> dict:
    indices = list(satisfaction_indices(start, end))
    shown = [i for i in indices if i.percent is not None]
    return {
        "indices": indices,
        "chart": bar_chart(
            [Bar(str(i.title), float(i.percent)) for i in shown], title=_("Satisfaction indices, %"), unit="%"
        )
        if shown
        else "",
    }


def kpi_section(start, end) -> dict:
    year = end.year
    targets = {
        t.code: t.target_percent for t in KpiTarget.objects.filter(year=year, target_percent__isnull=False)
    }
    rows = []
    for indicator in kpis.INDICATORS:
        value = kpis.value(indicator, start, end)
        target = targets.get(indicator.code)
        met = None if target is None or value.percent is None else value.percent <= target
        rows.append({"indicator": indicator, "value": value, "target": target, "met": met})
    # One bar per indicator (a line would join unrelated indicators): its share, labelled with
    # its target and coloured by whether the target was met.
    colours = {True: PALETTE[2], False: PALETTE[1], None: PALETTE[6]}
    chart = bar_chart(
        [
            Bar(
                f"{r['indicator'].code.upper()} (≤ {r['target']} %)"
                if r["target"] is not None
                else r["indicator"].code.upper(),
                float(r["value"].percent or 0),
                colour=colours[r["met"]],
            )
            for r in rows
        ],
        title=_("Key performance indicators against targets"),
        unit="%",
    )
    return {"rows": rows, "year": year, "chart": chart}


def previous_decisions_section(review: ManagementReview, today) -> dict:
    previous = review.previous
    if previous is None:
        return {"review": None, "rows": [], "counts": []}
    rows = list(
        previous.decisions.select_related("action", "action__owner", "carried_to__review").order_by("pk")
    )
    for row in rows:
        row.overdue = row.action.status == Action.Status.OPEN and row.action.due_on < today
    counts = [
        Tally(str(label), sum(1 for r in rows if r.action.status == value))
        for value, label in Action.Status.choices
    ]
    counts.append(Tally(_("Overdue"), sum(1 for r in rows if r.overdue)))
    return {"review": previous, "rows": rows, "counts": counts}


def strategy_plan_section(end, today) -> dict:
    """The execution of the implementation plan of the review's year (the year its period
    ends), as the plan-execution board counts it."""
    plan = plan_for_year(end.year)
    if plan is None:
        return {"plan": None, "year": end.year}
    execution = plan_execution(plan, today)
    return {
        "plan": plan,
        "year": end.year,
        "execution": execution,
        "chart": execution_charts(execution)["by_goal"],
    }


def pack_context(review: ManagementReview, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    start, end = review.period_start, review.period_end
    return {
        "review": review,
        "today": today,
        "stakeholders": stakeholder_section(start, end),
        "audits": audit_section(start, end),
        "capa": capa_risk_section(start, end, today),
        "self_assessment": self_assessment_section(start, end),
        "eec": eec_section(start, end),
        "nonconformities": nonconformity_section(start, end),
        "surveys": survey_section(start, end),
        "kpis": kpi_section(start, end),
        "previous": previous_decisions_section(review, today),
        "strategy_plan": strategy_plan_section(end, today),
    }
