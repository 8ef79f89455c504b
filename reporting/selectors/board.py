"""The quality board: where the IQAS stands on findings, corrective actions, actions and risks,
as numbers the charts draw (§7.4, §7.5). Whoever reads it sees every process."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from audits.models import Finding
from core.access import may_open
from core.charts import LEVEL_COLOURS, PALETTE, Bar, Series, bar_chart, stacked_bar_chart
from improvement.models import Action, CorrectiveAction, Nonconformity, Risk
from improvement.selectors import level_of

# Days a corrective action has been open, in the buckets the board counts.
AGE_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, 180), (181, None))


@dataclass
class Panel:
    title: str
    chart: str
    rows: list[tuple]  # the same numbers as a table: (label, value…)
    headers: tuple
    note: str = ""


def _list_url(name: str, reader=None, **params) -> str | None:
    """The filtered list behind a bar; None (a bar without a link) for a reader who may not open it."""
    if reader is not None and not may_open(reader, reverse(name)):
        return None
    return f"{reverse(name)}?{urlencode(params)}" if params else reverse(name)


def open_findings_by_process(reader=None) -> Panel:
    """Audit nonconformities whose record is not closed yet, by process, major and minor apart."""
    rows = (
        Finding.objects.filter(withdrawn=False, kind__in=Finding.NONCONFORMITIES)
        .exclude(nonconformity__status=Nonconformity.Status.CLOSED)
        .values("process_id", "process__name")
        .annotate(
            major=Count("pk", filter=Q(kind=Finding.Kind.MAJOR)),
            minor=Count("pk", filter=Q(kind=Finding.Kind.MINOR)),
        )
        .order_by("-major", "-minor", "process__name")
    )
    rows = list(rows)
    for row in rows:
        row["process__name"] = _(row["process__name"])  # the §3.1 names are in the catalogues
    chart = stacked_bar_chart(
        [r["process__name"] for r in rows],
        [
            Series(str(Finding.Kind.MAJOR.label), [r["major"] for r in rows], PALETTE[1]),
            Series(str(Finding.Kind.MINOR.label), [r["minor"] for r in rows], PALETTE[0]),
        ],
        title=_("Open audit nonconformities by process"),
        urls=[_list_url("improvement:list", reader, process=r["process_id"]) for r in rows],
    )
    return Panel(
        _("Open audit findings by process"),
        chart,
        [(r["process__name"], r["major"], r["minor"]) for r in rows],
        (_("Process"), _("Major"), _("Minor")),
        _("Nonconformities found by internal audits whose record is not closed."),
    )


def capa_ageing(today: datetime.date) -> Panel:
    """Open corrective actions by how long they have been open."""
    opened = CorrectiveAction.objects.exclude(step=CorrectiveAction.Step.CLOSED).values_list(
        "opened_at", flat=True
    )
    counts = [0] * len(AGE_BUCKETS)
    for moment in opened:
        age = (today - timezone.localtime(moment).date()).days
        for index, (low, high) in enumerate(AGE_BUCKETS):
            if age >= low and (high is None or age <= high):
                counts[index] += 1
                break
    labels = [
        _("%(low)s–%(high)s days") % {"low": low, "high": high}
        if high
        else _("over %(low)s days") % {"low": low - 1}
        for low, high in AGE_BUCKETS
    ]
    colours = [PALETTE[2], PALETTE[0], PALETTE[4], PALETTE[1], "#dc3545"]
    chart = bar_chart(
        [
            Bar(label, count, colour=colour)
            for label, count, colour in zip(labels, counts, colours, strict=True)
        ],
        title=_("Open corrective actions by age"),
    )
    return Panel(
        _("Corrective action ageing"),
        chart,
        list(zip(labels, counts, strict=True)),
        (_("Open for"), _("Corrective actions")),
        _("Days since each open corrective action was started."),
    )


def overdue_actions(today: datetime.date) -> Panel:
    """Open actions past their due date, by owner, corrective and preventive apart."""
    rows = list(
        Action.objects.filter(status=Action.Status.OPEN, due_on__lt=today)
        .values("owner_id", "owner__last_name", "owner__first_name", "owner__username")
        .annotate(
            corrective=Count("pk", filter=Q(capa__isnull=False)),
            preventive=Count("pk", filter=Q(risk__isnull=False)),
            review=Count("pk", filter=Q(decision__isnull=False)),
        )
        .order_by("-corrective", "-preventive", "-review", "owner__last_name")
    )
    names = [
        " ".join(p for p in (r["owner__last_name"], r["owner__first_name"]) if p) or r["owner__username"]
        for r in rows
    ]
    chart = stacked_bar_chart(
        names,
        [
            Series(_("Corrective"), [r["corrective"] for r in rows], PALETTE[1]),
            Series(_("Preventive (risks)"), [r["preventive"] for r in rows], PALETTE[4]),
            Series(_("Management review decisions"), [r["review"] for r in rows], PALETTE[2]),
        ],
        title=_("Overdue actions by owner"),
    )
    return Panel(
        _("Overdue actions"),
        chart,
        [(name, r["corrective"], r["preventive"], r["review"]) for name, r in zip(names, rows, strict=True)],
        (_("Owner"), _("Corrective"), _("Preventive (risks)"), _("Management review decisions")),
        _("Open actions past their due date."),
    )


def risks_by_score(reader=None) -> Panel:
    """Open and treated risks by process, high, medium and low apart (by the score before treatment)."""
    live = Risk.objects.exclude(status=Risk.Status.CLOSED).annotate(scored=F("likelihood") * F("impact"))
    per_process: dict[tuple[int, str], dict[str, int]] = {}
    for process_id, name, score in live.values_list("process_id", "process__name", "scored"):
        counts = per_process.setdefault((process_id, _(name)), {"high": 0, "medium": 0, "low": 0})
        counts[level_of(score)] += 1
    ordered = sorted(per_process.items(), key=lambda item: (-item[1]["high"], -item[1]["medium"], item[0][1]))
    levels = (("high", _("High")), ("medium", _("Medium")), ("low", _("Low")))
    chart = stacked_bar_chart(
        [name for (_pk, name), _c in ordered],
        [Series(label, [c[level] for _p, c in ordered], LEVEL_COLOURS[level]) for level, label in levels],
        title=_("Risks by process and score"),
        urls=[_list_url("improvement:risk_list", reader, process=pk) for (pk, _n), _c in ordered],
    )
    return Panel(
        _("Risks by score"),
        chart,
        [(name, c["high"], c["medium"], c["low"]) for (_pk, name), c in ordered],
        (_("Process"), _("High"), _("Medium"), _("Low")),
        _("High from a score of %(high)s, medium from %(medium)s (likelihood × impact).")
        % {"high": settings.IAAR_RISK_HIGH_FROM, "medium": settings.IAAR_RISK_MEDIUM_FROM},
    )


def headline(today: datetime.date) -> dict:
    return {
        "open_nonconformities": Nonconformity.objects.exclude(status=Nonconformity.Status.CLOSED).count(),
        "open_capas": CorrectiveAction.objects.exclude(step=CorrectiveAction.Step.CLOSED).count(),
        "overdue_actions": Action.objects.filter(status=Action.Status.OPEN, due_on__lt=today).count(),
        "high_risks": Risk.objects.exclude(status=Risk.Status.CLOSED)
        .annotate(scored=F("likelihood") * F("impact"))
        .filter(scored__gte=settings.IAAR_RISK_HIGH_FROM)
        .count(),
        "repeated": Nonconformity.objects.filter(repeated_of__isnull=False).count(),
    }


def board(today: datetime.date | None = None, *, reader=None) -> dict:
    """The board's numbers; with a ``reader``, a bar links its list only where they may open it."""
    today = today or timezone.localdate()
    return {
        "headline": headline(today),
        "panels": [
            open_findings_by_process(reader),
            capa_ageing(today),
            overdue_actions(today),
            risks_by_score(reader),
        ],
    }
