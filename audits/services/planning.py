"""The yearly programme and the audits planned in it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.services import sequence_next
from core.workflow import event_record

from ..models import Audit, AuditProgramme
from .common import lock, require_planner

S = Audit.Status


@transaction.atomic
def programme_create(*, actor, year: int, objectives: str = "") -> AuditProgramme:
    """The IQAS owner opens the year's programme of internal audits."""
    require_perm(actor, "audits.add_auditprogramme", _("Only the IQAS owner draws up the audit programme."))
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Give the year of the programme, for example 2026.")})
    if AuditProgramme.objects.filter(year=year).exists():
        raise ValidationError({"year": _("There is a programme for %(year)s already.") % {"year": year}})
    try:
        with transaction.atomic():
            programme = AuditProgramme.objects.create(
                year=year, objectives=objectives.strip(), created_by=actor
            )
    except IntegrityError as exc:  # the same year opened at the same moment
        raise ValidationError(
            {"year": _("There is a programme for %(year)s already.") % {"year": year}}
        ) from exc
    event_record(obj=programme, action=gettext_lazy("Programme drawn up"), actor=actor)
    return programme


@transaction.atomic
def programme_update(*, programme: AuditProgramme, actor, objectives: str) -> AuditProgramme:
    require_perm(actor, "audits.change_auditprogramme", _("Only the IQAS owner changes the audit programme."))
    programme = AuditProgramme.objects.select_for_update().get(pk=programme.pk)
    programme.objectives = objectives.strip()
    programme.save()
    event_record(obj=programme, action=gettext_lazy("Objectives changed"), actor=actor)
    return programme


def _check_plan(*, programme: AuditProgramme, title: str, starts_on, ends_on, processes, criteria) -> None:
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the audit a title.")
    if not processes:
        errors["processes"] = _("Choose at least one process to audit.")
    if not criteria:
        errors["criteria"] = _("Choose at least one audit criterion.")
    if starts_on is None or ends_on is None:
        errors["starts_on"] = _("Give the dates of the audit.")
    elif ends_on < starts_on:
        errors["ends_on"] = _("The audit cannot end before it starts.")
    elif starts_on.year != programme.year or ends_on.year != programme.year:
        errors["starts_on"] = _("The audit's dates must fall within the programme's year %(year)s.") % {
            "year": programme.year
        }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def audit_plan(
    *,
    actor,
    programme: AuditProgramme,
    title: str,
    processes,
    criteria,
    starts_on: datetime.date,
    ends_on: datetime.date,
    scope: str = "",
) -> Audit:
    """Plan an audit in the programme: scope, processes, criteria and dates. Numbered IA-<year>-NN."""
    require_perm(actor, "audits.add_audit", _("Only the IQAS owner plans internal audits."))
    processes, criteria = list(processes), list(criteria)
    _check_plan(
        programme=programme,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        processes=processes,
        criteria=criteria,
    )
    year = programme.year
    number = f"IA-{year}-{sequence_next(f'audit-{year}'):02d}"
    while Audit.objects.filter(number=number).exists():  # a number taken by an imported audit
        number = f"IA-{year}-{sequence_next(f'audit-{year}'):02d}"
    audit = Audit.objects.create(
        number=number,
        programme=programme,
        year=year,
        title=title.strip(),
        scope=scope.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=actor,
    )
    audit.processes.set(processes)
    audit.criteria.set(criteria)
    event_record(obj=audit, action=gettext_lazy("Audit planned"), actor=actor, to_state=audit.status)
    return audit


@transaction.atomic
def audit_update(
    *,
    audit: Audit,
    actor,
    title: str,
    processes,
    criteria,
    starts_on: datetime.date,
    ends_on: datetime.date,
    scope: str = "",
) -> Audit:
    """Change the plan while the audit is planned and its order not yet signed."""
    require_planner(actor)
    audit = lock(audit)
    if audit.status != S.PLANNED:
        raise ValidationError(_("Only a planned audit's plan can be changed."))
    if audit.order_signed:
        raise ValidationError(
            _("The Director General has signed the order for this plan; it can no longer be changed.")
        )
    processes, criteria = list(processes), list(criteria)
    _check_plan(
        programme=audit.programme,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        processes=processes,
        criteria=criteria,
    )
    audit.title, audit.scope = title.strip(), scope.strip()
    audit.starts_on, audit.ends_on = starts_on, ends_on
    audit._change_reason = "Plan changed"
    audit.save()
    audit.processes.set(processes)
    audit.criteria.set(criteria)
    event_record(obj=audit, action=gettext_lazy("Plan changed"), actor=actor)
    return audit
