"""The annual strategy-implementation plan (§4.4.1): a plan per year under the effective
strategy version, items under the strategy's tasks, corrections as numbered revisions with a
reason, progress reported by each item's owner with evidence."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.files import check_upload
from core.permissions import people_with_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import ImplementationPlan, PlanItem, PlanRevision, ProgressReport, StrategyVersion
from ..workflow import EDIT, ITEM_WORKFLOW

IS = PlanItem.Status


def _require_edit(actor) -> None:
    if not actor.has_perm(EDIT):
        raise PermissionDenied(_("Only the IQAS owner or the Director General can change the plan."))


@transaction.atomic
def plan_create(*, actor, strategy_version: StrategyVersion, year: int) -> ImplementationPlan:
    _require_edit(actor)
    if strategy_version.status != StrategyVersion.Status.APPROVED:
        raise ValidationError(_("A plan is made under the effective version of the strategy."))
    if year not in strategy_version.strategy.years:
        raise ValidationError(_("The plan's year must lie within the strategy's period."))
    if ImplementationPlan.objects.filter(year=year).exists():
        raise ValidationError(_("There is already a plan for %(year)s.") % {"year": year})
    return ImplementationPlan.objects.create(strategy_version=strategy_version, year=year, created_by=actor)


def _check_item(plan: ImplementationPlan, task, owner, due_date, indicator) -> None:
    if owner is None:
        raise ValidationError(_("Choose the person responsible for the item."))
    if due_date is None or due_date.year != plan.year:
        raise ValidationError(
            _("The due date must lie within the plan's year (%(year)s).") % {"year": plan.year}
        )
    if task.goal.version_id != plan.strategy_version_id:
        raise ValidationError(_("The item must stand under a task of the plan's strategy version."))
    if indicator is not None and indicator.goal.version_id != plan.strategy_version_id:
        raise ValidationError(_("The indicator must belong to the plan's strategy version."))


@transaction.atomic
def item_add(
    *,
    plan: ImplementationPlan,
    actor,
    task,
    title: str,
    owner,
    due_date,
    indicator=None,
    expected_result: str = "",
) -> PlanItem:
    _require_edit(actor)
    _check_item(plan, task, owner, due_date, indicator)
    return PlanItem.objects.create(
        plan=plan,
        task=task,
        title=title,
        owner=owner,
        due_date=due_date,
        indicator=indicator,
        expected_result=expected_result,
    )


_UNCHANGED = object()


@transaction.atomic
def item_correct(
    *,
    item: PlanItem,
    actor,
    reason: str,
    owner,
    due_date,
    expected_result: str,
    title: str | None = None,
    task=_UNCHANGED,
    indicator=_UNCHANGED,
) -> PlanRevision:
    """A correction of the plan (another activity, task, owner, due date, indicator or
    expected result): a new revision of the plan with its reason. No reason, nothing saved."""
    _require_edit(actor)
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for the correction; nothing was changed."))
    if not item.is_open:
        raise ValidationError(_("A closed item is not corrected."))
    title = item.title if title is None else title.strip()
    task = item.task if task is _UNCHANGED else task
    indicator = item.indicator if indicator is _UNCHANGED else indicator
    if not title:
        raise ValidationError(_("Name the activity."))
    if task is None:
        raise ValidationError(_("Choose the strategic task the item serves."))
    _check_item(item.plan, task, owner, due_date, indicator)
    changes = {}
    for field, value in (
        ("title", title),
        ("task_id", task.pk),
        ("owner_id", owner.pk),
        ("due_date", due_date),
        ("indicator_id", indicator.pk if indicator else None),
        ("expected_result", expected_result),
    ):
        old = getattr(item, field)
        if old != value:
            changes[field] = [str(old), str(value)]
    if not changes:
        raise ValidationError(_("The correction changes nothing."))
    plan = ImplementationPlan.objects.select_for_update().get(pk=item.plan_id)
    plan.revision += 1
    plan._history_user = actor
    plan._change_reason = reason
    plan.save(update_fields=["revision"])
    item.title, item.task, item.indicator = title, task, indicator
    item.owner, item.due_date, item.expected_result = owner, due_date, expected_result
    item._history_user = actor
    item._change_reason = reason
    item.save()
    return PlanRevision.objects.create(
        plan=plan, number=plan.revision, reason=reason.strip(), changes={str(item.pk): changes}, made_by=actor
    )


@transaction.atomic
def progress_report(
    *, item: PlanItem, actor, text: str, percent: int, evidence=None, evidence_url: str = ""
) -> ProgressReport:
    """The item's owner reports progress, with evidence (a file through the upload checks, a
    link, or both); the first report starts the item, 100% closes it."""
    if item.owner_id != actor.pk:
        raise PermissionDenied(_("Only the item's owner reports its progress."))
    if item.status not in (IS.PLANNED, IS.IN_PROGRESS):
        raise ValidationError(_("This item is closed; its progress is no longer reported."))
    if not text.strip():
        raise ValidationError(_("Describe the progress."))
    if percent is None or not 0 <= percent <= 100:
        raise ValidationError(_("The percentage done must be between 0 and 100."))
    report = ProgressReport(
        item=item,
        text=text.strip(),
        percent=percent,
        evidence_url=(evidence_url or "").strip(),
        reported_by=actor,
    )
    if evidence is not None:
        check_upload(evidence)
        report.evidence.save(evidence.name, evidence, save=False)
        report.evidence_name = evidence.name[:255]
    report._history_user = actor
    report.save()
    if item.status == IS.PLANNED:
        transition_perform(
            obj=item,
            workflow=ITEM_WORKFLOW,
            target=IS.IN_PROGRESS,
            actor=actor,
            also={"percent_done": percent},
        )
    event_record(
        obj=item,
        action=gettext_lazy("Progress reported: %(percent)s%%"),
        actor=actor,
        params={"percent": percent},
        comment=report.text,
    )
    if percent == 100:
        transition_perform(
            obj=item, workflow=ITEM_WORKFLOW, target=IS.DONE, actor=actor, also={"percent_done": 100}
        )
    elif item.status == IS.IN_PROGRESS and item.percent_done != percent:
        item.percent_done = percent
        item._history_user = actor
        item.save(update_fields=["percent_done"])
    return report


@transaction.atomic
def item_close(*, item: PlanItem, actor, target: str, comment: str = "") -> PlanItem:
    """Close an item as done (its owner or the IQAS owner), not done or cancelled (the IQAS
    owner, saying why)."""
    ITEM_WORKFLOW.check(item, target, actor)
    comment = (comment or "").strip()
    if target in (IS.NOT_DONE, IS.CANCELLED) and not comment:
        raise ValidationError(_("Say why the item is closed this way; nothing was changed."))
    also = {"closing_note": comment}
    if target == IS.DONE:
        also["percent_done"] = 100
    return transition_perform(
        obj=item, workflow=ITEM_WORKFLOW, target=target, actor=actor, comment=comment, also=also
    )


ESCALATE_AFTER_DAYS = 14


def overdue_escalate(today: datetime.date | None = None) -> int:
    """Tell the IQAS owner, once per item, of each open plan item more than 14 days overdue.
    Returns how many items were escalated; a second run sends nothing more."""
    today = today or timezone.localdate()
    limit = today - datetime.timedelta(days=ESCALATE_AFTER_DAYS)
    due = PlanItem.objects.filter(
        status__in=(IS.PLANNED, IS.IN_PROGRESS), due_date__lt=limit, escalated_at__isnull=True
    )
    escalated = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            item = PlanItem.objects.select_for_update().filter(pk=pk, escalated_at__isnull=True).first()
            if item is None:
                continue
            notification_send(
                recipients=people_with_perm("governance.add_strategy"),
                subject=gettext_lazy(
                    "Escalated: plan item “%(title)s” of %(owner)s is %(days)s days overdue"
                ),
                params={"title": item.title, "owner": item.owner, "days": (today - item.due_date).days},
                url=reverse("governance:item_detail", args=[item.pk]),
            )
            item.escalated_at = timezone.now()
            item._change_reason = "Escalated to the IQAS owner"
            item.save(update_fields=["escalated_at"])
            escalated += 1
    return escalated
