"""The status tables of the surveys app: a survey version (draft → in use → retired, when the
next one is published) and a campaign (open → closed, by whoever runs it or on its closing
date; whoever runs it: the relation runs-campaign). Moves whose rule is ``None`` are consequences
made by a service."""

from django.utils.translation import gettext_lazy as _

from accreditation.models import AccreditationProject
from accreditation.workflow import runs_project
from core.workflow import Move, Workflow, on_record, perm, rel, relation
from improvement.workflow import approved_target_workflow

from .models import Campaign, SatisfactionTarget, SurveyVersion


@relation("runs-campaign")
def runs_campaign(user, campaign) -> bool:
    """The IQAS owner and project managers run any campaign; a coordinator runs the campaigns
    of the projects they coordinate."""
    if not user.is_authenticated:
        return False
    if user.has_perm("surveys.run_campaign"):
        return True
    return campaign.project_id is not None and runs_project(user, campaign.project)


@relation("runs the project's campaigns")
def runs_project_campaigns(user, project) -> bool:
    """Who may open a questionnaire during a project's visit: as runs-campaign, for the project."""
    if not user.is_authenticated:
        return False
    return user.has_perm("surveys.run_campaign") or runs_project(user, project)


# What the campaign pages ask of the record besides seeing it (views, services and the matrix).
RUNS_CAMPAIGN = on_record(Campaign, rel("runs-campaign"))
RUNS_PROJECT_CAMPAIGNS = on_record(
    AccreditationProject, rel("runs the project's campaigns"), key="project_pk"
)

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
    {C.OPEN: {C.CLOSED: Move(_("Campaign closed"), rel("runs-campaign"), by_portal_too=True)}},
)

# A satisfaction target (§4.1, §7.4): proposed by the IQAS owner, approved by the Director
# General's signature, by the same table as the KPI targets.
SATISFACTION_TARGET_WORKFLOW = approved_target_workflow(
    SatisfactionTarget,
    approve_via="reporting:satisfaction_target_approve",
    return_via="reporting:satisfaction_target_return",
)
