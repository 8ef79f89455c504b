"""The KPI report (§3.1, §7.4): the five indicators of a year, month by month and over the
years, against their targets; the IQAS owner sets the targets."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access
from core.charts import PALETTE, Series, line_chart
from core.form_pages import form_page, run_service
from documents.forms import SignForm
from improvement.models import KpiTarget
from improvement.workflow import KPI_TARGET_WORKFLOW
from surveys.selectors import satisfaction_by_year, satisfaction_targets_awaiting_approval
from surveys.services import satisfaction_target_propose
from surveys.workflow import SATISFACTION_TARGET_WORKFLOW

from .. import services
from ..forms import TargetsForm
from ..selectors import kpis


def _year(params) -> int:
    raw = params.get("year", "")
    today = timezone.localdate()
    if raw.isdigit() and len(raw) == 4 and 2000 <= int(raw) <= today.year + 1:
        return int(raw)
    return today.year


def _satisfaction(year: int):
    """The satisfaction indices of the year (surveys, §7.4) and a line of each over five years."""
    years = list(range(year - 4, year + 1))
    by_year = satisfaction_by_year(years)
    current = by_year[year]
    series = []
    for number, index in enumerate(current):
        values = [next((i.percent for i in by_year[y] if i.code == index.code), None) for y in years]
        series.append(
            Series(
                index.title,
                [float(v) if v is not None else None for v in values],
                PALETTE[number % len(PALETTE)],
            )
        )
    chart = None
    if any(v is not None for s in series for v in s.values):
        chart = line_chart([str(y) for y in years], series, title=_("Satisfaction indices, %"), unit="%")
    return current, chart


def _awaiting(user) -> list[dict]:
    """The proposed targets waiting for the Director General: the KPIs' (at most) and the
    surveys' satisfaction targets (at least), each with the moves this reader may make."""
    rows = [
        {
            "badge": t.code.upper(),
            "title": t.get_code_display(),
            "sign": "≤",
            "target": t,
            "buttons": KPI_TARGET_WORKFLOW.buttons(t, user),
        }
        for t in kpis.targets_awaiting_approval()
    ]
    rows += [
        {
            "badge": "",
            "title": t.survey.localized_title,
            "sign": "≥",
            "target": t,
            "buttons": SATISFACTION_TARGET_WORKFLOW.buttons(t, user),
        }
        for t in satisfaction_targets_awaiting_approval()
    ]
    return rows


@access("improvement.view_kpi_report")
def kpi_report(request: HttpRequest) -> HttpResponse:
    year = _year(request.GET)
    rows = kpis.report(year)
    months = [date_format(day, "M") for day in kpis.months_of(year)]
    for row in rows:
        shares = [float(v.percent) if v.percent is not None else None for v in row.months]
        notes = [
            _("%(short)s of %(total)s") % {"short": v.short, "total": v.total} if v.total else ""
            for v in row.months
        ]
        faint = [0 < v.total < kpis.FEW_RECORDS for v in row.months]
        row.few_months = sum(faint)
        row.month_cells = [(label, v) for label, v in zip(months, row.months, strict=True) if v.total]
        series = [Series(_("Share that fell short, %"), shares, PALETTE[0], notes=notes, faint=faint)]
        if row.target is not None:
            series.append(Series(_("Target, %"), [float(row.target)] * 12, PALETTE[1]))
        row.chart = line_chart(months, series, title=str(row.indicator.title), unit="%")
    satisfaction, satisfaction_chart = _satisfaction(year)
    return render(
        request,
        "improvement/kpi_report.html",
        {
            "year": year,
            "rows": rows,
            "satisfaction": satisfaction,
            "satisfaction_chart": satisfaction_chart,
            "can_analyze": request.user.has_perm("surveys.analyze_survey"),
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
            "can_set": request.user.has_perm("improvement.change_kpitarget"),
            "few_records": kpis.FEW_RECORDS,
            "awaiting": _awaiting(request.user),
        },
    )


@require_POST
@access("improvement.change_kpitarget")
def kpi_targets(request: HttpRequest) -> HttpResponse:
    form = TargetsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A target is a share from 0 to 100 %; nothing was changed."))
        return redirect(reverse("reporting:kpi_report"))
    year = form.cleaned_data["year"]
    proposed = []
    try:
        with transaction.atomic():  # all the targets, or none
            for indicator in kpis.INDICATORS:
                value = form.cleaned_data.get(indicator.code)
                if value is not None:
                    row = services.kpi_target_propose(
                        actor=request.user, code=indicator.code, year=year, target_percent=value
                    )
                    if row.status == KpiTarget.Status.PROPOSED:
                        proposed.append(row)
            for name, survey in form.surveys.items():
                value = form.cleaned_data.get(name)
                if value is not None:
                    row = satisfaction_target_propose(
                        actor=request.user, survey=survey, year=year, target_percent=value
                    )
                    if row.status == row.Status.PROPOSED:
                        proposed.append(row)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The targets for %(year)s are set.") % {"year": year})
        if proposed:
            messages.info(
                request,
                _(
                    "The targets are proposed: they take effect when the Director General "
                    "approves them with a signature."
                ),
            )
    return redirect(f"{reverse('reporting:kpi_report')}?year={year}")


APPROVES_TARGET = KPI_TARGET_WORKFLOW.acts(KpiTarget.Status.APPROVED)


def _report_url(target: KpiTarget) -> str:
    return f"{reverse('reporting:kpi_report')}?year={target.year}"


@access("improvement.view_kpi_report", moves=APPROVES_TARGET)
def kpi_target_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The Director General approves a proposed target with a signature (password typed again)."""
    target = get_object_or_404(KpiTarget, pk=pk)
    if not APPROVES_TARGET.allows(request.user, pk=pk):
        raise PermissionDenied
    if not KPI_TARGET_WORKFLOW.may(request.user, target, KpiTarget.Status.APPROVED):
        messages.error(request, _("This target is not awaiting approval."))
        return redirect(_report_url(target))
    return form_page(
        request,
        SignForm(request.POST or None),
        action=lambda data: services.kpi_target_approve(
            target=target, actor=request.user, password=data["password"]
        ),
        success=_("Approved and signed: the target is in force."),
        done_url=_report_url(target),
        template="improvement/kpi_target_approve.html",
        context={"target": target, "report_url": _report_url(target)},
    )


@require_POST
@access("improvement.view_kpi_report", moves=KPI_TARGET_WORKFLOW.acts(KpiTarget.Status.RETURNED))
def kpi_target_return(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(KpiTarget, pk=pk)
    if not KPI_TARGET_WORKFLOW.may(request.user, target, KpiTarget.Status.RETURNED):
        raise PermissionDenied
    run_service(
        request,
        lambda: services.kpi_target_return(target=target, actor=request.user),
        _("The proposal is returned to the IQAS owner; the approved target stays in force."),
    )
    return redirect(_report_url(target))
