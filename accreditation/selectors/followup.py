"""What the follow-up of the EEC's recommendations shows: a project's items with their latest
progress, the summary the council reads, and what the public registry shows."""

from collections import Counter

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from ..models import AccreditationProject, FollowupItem, FollowupProgress, MonitoringTask, Publication
from .projects import organizations_represented_by

F = FollowupItem.Status


def followup_items_of(project) -> QuerySet[FollowupItem]:
    return FollowupItem.objects.filter(project=project).prefetch_related(
        Prefetch(
            "progress",
            queryset=FollowupProgress.objects.select_related("task", "reported_by", "assessed_by").order_by(
                "-reported_at", "-pk"
            ),
        )
    )


def followup_item_get(project, pk: int) -> FollowupItem:
    return get_object_or_404(
        FollowupItem.objects.select_related("project__organization"), project=project, pk=pk
    )


def followup_progress_get(item: FollowupItem, pk: int) -> FollowupProgress:
    return get_object_or_404(FollowupProgress.objects.select_related("task"), item=item, pk=pk)


def summary_of(items) -> dict:
    """How many recommendations stand in each state, in the order a reader follows them."""
    counts = Counter(item.status for item in items)
    rows = [(value, label, counts.get(value, 0)) for value, label in F.choices]
    total = sum(counts.values())
    closed = counts.get(F.CLOSED, 0)
    return {
        "rows": rows,
        "total": total,
        "closed": closed,
        "percent": round(100 * closed / total) if total else 0,
        "to_assess": counts.get(F.IMPLEMENTED, 0),
    }


def followup_summary(project) -> dict:
    """The follow-up of one project: the summary and each item with its latest progress."""
    items = list(followup_items_of(project))
    for item in items:
        item.latest = next(iter(item.progress.all()), None)
    return {"items": items, **summary_of(items)}


def followup_public(organization) -> list[dict]:
    """The follow-up status of the organization's projects whose EEC report is published (§6.5.1)."""
    published = Publication.objects.filter(
        project__organization=organization, withdrawn=False, project__followup_items__isnull=False
    ).exclude(report_pdf="")
    projects = (
        AccreditationProject.objects.filter(pk__in=published.values("project"))
        .prefetch_related("followup_items")
        .order_by("-pk")
    )
    return [{"project": p, **summary_of(list(p.followup_items.all()))} for p in projects]


def followup_awaiting_report(user) -> QuerySet[FollowupItem]:
    """Recommendations of organizations this person represents still to report on in an open
    yearly monitoring report."""
    organizations = organizations_represented_by(user)
    open_reports = MonitoringTask.objects.filter(
        kind=MonitoringTask.Kind.ANNUAL_REPORT,
        status__in=(MonitoringTask.Status.PLANNED, MonitoringTask.Status.RETURNED),
    )
    return (
        FollowupItem.objects.filter(
            project__organization__in=organizations,
            project__monitoring__in=open_reports,
            status__in=(F.OPEN, F.NOT_STARTED, F.IN_PROGRESS),
        )
        .exclude(progress__task__in=open_reports)
        .distinct()
        .select_related("project__organization")
    )


def followup_awaiting_assessment(user) -> QuerySet[FollowupProgress]:
    """Progress reports waiting for the assessment of the coordinator who runs the project (a
    project manager sees every project's)."""
    rows = FollowupProgress.objects.filter(assessment=FollowupProgress.Assessment.PENDING).select_related(
        "item__project__organization", "task"
    )
    if user.has_perm("accreditation.change_accreditationproject"):
        return rows
    return rows.filter(item__project__coordinator=user)
