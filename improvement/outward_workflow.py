"""The life of a yearly outward report (§4.2, §4.5.2) as one table: the IQAS owner prepares it
from the records, the Director General signs it with his password and then sends it himself.
A signed report is never changed; a sent one is kept as it was sent."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Move, Workflow, perm

from .models import OutwardReport

RS = OutwardReport.Status

VIEW_REPORTS = "improvement.view_outwardreport"
PREPARE_REPORTS = "improvement.add_outwardreport"
SIGN_REPORTS = "improvement.sign_outwardreport"

OUTWARD_WORKFLOW = Workflow(
    OutwardReport,
    "status",
    {
        RS.DRAFT: {
            RS.SIGNED: Move(
                _("Sign the report"),
                perm(SIGN_REPORTS),
                via="reporting:outward_sign",
                icon="pen",
                style="success",
            ),
        },
        RS.SIGNED: {
            RS.SENT: Move(
                _("Send the signed report"),
                perm(SIGN_REPORTS),
                via="reporting:outward_send",
                post=True,
                icon="send",
                style="primary",
            ),
        },
    },
)
