"""Surveys in the portal: the builder (surveys, versions, sections, questions) and the campaigns
(open, invite, remind, close; the visit's questionnaires with their public link and QR code).
The public answering pages are in views_public.py."""

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

from core.access import access
from core.form_pages import form_page, run_service
from core.lists import RegisterListView
from core.selectors import events_for

from . import selectors, services
from .forms import (
    CampaignForm,
    InviteForm,
    PublishForm,
    QuestionForm,
    SectionForm,
    SurveyEditForm,
    SurveyForm,
    VisitCampaignForm,
)
from .models import Campaign, SurveyVersion

VIEW = "surveys.view_survey"
CHANGE = "surveys.change_survey"
FORM_TEMPLATE = "surveys/form.html"


class SurveyListView(RegisterListView):
    access_rule = VIEW
    template_name = "surveys/survey_list.html"
    search_fields = ("title", "code")
    title = gettext_lazy("Surveys")

    def get_rows(self, user):
        return selectors.surveys_visible_to(user)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["can_add"] = self.request.user.has_perm("surveys.add_survey")
        return context


# --- The builder -----------------------------------------------------------------------------


@access("surveys.add_survey")
def survey_create(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.survey_create(actor=request.user, **form.service_data()),
        success=_("The survey is created; add its sections and questions, then publish it."),
        done_url=lambda survey: _version_url(survey.versions.get()),
        template=FORM_TEMPLATE,
        context={"title": _("New survey")},
    )


@access(VIEW)
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(pk)
    versions = list(survey.versions.order_by("-number"))
    in_use = next((v for v in versions if v.status == SurveyVersion.Status.PUBLISHED), None)
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "versions": versions,
            "in_use": in_use,
            "sheet": selectors.version_sheet(in_use) if in_use else [],
            "draft": next((v for v in versions if v.status == SurveyVersion.Status.DRAFT), None),
            "campaigns": selectors.campaign_rows(request.user).filter(version__survey=survey)[:20],
            "can_change": request.user.has_perm(CHANGE),
            "can_run": request.user.has_perm("surveys.run_campaign"),
            "events": events_for(survey),
        },
    )


@access(CHANGE)
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(pk)
    form = SurveyEditForm(request.POST or None, initial=SurveyEditForm.initial_for(survey))
    return form_page(
        request,
        form,
        action=lambda data: services.survey_update(actor=request.user, survey=survey, **form.service_data()),
        success=_("The survey's details are saved."),
        done_url=survey.get_absolute_url(),
        template=FORM_TEMPLATE,
        context={"title": _("Details of %(survey)s") % {"survey": survey.localized_title}, "survey": survey},
    )


