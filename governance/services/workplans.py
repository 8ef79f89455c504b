"""Project managers' work plans (§4.4.2): the manager draws up a plan for a month or a quarter
under the strategy-implementation plan, submits it; the head (the Director General) approves it
or returns it with a reason; the manager reports its items done. A change of an approved plan
makes it a draft again, to be approved again."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.selectors.projects import projects_visible_to
from core.permissions import people_with_perm
from core.services import notification_send
from core.workflow import event_record, transition_perform

from ..models import PlanItem, WorkPlan, WorkPlanItem
from ..workflow import (
    APPROVE_WORKPLAN,
    DRAFT_WORKPLAN,
    WORKITEM_WORKFLOW,
    WORKPLAN_WORKFLOW,
)

WP = WorkPlan.Status
EDITABLE = (WP.DRAFT, WP.RETURNED)


@transaction.atomic
def workplan_create(*, actor, period: str, year: int, number: int) -> WorkPlan:
    if not actor.has_perm(DRAFT_WORKPLAN):
        raise PermissionDenied(_("Only a project manager draws up a work plan."))
    if period not in WorkPlan.Period.values:
        raise ValidationError(_("Choose a month or a quarter."))
    top = 12 if period == WorkPlan.Period.MONTH else 4
    if not 1 <= (number or 0) <= top or not 2000 <= (year or 0) <= 2100:
        raise ValidationError(_("Choose the month or quarter of the plan."))
    if WorkPlan.objects.filter(author=actor, period=period, year=year, number=number).exists():
        raise ValidationError(_("You already have a work plan for this period."))
    try:
        with transaction.atomic():
            plan = WorkPlan(author=actor, period=period, year=year, number=number)
            plan._history_user = actor
            plan.save()
    except IntegrityError as exc:  # two tabs at once
        raise ValidationError(_("You already have a work plan for this period.")) from exc
    event_record(obj=plan, action=gettext_lazy("Work plan drawn up"), actor=actor)
    return plan


def _period(plan: WorkPlan) -> dict:
    # Dates as dates: a notification shows them in its reader's language.
    return {"start": plan.starts.isoformat(), "end": plan.ends.isoformat()}


def _require_editable(plan: WorkPlan, actor) -> None:
    if plan.author_id != actor.pk:
        raise PermissionDenied(_("Only the plan's manager changes it."))
    if plan.status not in EDITABLE:
        raise ValidationError(
            _("Only a draft or a returned plan is changed; this one is “%(status)s”.")
            % {"status": plan.get_status_display()}
        )


@transaction.atomic
def workitem_add(
    *,
    plan: WorkPlan,
    actor,
    title: str,
    due_date: datetime.date | None,
    plan_item: PlanItem | None = None,
    project=None,
) -> WorkPlanItem:
    _require_editable(plan, actor)
    if not (title or "").strip():
        raise ValidationError(_("Describe the activity."))
    if due_date is None or not plan.starts <= due_date <= plan.ends:
        raise ValidationError(
            _("The due date must lie within the plan's period (%(start)s – %(end)s); nothing was saved.")
            % {
                "start": date_format(plan.starts, "SHORT_DATE_FORMAT"),
                "end": date_format(plan.ends, "SHORT_DATE_FORMAT"),
            }
        )
    if plan_item is None and project is None:
        raise ValidationError(
            _("Link the item to an item of the implementation plan or to an accreditation project.")
        )
    if plan_item is not None and plan_item.plan.year != plan.year:
        raise ValidationError(
            _("The plan item must belong to the implementation plan of %(year)s.") % {"year": plan.year}
        )
    if project is not None and not projects_visible_to(actor).filter(pk=project.pk).exists():
        raise ValidationError(_("Choose one of the accreditation projects you work on."))
    item = WorkPlanItem(
        work_plan=plan, title=title.strip(), due_date=due_date, plan_item=plan_item, project=project
    )
    item._history_user = actor
    item.save()
    return item


@transaction.atomic
def workplan_submit(*, plan: WorkPlan, actor) -> WorkPlan:
    WORKPLAN_WORKFLOW.check(plan, WP.SUBMITTED, actor)
    if not plan.items.exists():
        raise ValidationError(_("Add at least one item before submitting the plan."))
    plan = transition_perform(
        obj=plan,
        workflow=WORKPLAN_WORKFLOW,
        target=WP.SUBMITTED,
        actor=actor,
        action=gettext_lazy("Submitted for approval"),
        also={"submitted_at": timezone.now()},
    )
    notification_send(
        recipients=[p for p in people_with_perm(APPROVE_WORKPLAN) if p.pk != actor.pk],
        subject=gettext_lazy("Work plan of %(author)s for %(start)s – %(end)s awaits your approval"),
        params={"author": actor, **_period(plan)},
        url=reverse("governance:workplan_detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def workplan_approve(*, plan: WorkPlan, actor) -> WorkPlan:
    plan = transition_perform(
        obj=plan,
        workflow=WORKPLAN_WORKFLOW,
        target=WP.APPROVED,
        actor=actor,
        action=gettext_lazy("Work plan approved"),
        also={"decided_by": actor, "decided_at": timezone.now(), "return_reason": ""},
    )
    notification_send(
        recipients=[plan.author],
        subject=gettext_lazy("Your work plan for %(start)s – %(end)s is approved"),
        params=_period(plan),
        url=reverse("governance:workplan_detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def workplan_return(*, plan: WorkPlan, actor, reason: str) -> WorkPlan:
    WORKPLAN_WORKFLOW.check(plan, WP.RETURNED, actor)
    if not (reason or "").strip():
        raise ValidationError(_("Say why the plan is returned; nothing was changed."))
    plan = transition_perform(
        obj=plan,
        workflow=WORKPLAN_WORKFLOW,
        target=WP.RETURNED,
        actor=actor,
        action=gettext_lazy("Returned for revision"),
        comment=reason.strip(),
        also={"decided_by": actor, "decided_at": timezone.now(), "return_reason": reason.strip()},
    )
    notification_send(
        recipients=[plan.author],
        subject=gettext_lazy("Your work plan for %(start)s – %(end)s was returned for revision"),
        params=_period(plan),
        url=reverse("governance:workplan_detail", args=[plan.pk]),
    )
    return plan


@transaction.atomic
def workplan_revise(*, plan: WorkPlan, actor) -> WorkPlan:
    """An approved plan to be changed is a draft again, and is approved again (§4.4.2)."""
    return transition_perform(
        obj=plan,
        workflow=WORKPLAN_WORKFLOW,
        target=WP.DRAFT,
        actor=actor,
        action=gettext_lazy("A draft again, to be changed and approved again"),
    )


@transaction.atomic
def workitem_done(*, item: WorkPlanItem, actor, note: str = "") -> WorkPlanItem:
    if item.work_plan.status != WP.APPROVED:
        raise ValidationError(_("Items are reported done once the plan is approved."))
    return transition_perform(
        obj=item,
        workflow=WORKITEM_WORKFLOW,
        target=WorkPlanItem.Status.DONE,
        actor=actor,
        action=gettext_lazy("Item reported done"),
        comment=(note or "").strip(),
        also={"done_at": timezone.now(), "done_note": (note or "").strip()},
    )
