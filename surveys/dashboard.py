from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import TaskItem

from .selectors import invitations_waiting_for


def survey_tasks(user):
    """Surveys a person is asked to answer: "Answer the survey" for the organization's
    representatives and the experts, "Evaluate expert X" for the coordinator after a visit."""
    if not user.is_authenticated:
        return
    for invitation in invitations_waiting_for(user):
        campaign = invitation.campaign
        survey = campaign.version.survey
        if invitation.about_expert_id:
            title = _("Evaluate expert %(name)s") % {"name": invitation.about_expert.user}
        else:
            title = _("Answer the survey “%(title)s”") % {"title": survey.localized_title}
        yield TaskItem(
            title,
            reverse("survey_public:answer", args=[invitation.token]),
            _("Surveys"),
            due=campaign.closes_on,
            detail=campaign.organization.localized_name
            if campaign.organization_id
            else campaign.localized_title,
        )
