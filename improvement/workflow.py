from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow

from .models import Nonconformity

Status = Nonconformity.Status

NONCONFORMITY_WORKFLOW = Workflow(
    "status",
    {
        Status.OPEN: {
            Status.UNDER_ANALYSIS: ("improvement.change_nonconformity", _("Accept for analysis")),
        },
    },
)
