"""What a person may see of campaigns: the register, a campaign's page, their own invitations and
the visit's questionnaires on a project page."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accreditation.models import AccreditationProject
from accreditation.selectors import runs

from ..models import Campaign, Invitation, Response, Survey

RUN = "surveys.run_campaign"
SEE_ALL = ("surveys.run_campaign", "surveys.analyze_survey")


def can_run_campaign(user, project=None) -> bool:
    """The IQAS owner and project managers run any campaign; a coordinator runs the campaigns of
    the projects they coordinate."""
    if user is None or not user.is_authenticated:
        return False
    if user.has_perm(RUN):
        return True
    if project is None:
        return False
    return runs(user, project)


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    rows = Campaign.objects.select_related("version__survey", "project", "organization")
    if any(user.has_perm(p) for p in SEE_ALL):
        return rows
    if user.is_authenticated and user.has_perm("surveys.view_survey"):
        return rows.filter(project__coordinator=user)
    return rows.none()


def count_of(model, field: str = "campaign"):
    """How many rows of ``model`` point at the outer row, as a subquery: counting responses and
    invitations through two joins at once would multiply the rows."""
    rows = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")[:1]), 0)


def campaign_rows(user) -> QuerySet[Campaign]:
    """The campaign register: with answers and invitations counted."""
    return (
        campaigns_visible_to(user)
        .annotate(response_count=count_of(Response), invited_count=count_of(Invitation))
        .order_by("-opens_on", "-pk")
    )


def results_overview(*, latest: int) -> tuple[QuerySet[Survey], QuerySet[Campaign]]:
    """The results index: every survey with its campaigns and responses counted, and the
    latest campaigns with theirs (each count a subquery, so no join multiplies the rows)."""
    responses = (
        Response.objects.filter(campaign__version__survey=OuterRef("pk"))
        .order_by()
        .values("campaign__version__survey")
    )
    campaigns = Campaign.objects.filter(version__survey=OuterRef("pk")).order_by().values("version__survey")
    surveys = Survey.objects.annotate(
        responses=Coalesce(Subquery(responses.annotate(n=Count("pk")).values("n")[:1]), 0),
        campaigns=Coalesce(Subquery(campaigns.annotate(n=Count("pk")).values("n")[:1]), 0),
    ).order_by("code")
    latest_campaigns = (
        Campaign.objects.select_related("version__survey", "organization", "project__organization")
        .annotate(answered=count_of(Response), invited=count_of(Invitation))
        .order_by("-opens_on", "-pk")[:latest]
    )
    return surveys, latest_campaigns


def campaign_get_for(user, pk: int) -> Campaign:
    return get_object_or_404(campaigns_visible_to(user), pk=pk)


def campaign_get(pk: int) -> Campaign:
    """Any campaign, for those who analyse every survey's results."""
    return get_object_or_404(
        Campaign.objects.select_related("version__survey", "organization", "project__organization"), pk=pk
    )


def campaign_page(user, campaign: Campaign) -> dict:
    """A campaign's page. For an anonymous survey only counts are shown, never who answered."""
    invitations = campaign.invitations.select_related("person", "about_expert__user")
    counts = invitations.aggregate(
        invited=Count("pk"),
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
        answered=Count("pk", filter=Q(answered_on__isnull=False)),
    )
    today = timezone.localdate()
    is_open = campaign.status == Campaign.Status.OPEN and campaign.closes_on >= today
    can_run = can_run_campaign(user, campaign.project)
    return {
        "campaign": campaign,
        "survey": campaign.version.survey,
        "anonymous": campaign.anonymous,
        "invitations": [] if campaign.anonymous else list(invitations),
        "counts": counts,
        "response_count": campaign.responses.count(),
        "is_open": is_open,
        "can_run": can_run and campaign.status == Campaign.Status.OPEN,
        "unanswered": counts["invited"] - counts["answered"],
    }


def invitations_waiting_for(user) -> QuerySet[Invitation]:
    """The person's own invitations still to answer in open campaigns (dashboard tasks)."""
    today = timezone.localdate()
    return Invitation.objects.filter(
        person=user,
        answered_on__isnull=True,
        campaign__status=Campaign.Status.OPEN,
        campaign__opens_on__lte=today,
        campaign__closes_on__gte=today,
    ).select_related("campaign__version__survey", "campaign__organization", "about_expert__user")


def visit_surveys(user, project) -> dict | None:
    """The "Visit surveys" card of a project page: what was asked about this project, and whether
    the person may open the students' and teaching staff's questionnaires."""
    can_run = can_run_campaign(user, project)
    sees = can_run or any(user.has_perm(p) for p in SEE_ALL)
    if not sees:
        return None
    campaigns = list(
        Campaign.objects.filter(project=project)
        .select_related("version__survey")
        .annotate(
            response_count=Count("responses", distinct=True),
            invited_count=Count("invitations", distinct=True),
        )
        .order_by("pk")
    )
    during_visit = project.status == AccreditationProject.Status.VISIT
    if not campaigns and not during_visit:
        return None
    return {
        "project": project,
        "campaigns": campaigns,
        "can_open": can_run and during_visit,
    }
