"""The life of a Director General's order on roles and process owners (§4.5) as one table: the
IQAS owner drafts it, the Director General signs it (then its clauses take effect) or the drafter
cancels the draft. A signed order is never changed: a later order undoes it."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, perm

from .models import DirectorOrder

OS = DirectorOrder.Status

VIEW_ORDERS = "governance.view_directororder"
DRAFT_ORDERS = "governance.change_directororder"
SIGN_ORDERS = "governance.sign_order"

ORDER_WORKFLOW = Workflow(
    DirectorOrder,
    "status",
    {
        OS.DRAFT: {
            OS.SIGNED: Move(
                _("Sign the order"),
                perm(SIGN_ORDERS),
                via="governance:order_sign",
                icon="pen",
                style="success",
            ),
            OS.CANCELLED: Move(
                _("Cancel the draft"),
                perm(DRAFT_ORDERS),
                via="governance:order_cancel",
                post=True,
                style="outline-danger",
            ),
        },
    },
)
