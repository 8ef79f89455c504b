"""Who sees which audit, and what each person may do on it.

Management (view_all_audits: the Director General, the IQAS owner, the Supervisory Board) sees
every audit; a working-group member sees the audits they were appointed to by a signed order
(the object permission granted at signing) and acts on them while their seat is active."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch
from django.utils.translation import gettext_noop
from guardian.shortcuts import get_objects_for_user

from core.models import Criterion
from core.roles import Role
from documents.models import Document
from improvement.models import Nonconformity

from .models import Audit, AuditorAssignment, AuditProgramme, ChecklistItem, Finding
from .workflow import LEADS_AUDIT, SITS_ON_AUDIT, STARTS_AUDIT

S = Audit.Status


def audits_visible_to(user) -> QuerySet[Audit]:
    """Every audit for management; a working-group member sees only the audits they are on."""
    rows = Audit.objects.select_related("programme")
    if not user.is_authenticated:
        return rows.none()
    if user.has_perm("audits.view_all_audits"):
        return rows
    mine = get_objects_for_user(user, "audits.view_audit", klass=Audit, accept_global_perms=False)
    return rows.filter(pk__in=mine.values("pk"))


def audit_get_for(user, pk: int) -> Audit:
    """The audit, or 404 for someone who may not see it."""
    return get_object_or_404(audits_visible_to(user), pk=pk)


def can_plan(user) -> bool:
    """The IQAS owner plans audits and proposes their working groups."""
    return user.has_perm("audits.change_audit")


def audit_get_for_member(user, pk: int) -> Audit:
    """The audit for a member of its working group: 404 if unseen, 403 if seen but not on it."""
    audit = audit_get_for(user, pk)
    if not SITS_ON_AUDIT.allows_on(user, audit):
        raise PermissionDenied
    return audit


def audit_get_for_leader(user, pk: int) -> Audit:
    audit = audit_get_for(user, pk)
    if not LEADS_AUDIT.allows_on(user, audit):
        raise PermissionDenied
    return audit


def audit_get_for_starter(user, pk: int) -> Audit:
    """The leader or the IQAS owner starts the audit (and builds its checklist)."""
    audit = audit_get_for(user, pk)
    if not STARTS_AUDIT.allows_on(user, audit):
        raise PermissionDenied
    return audit


def programme_readable(user, year: int) -> bool:
    """A yearly programme opens for management and for those with an audit of it they may see."""
    if not user.is_authenticated:
        return False
    if user.has_perm("audits.view_all_audits"):
        return True
    return audits_visible_to(user).filter(programme__year=year).exists()


def programmes_with_audits(user) -> list[dict]:
    """The yearly plans, newest first, each with the audits this person may see."""
    visible = audits_visible_to(user).prefetch_related("processes").order_by("starts_on", "number")
    leaders = AuditorAssignment.objects.filter(role=AuditorAssignment.Role.LEADER, active=True)
    visible = visible.prefetch_related(
        Prefetch("team", queryset=leaders.select_related("auditor"), to_attr="leaders")
    )
    programmes = AuditProgramme.objects.prefetch_related(Prefetch("audits", queryset=visible))
    if not user.has_perm("audits.view_all_audits"):
        programmes = programmes.filter(pk__in=visible.values("programme"))
    return list(programmes.order_by("-year"))


def programme_get(year: int) -> AuditProgramme:
    return get_object_or_404(AuditProgramme, year=year)


def programme_audits(user, programme: AuditProgramme) -> QuerySet[Audit]:
    return (
        audits_visible_to(user)
        .filter(programme=programme)
        .prefetch_related("processes", "criteria")
        .order_by("starts_on", "number")
    )


def programme_timeline(programme: AuditProgramme, audits) -> list[dict]:
    """Rows of the programme's month grid: for each process audited, which months."""
    rows: dict[int, dict] = {}
    for audit in audits:
        months = _months_of(audit, programme.year)
        for process in audit.processes.all():
            row = rows.setdefault(process.pk, {"process": process, "cells": [None] * 12})
            for month in months:
                row["cells"][month - 1] = audit
    return sorted(rows.values(), key=lambda r: (r["process"].group, r["process"].name))


