"""The life of a strategy version (§4.3) as one table: drafted by the IQAS owner (or the
Director General), put to collegial discussion, approved by the Director General's signature
(then it is the effective version), superseded when the next version is approved."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, on_record, perm, rel, relation

from .models import (
    ImplementationPlan,
    PlanItem,
    StrategyVersion,
    WeeklyAction,
    WeeklyMeeting,
    WorkPlan,
    WorkPlanItem,
)

S = StrategyVersion.Status

EDIT = "governance.change_strategy"
APPROVE = "governance.approve_strategy"

VERSION_WORKFLOW = Workflow(
    StrategyVersion,
    "status",
    {
        S.DRAFT: {
            S.DISCUSSION: Move(
                _("Put to discussion"), perm(EDIT), via="governance:version_discuss", post=True, icon="people"
            ),
        },
        S.DISCUSSION: {
            S.DRAFT: Move(
                _("Back to draft"),
                perm(EDIT),
                via="governance:version_redraft",
                post=True,
                style="outline-secondary",
            ),
            S.APPROVED: Move(
                _("Approve and sign"),
                perm(APPROVE),
                via="governance:version_approve",
                icon="pen",
                style="success",
            ),
        },
        S.APPROVED: {S.SUPERSEDED: (None, _("Superseded by a new version"))},
    },
)


# The year's implementation plan (§4.4.1): a draft until the Director General approves it with
# a signature, once a collegial body has adopted it at its meeting.
P = ImplementationPlan.Status
PLAN_WORKFLOW = Workflow(
    ImplementationPlan,
    "status",
    {
        P.DRAFT: {
            P.APPROVED: Move(
                _("Approve and sign"),
                perm(APPROVE),
                via="governance:plan_approve",
                icon="pen",
                style="success",
            )
        }
    },
)


@relation("owns the plan item")
def owns_item(user, item) -> bool:
    return user.is_authenticated and item.owner_id == user.pk


IS = PlanItem.Status
_OWNER_OR_EDITOR = rel("owns the plan item") | perm(EDIT)

# A plan item (§4.4.1): its owner reports progress (the first report starts it) and closes it;
# the IQAS owner may close or cancel any item, saying why.
_DONE = Move(
    _("Close as done"), _OWNER_OR_EDITOR, via="governance:item_done", icon="check2-circle", style="success"
)
_NOT_DONE = Move(
    _("Close as not done"),
    perm(EDIT),
    via="governance:item_not_done",
    icon="x-circle",
    style="outline-danger",
)
_CANCELLED = Move(_("Cancel the item"), perm(EDIT), via="governance:item_cancel", style="outline-secondary")
ITEM_WORKFLOW = Workflow(
    PlanItem,
    "status",
    {
        IS.PLANNED: {
            IS.IN_PROGRESS: (_OWNER_OR_EDITOR, _("Started")),
            IS.CANCELLED: _CANCELLED,
            IS.NOT_DONE: _NOT_DONE,
        },
        IS.IN_PROGRESS: {IS.DONE: _DONE, IS.NOT_DONE: _NOT_DONE, IS.CANCELLED: _CANCELLED},
    },
)

# Who reports an item's progress: its owner only (the service asks the same).
REPORTS = on_record(PlanItem, rel("owns the plan item"))

# Project managers' work plans (§4.4.2): drawn up by the manager, agreed and approved by the
# head (the Director General) before they are carried out; a change is approved again.
WP = WorkPlan.Status
DRAFT_WORKPLAN = "governance.add_workplan"
APPROVE_WORKPLAN = "governance.approve_workplan"


@relation("drew up the work plan")
def drew_up_workplan(user, plan) -> bool:
    return user.is_authenticated and plan.author_id == user.pk


@relation("heads the work plan's author")
def heads_author(user, plan) -> bool:
    # The head approves another person's plan, never their own.
    return user.is_authenticated and plan.author_id != user.pk


WORKPLAN_AUTHOR = perm(DRAFT_WORKPLAN, "drew up the work plan")
WORKPLAN_HEAD = perm(APPROVE_WORKPLAN, "heads the work plan's author")

WORKPLAN_WORKFLOW = Workflow(
    WorkPlan,
    "status",
    {
        WP.DRAFT: {
            WP.SUBMITTED: Move(
                _("Submit for approval"),
                WORKPLAN_AUTHOR,
                via="governance:workplan_submit",
                post=True,
                icon="send",
            ),
        },
        WP.RETURNED: {
            WP.SUBMITTED: Move(
                _("Submit again"), WORKPLAN_AUTHOR, via="governance:workplan_submit", post=True, icon="send"
            ),
        },
        WP.SUBMITTED: {
            WP.APPROVED: Move(
                _("Approve"),
                WORKPLAN_HEAD,
                via="governance:workplan_approve",
                post=True,
                icon="check2",
                style="success",
            ),
            WP.RETURNED: Move(
                _("Return with a reason"),
                WORKPLAN_HEAD,
                via="governance:workplan_return",
                style="outline-danger",
            ),
        },
        WP.APPROVED: {
            WP.DRAFT: Move(
                _("Change the plan"),
                WORKPLAN_AUTHOR,
                via="governance:workplan_revise",
                post=True,
                style="outline-secondary",
            ),
        },
    },
)

WI = WorkPlanItem.Status


@relation("drew up the item's work plan")
def drew_up_item_plan(user, item) -> bool:
    return user.is_authenticated and item.work_plan.author_id == user.pk


# The manager reports an item of an approved plan done.
WORKITEM_WORKFLOW = Workflow(
    WorkPlanItem,
    "status",
    {
        WI.OPEN: {
            WI.DONE: Move(
                _("Mark done"),
                rel("drew up the item's work plan"),
                via="governance:workitem_done",
                post=True,
                icon="check2",
                style="outline-success",
            )
        }
    },
)

# The weekly meeting (§4.4.2, §7.2.3): prepared and recorded by the IQAS owner or the Director
# General; closing it fixes its minutes.
WM = WeeklyMeeting.Status
KEEP_WEEKLY = "governance.change_weeklymeeting"

WEEKLY_WORKFLOW = Workflow(
    WeeklyMeeting,
    "status",
    {
        WM.PREPARED: {
            WM.CLOSED: Move(
                _("Close the weekly meeting"),
                perm(KEEP_WEEKLY),
                via="governance:weekly_close",
                post=True,
                icon="lock",
            )
        }
    },
)


@relation("owns the action")
def owns_action(user, action) -> bool:
    return user.is_authenticated and action.owner_id == user.pk


WA = WeeklyAction.Status

# An action of a weekly meeting is marked done by its owner (or by whoever keeps the meetings).
ACTION_WORKFLOW = Workflow(
    WeeklyAction,
    "status",
    {
        WA.OPEN: {
            WA.DONE: Move(
                _("Mark done"),
                rel("owns the action") | perm(KEEP_WEEKLY),
                via="governance:weekly_action_done",
                post=True,
                icon="check2",
                style="outline-success",
            )
        }
    },
)