@require_POST
@access(CHANGE)
def version_draft(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get(pk)
    made = []
    run_service(
        request,
        lambda: made.append(services.version_draft(actor=request.user, survey=survey)),
        _("A draft is ready: change it, then publish it."),
    )
    return redirect("surveys:version", made[0].pk) if made else redirect(survey)


@access(VIEW)
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(pk)
    editable = version.is_editable and request.user.has_perm(CHANGE)
    return render(
        request,
        "surveys/version_detail.html",
        {
            "version": version,
            "survey": version.survey,
            "sheet": selectors.version_sheet(version),
            "editable": editable,
            "publish_form": PublishForm() if editable else None,
        },
    )


@require_POST
@access(CHANGE)
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note is too long."))
        return redirect("surveys:version", version.pk)
    if run_service(
        request,
        lambda: services.version_publish(
            actor=request.user, version=version, change_note=form.cleaned_data["change_note"]
        ),
        _("Version %(number)s is in use; campaigns opened from now on ask it.") % {"number": version.number},
    ):
        return redirect(version.survey)
    return redirect("surveys:version", version.pk)


def _builder_page(request, form, *, version, action, success, title):
    return form_page(
        request,
        form,
        action=action,
        success=success,
        done_url=lambda *_args: _version_url(version),
        template=FORM_TEMPLATE,
        context={"title": title, "survey": version.survey, "version": version},
    )


def _version_url(version) -> str:
    return reverse("surveys:version", args=[version.pk])


def _require_draft_page(version) -> None:
    if not version.is_editable:
        raise PermissionDenied(_("A version in use or retired cannot change; start a new draft."))


@access(CHANGE)
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    version = selectors.version_get(pk)
    _require_draft_page(version)
    form = SectionForm(request.POST or None)
    return _builder_page(
        request,
        form,
        version=version,
        action=lambda data: services.section_add(actor=request.user, version=version, **form.service_data()),
        success=_("The section is added."),
        title=_("New section"),
    )


@access(CHANGE)
def section_edit(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_get(pk)
    _require_draft_page(section.version)
    initial = {
        "title": section.title,
        **{f"title_{c}": section.title_translations.get(c, "") for c in ("ru", "kk", "ky")},
    }
    form = SectionForm(request.POST or None, initial=initial)
    return _builder_page(
        request,
        form,
        version=section.version,
        action=lambda data: services.section_update(
            actor=request.user, section=section, **form.service_data()
        ),
        success=_("The section is saved."),
        title=_("Section “%(title)s”") % {"title": section.title},
    )


def _post_action(request, call, success, version) -> HttpResponse:
    run_service(request, call, success)
    return redirect("surveys:version", version.pk)


@require_POST
@access(CHANGE)
def section_move(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_get(pk)
    direction = request.POST.get("direction", "")
    return _post_action(
        request,
        lambda: services.section_move(actor=request.user, section=section, direction=direction),
        _("The section is moved."),
        section.version,
    )


@require_POST
@access(CHANGE)
def section_remove(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_get(pk)
    return _post_action(
        request,
        lambda: services.section_remove(actor=request.user, section=section),
        _("The section and its questions are taken out of the draft."),
        section.version,
    )


@access(CHANGE)
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    section = selectors.section_get(pk)
    _require_draft_page(section.version)
    form = QuestionForm(request.POST or None, initial={"required": True, "kind": "likert"})
    return _builder_page(
        request,
        form,
        version=section.version,
        action=lambda data: services.question_add(actor=request.user, section=section, **form.service_data()),
        success=_("The question is added."),
        title=_("New question in “%(section)s”") % {"section": section.title},
    )


@access(CHANGE)
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get(pk)
    version = question.section.version
    _require_draft_page(version)
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    return _builder_page(
        request,
        form,
        version=version,
        action=lambda data: services.question_update(
            actor=request.user, question=question, **form.service_data()
        ),
        success=_("The question is saved."),
        title=_("Question “%(key)s”") % {"key": question.key},
    )


@require_POST
@access(CHANGE)
def question_move(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get(pk)
    direction = request.POST.get("direction", "")
    return _post_action(
        request,
        lambda: services.question_move(actor=request.user, question=question, direction=direction),
        _("The question is moved."),
        question.section.version,
    )


@require_POST
@access(CHANGE)
def question_remove(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get(pk)
    return _post_action(
        request,
        lambda: services.question_remove(actor=request.user, question=question),
        _("The question is taken out of the draft."),
        question.section.version,
    )


# --- Campaigns -------------------------------------------------------------------------------


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


def _qr(url: str) -> str:
    from accreditation.pdf import qr_svg

    return qr_svg(url)


@access(VIEW)
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = selectors.campaign_get_for(request.user, pk)
    context = selectors.campaign_page(request.user, campaign)
    if campaign.public_token:
        public_url = settings.SITE_URL + reverse("survey_public:answer", args=[campaign.public_token])
        context["public_url"] = public_url
        context["qr"] = _qr(public_url) if context["is_open"] else ""
    if context["can_run"] and not campaign.public_token:  # a public link is the way in for everyone
        context["invite_form"] = InviteForm()
    return render(request, "surveys/campaign_detail.html", {**context, "events": events_for(campaign)})


def _runnable(request, pk: int) -> Campaign:
    campaign = selectors.campaign_get_for(request.user, pk)
    if not selectors.can_run_campaign(request.user, campaign.project):
        raise PermissionDenied
    return campaign


@require_POST
@access(VIEW)
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
@access(VIEW)
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _runnable(request, pk)
    run_service(
        request,
        lambda: services.campaign_close(campaign=campaign, actor=request.user),
        _("The campaign is closed: no more answers are taken."),
    )
    return redirect(campaign)


@require_POST
@access(VIEW)
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


@access(VIEW)
def visit_campaign_open(request: HttpRequest, project_pk: int) -> HttpResponse:
    """The coordinator opens the students' or teaching staff's questionnaire during the visit."""
    from accreditation.selectors import project_get_for

    project = project_get_for(request.user, project_pk)
    if not selectors.can_run_campaign(request.user, project):
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
