"""Campaigns: asking one version of a survey of a group for a while; invitations, reminders,
closing on the date, and the surveys sent when an EEC visit ends (§4.2, §7.2.1)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accreditation.models import AccreditationProject, CommissionMember, Visit
from accreditation.selectors import representatives_of
from core.models import stored_date, stored_ref
from core.outbox import enqueue
from core.services import notification_send, sequence_next
from core.tasks import send_email
from core.workflow import event_record, transition_perform

from ..models import Campaign, Invitation, Survey, SurveyVersion, campaign_title, new_token
from ..selectors.campaigns import can_run_campaign
from ..workflow import CAMPAIGN_WORKFLOW
from .builder import survey_seed

EO_SATISFACTION = "eo-satisfaction"
EXPERT_FEEDBACK = "expert-feedback"
EEC_EVALUATION = "eec-evaluation"


def answer_path(token: str) -> str:
    return reverse("survey_public:answer", args=[token])


def _campaign_number(year: int) -> str:
    return f"SV-{year}-{sequence_next(f'survey-campaign-{year}'):03d}"


@transaction.atomic
def campaign_open(
    *,
    actor,
    survey: Survey,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    project=None,
    organization=None,
    public_link: bool = False,
) -> Campaign:
    """Start asking the survey's version in use. ``actor`` None: the portal itself (dispatch)."""
    if actor is not None and not can_run_campaign(actor, project):
        raise PermissionDenied(_("You are not allowed to run survey campaigns here."))
    version = SurveyVersion.objects.filter(survey=survey, status=SurveyVersion.Status.PUBLISHED).first()
    if version is None or not survey.is_active:
        raise ValidationError(_("The survey has no version in use: publish one first."))
    if not title.strip():
        raise ValidationError(_("Give the campaign a title."))
    if closes_on < opens_on:
        raise ValidationError(_("The campaign cannot close before it opens."))
    if closes_on < timezone.localdate():
        raise ValidationError(_("The closing date has passed already."))
    if project is not None and organization is None:
        organization = project.organization
    campaign = Campaign.objects.create(
        number=_campaign_number(opens_on.year),
        version=version,
        title=title.strip()[:300],
        project=project,
        organization=organization,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
    )
    if public_link:
        campaign.public_token = new_token()
        campaign.save()
    event_record(
        obj=campaign,
        action=gettext_lazy("Campaign opened: %(survey)s, version %(number)s"),
        params={"survey": stored_ref(survey), "number": version.number},
        actor=actor,
    )
    if project is not None:
        event_record(
            obj=project,
            action=gettext_lazy("Survey campaign %(number)s opened"),
            params={"number": campaign.number},
            actor=actor,
        )
    return campaign


def _send(invitation: Invitation, *, reminder: bool) -> None:
    campaign = invitation.campaign
    path = answer_path(invitation.token)
    params = {"survey": stored_ref(campaign.version.survey)}
    body_params = {"date": stored_date(campaign.closes_on)}
    if invitation.about_expert_id:
        params["expert"] = str(invitation.about_expert.user)
        subject = (
            gettext_lazy("Reminder: evaluate the expert %(expert)s")
            if reminder
            else gettext_lazy("Evaluate the expert %(expert)s")
        )
    else:
        subject = (
            gettext_lazy("Reminder: please answer the survey “%(survey)s”")
            if reminder
            else gettext_lazy("Please answer the survey “%(survey)s”")
        )
    body = gettext_lazy(
        "IAAR asks for your feedback; it takes about ten minutes. The link is personal: please do "
        "not pass it on. The survey closes on %(date)s."
    )
    if invitation.person_id and invitation.person.is_active:
        notification_send(
            recipients=[invitation.person],
            subject=subject,
            body=body,
            url=path,
            params=params,
            body_params=body_params,
        )
    elif invitation.email:
        text = "\n\n".join([str(body) % body_params, settings.SITE_URL + path, _("IAAR quality portal")])
        to, title = [invitation.email], str(subject) % params
        enqueue(send_email, to, title, text)


@transaction.atomic
def invitation_add(
    *, campaign: Campaign, person=None, email: str = "", about_expert=None, send: bool = True
) -> Invitation:
    """Ask one person (or one e-mail address) for an answer, through a personal link. An
    address that belongs to an active account invites that person (a task on their dashboard)."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if person is None and email:
        person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if campaign.status != Campaign.Status.OPEN or campaign.closes_on < timezone.localdate():
        raise ValidationError(_("The campaign is closed: nobody more can be invited."))
    email = (email or (person.email if person is not None else "")).strip()
    if person is None and not email:
        raise ValidationError(_("Name a person or an e-mail address to invite."))
    duplicate = Invitation.objects.filter(campaign=campaign, about_expert=about_expert)
    duplicate = (
        duplicate.filter(person=person) if person is not None else duplicate.filter(email__iexact=email)
    )
    if duplicate.exists():
        raise ValidationError(_("%(who)s is invited already.") % {"who": person or email})
    invitation = Invitation.objects.create(
        campaign=campaign, person=person, email=email, about_expert=about_expert
    )
    if send:
        _send(invitation, reminder=False)
        invitation.sent_at = timezone.now()
        invitation.save()
    return invitation


def _unanswered(campaign: Campaign):
    return campaign.invitations.filter(answered_on__isnull=True).select_related(
        "person", "about_expert__user", "campaign__version__survey"
    )


@transaction.atomic
def campaign_remind(*, campaign: Campaign, actor) -> int:
    """Remind everyone who has not answered yet (a person in charge presses the button)."""
    if not can_run_campaign(actor, campaign.project):
        raise PermissionDenied(_("You are not allowed to run survey campaigns here."))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status != Campaign.Status.OPEN:
        raise ValidationError(_("The campaign is closed."))
    now = timezone.now()
    count = 0
    for invitation in _unanswered(campaign):
        _send(invitation, reminder=True)
        invitation.reminded_at = now
        invitation.save()
        count += 1
    if count:
        event_record(
            obj=campaign,
            action=gettext_lazy("%(count)s people reminded"),
            params={"count": count},
            actor=actor,
        )
    return count


def invitations_remind(today: datetime.date | None = None) -> int:
    """Beat: once per invitation, a few days before the campaign closes
    (``IAAR_SURVEY_REMIND_DAYS_BEFORE``), remind those who have not answered."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=settings.IAAR_SURVEY_REMIND_DAYS_BEFORE)
    due = Invitation.objects.filter(
        campaign__status=Campaign.Status.OPEN,
        campaign__opens_on__lte=today,
        campaign__closes_on__gte=today,
        campaign__closes_on__lte=until,
        answered_on__isnull=True,
        reminded_at__isnull=True,
    ).values_list("pk", flat=True)
    count = 0
    for pk in list(due):
        with transaction.atomic():
            invitation = (
                Invitation.objects.select_for_update(of=("self",))
                .select_related("person", "about_expert__user", "campaign__version__survey")
                .filter(pk=pk, reminded_at__isnull=True, answered_on__isnull=True)
                .first()
            )
            if invitation is None:
                continue
            _send(invitation, reminder=True)
            invitation.reminded_at = timezone.now()
            invitation.save()
            count += 1
    return count


