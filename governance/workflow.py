"""The life of a strategy version (§4.3) as one table: drafted by the IQAS owner (or the
Director General), put to collegial discussion, approved by the Director General's signature
(then it is the effective version), superseded when the next version is approved."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, perm, rel, relation

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
# the IQAS owner may close or cancel any item.
ITEM_WORKFLOW = Workflow(
    PlanItem,
    "status",
    {
        IS.PLANNED: {
            IS.IN_PROGRESS: (_OWNER_OR_EDITOR, _("Started")),
            IS.CANCELLED: (perm(EDIT), _("Cancelled")),
            IS.NOT_DONE: (perm(EDIT), _("Not done")),
        },
        IS.IN_PROGRESS: {
            IS.DONE: (_OWNER_OR_EDITOR, _("Done")),
            IS.NOT_DONE: (perm(EDIT), _("Not done")),
            IS.CANCELLED: (perm(EDIT), _("Cancelled")),
        },
    },
)