def _months_of(audit: Audit, year: int) -> list[int]:
    first = audit.starts_on if audit.starts_on.year == year else datetime.date(year, 1, 1)
    last = audit.ends_on if audit.ends_on.year == year else datetime.date(year, 12, 31)
    return list(range(first.month, last.month + 1))


def own_processes(auditor, audit: Audit) -> list[str]:
    """The processes in the audit's scope that this person owns: auditing them would be
    auditing one's own work."""
    return list(audit.processes.filter(owner=auditor).order_by("name").values_list("name", flat=True))


def criteria_by_source() -> list[tuple[str, list[Criterion]]]:
    groups: dict[str, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(active=True).order_by("source", "position", "code"):
        groups.setdefault(criterion.source, []).append(criterion)
    labels = dict(Criterion.Source.choices)
    return [(labels.get(source, source), rows) for source, rows in groups.items()]


def auditor_candidates() -> QuerySet:
    """Any active member of staff may be appointed; holders of the auditor role come first."""
    auditors = Group.objects.filter(name=Role.AUDITOR, user=OuterRef("pk"))
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__isnull=False)
        .exclude(groups__name=Role.EO_REPRESENTATIVE)
        .distinct()
        .annotate(is_auditor=Exists(auditors))
        .order_by("-is_auditor", "last_name", "first_name", "username")
    )


def team_of(audit: Audit, *, active_only: bool = True) -> QuerySet[AuditorAssignment]:
    rows = audit.team.select_related("auditor").order_by("-active", "role", "pk")
    return rows.filter(active=True) if active_only else rows


def checklist_item_of(audit: Audit, item_pk) -> ChecklistItem | None:
    """A question of this audit's checklist, or None (an id from a query string may be anything)."""
    if not str(item_pk).isdigit() or len(str(item_pk)) >= 10:
        return None
    return audit.checklist.select_related("criterion").filter(pk=int(item_pk)).first()


def likely_process(audit: Audit, auditor) -> int | None:
    """The process a new finding is most likely about: the audit's only process, or else the
    process of the last finding this auditor recorded on the audit (None: the auditor chooses)."""
    processes = list(audit.processes.values_list("pk", flat=True)[:2])
    if len(processes) == 1:
        return processes[0]
    return (
        audit.findings.filter(recorded_by=auditor, process__in=audit.processes.all())
        .order_by("-pk")
        .values_list("process", flat=True)
        .first()
    )


def checklist_counts(audit: Audit) -> list[dict]:
    counts = {value: 0 for value in ChecklistItem.Result.values}
    for result in audit.checklist.values_list("result", flat=True):
        counts[result] += 1
    return [{"result": v, "label": label, "count": counts[v]} for v, label in ChecklistItem.Result.choices]


def findings_of(audit: Audit) -> list[Finding]:
    """The findings, each with its nonconformity record and the corrective action's step."""
    rows = list(
        audit.findings.select_related("process", "criterion", "nonconformity", "recorded_by").order_by("pk")
    )
    for finding in rows:
        finding.capa = None
        finding.capa_url = ""
        nc = finding.nonconformity
        if nc is not None:
            capa = getattr(nc, "capa", None) if hasattr(nc, "capa") else None
            finding.capa = capa
            if capa is not None:
                try:
                    finding.capa_url = capa.get_absolute_url()
                except NoReverseMatch:  # the corrective-action pages are not there yet
                    finding.capa_url = ""
    return rows


def open_nonconformities(audit: Audit) -> list[Finding]:
    """Nonconformity findings whose record has no corrective action yet and is not closed."""
    waiting = []
    for finding in findings_of(audit):
        nc = finding.nonconformity
        if finding.withdrawn or nc is None:
            continue
        if finding.capa is None and nc.status != Nonconformity.Status.CLOSED:
            waiting.append(finding)
    return waiting