@transaction.atomic
def campaign_close(*, campaign: Campaign, actor=None) -> Campaign:
    """Stop taking answers. ``actor`` None: the portal, on the closing date."""
    closing = CAMPAIGN_WORKFLOW.get(Campaign.Status.OPEN, Campaign.Status.CLOSED)
    if actor is not None and not closing.allows(actor, campaign):
        raise PermissionDenied(_("You are not allowed to run survey campaigns here."))
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if campaign.status == Campaign.Status.CLOSED:
        return campaign
    return transition_perform(
        obj=campaign,
        workflow=CAMPAIGN_WORKFLOW,
        target=Campaign.Status.CLOSED,
        actor=actor,
        action=gettext_lazy("Campaign closed") if actor else gettext_lazy("Campaign closed on its date"),
        also={"closed_at": timezone.now()},
    )


def campaigns_close_due(today: datetime.date | None = None) -> int:
    """Beat: close every open campaign whose closing date has passed."""
    today = today or timezone.localdate()
    count = 0
    for campaign in Campaign.objects.filter(status=Campaign.Status.OPEN, closes_on__lt=today):
        campaign_close(campaign=campaign)
        count += 1
    return count


# --- After the visit -------------------------------------------------------------------------


def _survey(code: str) -> Survey | None:
    survey = Survey.objects.filter(code=code).first()
    if survey is None:
        survey_seed()
        survey = Survey.objects.filter(code=code).first()
    return survey


def _ensure(project, code: str, title: str, closes_on: datetime.date) -> Campaign | None:
    survey = _survey(code)
    if survey is None or not survey.is_active:
        return None
    existing = Campaign.objects.filter(project=project, version__survey=survey).order_by("pk").first()
    if existing is not None:
        return existing
    if not survey.versions.filter(status=SurveyVersion.Status.PUBLISHED).exists():
        return None
    return campaign_open(
        actor=None,
        survey=survey,
        title=title,
        opens_on=timezone.localdate(),
        closes_on=closes_on,
        project=project,
    )


def _invite_once(campaign: Campaign, person, about_expert=None) -> bool:
    if person is None or not person.is_active:
        return False
    if campaign.status != Campaign.Status.OPEN:
        return False
    if Invitation.objects.filter(campaign=campaign, person=person, about_expert=about_expert).exists():
        return False
    invitation_add(campaign=campaign, person=person, about_expert=about_expert)
    return True


@transaction.atomic
def dispatch_after_visit(*, project_id: int) -> int:
    """When a visit is over: the organization's satisfaction survey to its representatives, the
    feedback survey to each expert of the commission, and the coordinator's evaluation of each
    expert. Run twice, it adds nothing: each campaign and invitation is made once.
    Returns the number of invitations made."""
    if not settings.IAAR_SURVEY_DISPATCH:
        return 0

    project = (
        AccreditationProject.objects.select_for_update(of=("self",))
        .select_related("organization", "coordinator")
        .filter(pk=project_id)
        .first()
    )
    if project is None or not Visit.objects.filter(project=project, held=True).exists():
        return 0
    closes_on = timezone.localdate() + datetime.timedelta(days=settings.IAAR_SURVEY_ANSWER_DAYS)
    name = project.organization.name
    made = 0
    eo = _ensure(
        project,
        EO_SATISFACTION,
        campaign_title(gettext_lazy("Satisfaction after accreditation: %(name)s"), name),
        closes_on,
    )
    if eo is not None:
        for person in representatives_of(project.organization):
            made += _invite_once(eo, person)
    seats = list(
        CommissionMember.objects.filter(project=project, is_active=True).select_related("expert__user")
    )
    feedback = _ensure(
        project,
        EXPERT_FEEDBACK,
        campaign_title(gettext_lazy("Expert feedback on the visit: %(name)s"), name),
        closes_on,
    )
    if feedback is not None:
        for seat in seats:
            made += _invite_once(feedback, seat.expert.user)
    evaluation = _ensure(
        project,
        EEC_EVALUATION,
        campaign_title(gettext_lazy("Evaluation of the EEC: %(name)s"), name),
        closes_on,
    )
    if evaluation is not None and project.coordinator_id:
        for seat in seats:
            made += _invite_once(evaluation, project.coordinator, about_expert=seat.expert)
    return made
