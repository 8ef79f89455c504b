"""The commission's reads: its seats, the expert pool, the criteria and the assessment table
of the EEC report, the visit and its evidence."""

from collections import Counter

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from ..models import CommissionMember, Criterion, EECReport, Evidence, Expert, Score, Visit

# --- The commission's scores and report -------------------------------------------------------


def seats_of(project):
    """The commission's active seats, chair first."""
    return project.members.filter(is_active=True).select_related("expert__user")


def criteria_of(project) -> list[Criterion]:
    if project.standard_set_id is None:
        return []
    return list(
        Criterion.objects.filter(standard__standard_set=project.standard_set_id).select_related("standard")
    )


def consolidation_start(table: dict) -> dict[int, str]:
    """What the chair's form starts from: the commission's scores once saved, otherwise the
    score the experts gave most often for each criterion."""
    rows = [row for block in table["standards"] for row in block["rows"]]
    saved = {row["criterion"].pk: row["final"].score for row in rows if row["final"]}
    if saved:
        return saved
    start = {}
    for row in rows:
        given = [s.score for s in row["experts"] if s]
        if given:
            start[row["criterion"].pk] = Counter(given).most_common(1)[0][0]
    return start


def report_table(project) -> dict:
    """The assessment table: standards → criteria → each expert's and the consolidated score,
    with the summary counts the report and its PDF show."""
    seats = list(seats_of(project))
    scores = {}
    for row in project.scores.all():
        scores[(row.criterion_id, row.member_id)] = row
    standards = []
    counts = {value: 0 for value in Score.values}
    for criterion in criteria_of(project):
        if not standards or standards[-1]["standard"].pk != criterion.standard_id:
            standards.append({"standard": criterion.standard, "rows": []})
        final = scores.get((criterion.pk, None))
        if final:
            counts[final.score] += 1
        standards[-1]["rows"].append(
            {
                "criterion": criterion,
                "experts": [scores.get((criterion.pk, s.pk)) for s in seats],
                "final": final,
            }
        )
    return {
        "seats": seats,
        "standards": standards,
        "counts": [(Score(value).label, counts[value]) for value in Score.values],
        "total": sum(counts.values()),
    }


# --- The visit and the report --------------------------------------------------------


def commission_member_get(project, pk: int):
    return get_object_or_404(CommissionMember, project=project, pk=pk, is_active=True)


def visit_of(project) -> Visit | None:
    return Visit.objects.filter(project=project).first()


def evidence_get(project, pk: int) -> Evidence:
    return get_object_or_404(Evidence, project=project, pk=pk)


def eec_report_get(project) -> EECReport:
    """The project's EEC report (opened when the visit is recorded), or 404."""
    return get_object_or_404(EECReport, project=project)


# --- The expert pool ----------------------------------------------


def experts_listed(category: str = "") -> QuerySet[Expert]:
    """The pool, with the number of commissions each expert sits on; one category if given."""
    rows = (
        Expert.objects.select_related("user")
        .annotate(served=Count("seats", filter=Q(seats__is_active=True)))
        .order_by("user__last_name", "user__first_name", "pk")
    )
    return rows.filter(category=category) if category in Expert.Category.values else rows


def expert_get(pk: int) -> Expert:
    return get_object_or_404(Expert.objects.select_related("user"), pk=pk)
