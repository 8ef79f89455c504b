"""The life of a strategy version (§4.3) as one table: drafted by the IQAS owner (or the
Director General), put to collegial discussion, approved by the Director General's signature
(then it is the effective version), superseded when the next version is approved."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, on_record, perm, rel, relation

from .models import PlanItem, StrategyVersion

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
