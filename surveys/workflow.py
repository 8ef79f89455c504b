"""The status tables of the surveys app: a survey version (draft → in use → retired, when the
next one is published) and a campaign (open → closed, by whoever runs it or on its closing
date; the campaign service checks who runs it). Moves whose rule is ``None`` are consequences
made by a service."""

from django.utils.translation import gettext_lazy as _

from core.workflow import Workflow, perm

from .models import Campaign, SurveyVersion

V = SurveyVersion.Status
C = Campaign.Status

VERSION_WORKFLOW = Workflow(
    SurveyVersion,
    "status",
    {
        V.DRAFT: {V.PUBLISHED: (perm("surveys.change_survey"), _("Publish"))},
        # Retired by the publication of the next version.
        V.PUBLISHED: {V.RETIRED: (None, _("Retired"))},
    },
)

CAMPAIGN_WORKFLOW = Workflow(
    Campaign,
    "status",
    {C.OPEN: {C.CLOSED: (None, _("Campaign closed"))}},
)
