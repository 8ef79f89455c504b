"""Survey campaigns in the portal: open, invite, remind, close; the visit's questionnaires with
their public link and QR code."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accreditation.pdf import qr_svg
from accreditation.selectors import project_get_for, projects_visible_to
from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from .. import selectors, services
from ..forms import CampaignForm, InviteForm, VisitCampaignForm
from ..models import Campaign
from ..workflow import CAMPAIGN_WORKFLOW, RUNS_CAMPAIGN, RUNS_PROJECT_CAMPAIGNS
from .builder import FORM_TEMPLATE, VIEW

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
CAMPAIGN_SHOWN = shown_by(selectors.campaigns_visible_to)
PROJECT_SHOWN = shown_by(projects_visible_to, key="project_pk")


class CampaignListView(RegisterListView):
    access_rule = VIEW
    template_name = "surveys/campaign_list.html"
    search_fields = ("number", "title")
    title = gettext_lazy("Survey campaigns")

    def get_rows(self, user):
        return selectors.campaign_rows(user)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["can_run"] = self.request.user.has_perm("surveys.run_campaign")
        return context


@access("surveys.run_campaign")
def campaign_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("survey", "").isdigit():
        initial["survey"] = int(request.GET["survey"])
    form = CampaignForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        action=lambda data: services.campaign_open(actor=request.user, **data),
        success=_("The campaign is open. Invite people or share its public link."),
        done_url=lambda campaign: campaign.get_absolute_url(),
        template=FORM_TEMPLATE,
        context={"title": _("Open a survey campaign")},
    )


@access(VIEW, opens=CAMPAIGN_SHOWN)
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    context = selectors.campaign_page(request.user, campaign)
    if campaign.public_token:
        public_url = settings.SITE_URL + reverse("survey_public:answer", args=[campaign.public_token])
        context["public_url"] = public_url
        context["qr"] = qr_svg(public_url) if context["is_open"] else ""
    if context["can_run"] and not campaign.public_token:  # a public link is the way in for everyone
        context["invite_form"] = InviteForm()
    return render(request, "surveys/campaign_detail.html", {**context, "events": events_for(campaign)})


def _runnable(request, pk: int) -> Campaign:
    campaign = selectors.campaign_get_for(request.user, pk)
    if not RUNS_CAMPAIGN.allows_on(request.user, campaign):
        raise PermissionDenied
    return campaign


@require_POST
@access(VIEW, opens=CAMPAIGN_SHOWN, moves=RUNS_CAMPAIGN)
def campaign_remind(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _runnable(request, pk)
    counted = []
    if (
        run_service(
            request,
            lambda: counted.append(services.campaign_remind(campaign=campaign, actor=request.user)),
            _("Reminders are on their way."),
        )
        and not counted[0]
    ):
        messages.info(request, _("Everyone invited has answered: nobody to remind."))
    return redirect(campaign)


@require_POST
@access(VIEW, opens=CAMPAIGN_SHOWN, moves=CAMPAIGN_WORKFLOW.acts(Campaign.Status.CLOSED))
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _runnable(request, pk)
    run_service(
        request,
        lambda: services.campaign_close(campaign=campaign, actor=request.user),
        _("The campaign is closed: no more answers are taken."),
    )
    return redirect(campaign)


@require_POST
@access(VIEW, opens=CAMPAIGN_SHOWN, moves=RUNS_CAMPAIGN)
def campaign_invite(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _runnable(request, pk)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect(campaign)
    email = form.cleaned_data["email"]
    run_service(
        request,
        lambda: services.invitation_add(campaign=campaign, email=email),
        _("The invitation is sent to %(email)s.") % {"email": email},
    )
    return redirect(campaign)


@access(VIEW, opens=PROJECT_SHOWN, moves=RUNS_PROJECT_CAMPAIGNS)
def visit_campaign_open(request: HttpRequest, project_pk: int) -> HttpResponse:
    """The coordinator opens the students' or teaching staff's questionnaire during the visit."""
    project = project_get_for(request.user, project_pk)
    if not RUNS_PROJECT_CAMPAIGNS.allows_on(request.user, project):
        raise PermissionDenied
    visit = getattr(project, "visit", None)  # the visit's dates, once planned
    today = timezone.localdate()
    closes = visit.ends_on if visit and visit.ends_on >= today else today + datetime.timedelta(days=7)
    form = VisitCampaignForm(request.POST or None, initial={"closes_on": closes})

    def action(data):
        survey = data["survey"]
        return services.campaign_open(
            actor=request.user,
            survey=survey,
            title=f"{survey.localized_title}: {project.organization.localized_name}",
            opens_on=today,
            closes_on=data["closes_on"],
            project=project,
            public_link=True,
        )

    return form_page(
        request,
        form,
        action=action,
        success=_("The questionnaire is open: show its QR code or share its link."),
        done_url=lambda campaign: campaign.get_absolute_url(),
        template=FORM_TEMPLATE,
        context={
            "title": _("Open a visit questionnaire"),
            "project": project,
            "lead": _(
                "Students and teaching staff answer anonymously through one public link or its QR code, "
                "without signing in, until the closing date."
            ),
        },
    )