def documents_for_revision() -> QuerySet:
    return Document.objects.filter(status__in=[Document.Status.EFFECTIVE, Document.Status.DRAFT]).order_by(
        "code"
    )


def audits_waiting_for(user) -> list[tuple[Audit, str]]:
    """What this person has to do on audits: appoint a working group or close an audit (the
    IQAS owner), sign an order or accept a report (Director General), start or report (the
    leader), answer the checklist (members)."""
    tasks = []
    if user.has_perm("audits.change_audit"):
        leaderless = Audit.objects.filter(status=S.PLANNED, order_signed_at__isnull=True).exclude(
            Exists(AuditorAssignment.objects.filter(audit=OuterRef("pk"), role="leader", active=True))
        )
        tasks += [(audit, "appoint") for audit in leaderless]
        tasks += [(audit, "close") for audit in Audit.objects.filter(status=S.REPORT_APPROVED)]
    if user.has_perm("audits.order_audit"):
        ready = Audit.objects.filter(status=S.PLANNED, order_signed_at__isnull=True).filter(
            Exists(AuditorAssignment.objects.filter(audit=OuterRef("pk"), role="leader", active=True))
        )
        tasks += [(audit, "order") for audit in ready]
    if user.has_perm("audits.approve_audit_report"):
        tasks += [(audit, "approve") for audit in Audit.objects.filter(status=S.REPORT_DRAFTED)]
    for seat in AuditorAssignment.objects.filter(auditor=user, active=True).select_related("audit"):
        audit = seat.audit
        if not audit.order_signed:
            continue
        if audit.status == S.PLANNED and seat.role == AuditorAssignment.Role.LEADER:
            tasks.append((audit, "start"))
        elif audit.status == S.IN_PROGRESS:
            tasks.append((audit, "report" if seat.role == AuditorAssignment.Role.LEADER else "conduct"))
    return tasks


def order_content(audit: Audit) -> str:
    """What the Director General signs, as stable JSON: its SHA-256 is kept with the order."""
    team = [
        {
            "name": seat.auditor.get_full_name() or seat.auditor.get_username(),
            "username": seat.auditor.get_username(),
            "role": seat.role,
            "own_processes": seat.own_processes,
            "conflict_reason": seat.conflict_reason,
        }
        for seat in audit.team.filter(active=True).select_related("auditor").order_by("role", "pk")
    ]
    return json.dumps(
        {
            "audit": audit.number,
            "title": audit.title,
            "scope": audit.scope,
            "processes": sorted(audit.processes.values_list("code", flat=True)),
            "criteria": sorted(audit.criteria.values_list("code", flat=True)),
            "starts_on": audit.starts_on.isoformat(),
            "ends_on": audit.ends_on.isoformat(),
            "order_number": audit.order_number,
            "team": team,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def nonconformities_found_by_group_of(user) -> QuerySet:
    """The nonconformities found by an audit whose working group the person is on (an active
    seat): they read them in the register (improvement asks through its readers' hook)."""
    return Finding.objects.filter(
        audit__team__auditor=user, audit__team__active=True, nonconformity__isnull=False
    ).values("nonconformity")


def records_held_by_open_audits(records) -> dict[int, tuple[str, dict]]:
    """Records of a process an audit not yet closed covers: kept as its evidence (§3.2.2)."""
    open_audits = Audit.objects.exclude(status=Audit.Status.CLOSED)
    found = {}
    for audit in open_audits.filter(processes__in=records.values("process_id")).distinct():
        process_ids = set(audit.processes.values_list("pk", flat=True))
        for pk, process_id in records.values_list("pk", "process_id"):
            if process_id in process_ids:
                found.setdefault(
                    pk, (gettext_noop("Evidence of the open audit %(number)s"), {"number": audit.number})
                )
    return found
