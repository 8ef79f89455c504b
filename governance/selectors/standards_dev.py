"""The development of standards' reads: the plans, their consultations and comments, the route
of the draft from the plan to publication (§6.3) with where it is now, the public page's
consultation and the summary of the comments by section."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentVersion, ReviewStep
from documents.services import awaits_validation
from documents.workflow import IN_PROGRESS

from ..models.bodies import MeetingItem
from ..models.standards_dev import Consultation, ConsultationComment, DevelopmentPlan
from ..workflow_standards_dev import VIEW

C = ConsultationComment.Status
S = DocumentVersion.Status


def plans_for(user) -> QuerySet[DevelopmentPlan]:
    if user.is_authenticated and user.has_perm(VIEW):
        return DevelopmentPlan.objects.select_related("document", "working_group")
    return DevelopmentPlan.objects.none()


def plan_get_for(user, pk: int) -> DevelopmentPlan:
    return get_object_or_404(plans_for(user), pk=pk)


def consultations_for(user) -> QuerySet[Consultation]:
    return Consultation.objects.filter(plan__in=plans_for(user)).select_related(
        "plan__document", "plan__working_group", "version"
    )


def consultation_get_for(user, pk: int) -> Consultation:
    return get_object_or_404(consultations_for(user), pk=pk)


def comments_for(user) -> QuerySet[ConsultationComment]:
    return ConsultationComment.objects.filter(
        section__consultation__in=consultations_for(user)
    ).select_related("section__consultation__plan__working_group")


def comment_get_for(user, pk: int) -> ConsultationComment:
    return get_object_or_404(comments_for(user), pk=pk)


def draft_of(plan: DevelopmentPlan) -> DocumentVersion | None:
    """The document's revision in progress, or else its newest version."""
    versions = plan.document.versions.order_by("-major", "-minor", "-pk")
    return versions.filter(status__in=IN_PROGRESS).first() or versions.first()


def comment_counts(consultation: Consultation) -> dict:
    comments = ConsultationComment.objects.filter(section__consultation=consultation)
    return comments.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(status=C.PENDING)),
        hidden=Count("pk", filter=Q(status=C.HIDDEN)),
        unanswered=Count("pk", filter=Q(status=C.PUBLISHED, answer="")),
        undisposed=Count("pk", filter=Q(status=C.PUBLISHED, disposition="")),
        accepted=Count("pk", filter=Q(disposition=ConsultationComment.Disposition.ACCEPTED)),
        rejected=Count("pk", filter=Q(disposition=ConsultationComment.Disposition.REJECTED)),
    )


@dataclass
class RouteStep:
    """One step of the route (§6.3): its name, whether done, a line on its state, a link."""

    title: str
    done: bool
    detail: str = ""
    url: str = ""
    current: bool = False


def route(plan: DevelopmentPlan) -> list[RouteStep]:
    """The route of the plan's draft: plan → inputs → draft → public consultation → peer review
    → validation by a collegial body → approval by the Director General → publication; the
    step after the furthest one done is where the draft is now."""
    draft = draft_of(plan)
    inputs = plan.inputs.count()
    consultation = plan.consultations.filter(version=draft).first() if draft else None
    steps = [
        RouteStep(
            _("Development plan"), True, plan.working_group.name, plan.working_group.get_absolute_url()
        ),
        RouteStep(_("Inputs registered"), inputs > 0, str(inputs) if inputs else ""),
        RouteStep(
            _("Draft"),
            draft is not None,
            f"v{draft.number} · {draft.get_status_display()}" if draft else "",
            draft.get_absolute_url() if draft else "",
        ),
    ]
    today = timezone.localdate()
    if consultation:
        state = _("open until %(date)s") if consultation.is_open(today) else _("closed %(date)s")
        steps.append(
            RouteStep(
                _("Public consultation"),
                consultation.is_closed(today),
                state % {"date": consultation.closes_on.strftime("%d.%m.%Y")},
                consultation.get_absolute_url(),
            )
        )
    else:
        steps.append(RouteStep(_("Public consultation"), False))
    peer = draft.steps.filter(kind=ReviewStep.Kind.PEER_REVIEW) if draft else ReviewStep.objects.none()
    peer_done = peer.exists() and not peer.exclude(decision=ReviewStep.Decision.AGREED).exists()
    link = draft.get_absolute_url() if draft else ""
    steps.append(
        RouteStep(_("Peer review"), peer_done, ", ".join(str(s.reviewer) for s in peer), link if peer else "")
    )
    validation = draft.steps.filter(kind=ReviewStep.Kind.VALIDATION).first() if draft else None
    item = (
        MeetingItem.objects.filter(document_version=draft)
        .select_related("meeting__body")
        .order_by("-pk")
        .first()
        if draft
        else None
    )
    detail = validation.body if validation else ""
    if item and not validation:
        detail = str(item.meeting)
    elif draft and not validation and awaits_validation(draft):
        detail = str(_("Waiting for a collegial body's meeting"))
    steps.append(
        RouteStep(
            _("Validation by a collegial body"),
            validation is not None,
            detail,
            item.meeting.get_absolute_url() if item else "",
        )
    )
    approved = draft is not None and draft.status in (S.APPROVED, S.EFFECTIVE, S.SUPERSEDED)
    steps.append(RouteStep(_("Approval by the Director General"), approved, "", link if approved else ""))
    published = draft is not None and draft.status in (S.EFFECTIVE, S.SUPERSEDED)
    steps.append(
        RouteStep(
            _("Publication"),
            published,
            draft.effective_from.strftime("%d.%m.%Y") if published and draft.effective_from else "",
            link if published else "",
        )
    )
    reached = max((i for i, step in enumerate(steps) if step.done), default=-1)
    if reached + 1 < len(steps):
        steps[reached + 1].current = True
    return steps


def public_consultation(pk: int) -> Consultation:
    """A consultation the public page shows: one that has opened (closed ones stay readable)."""
    consultation = (
        Consultation.objects.filter(pk=pk, opens_on__lte=timezone.localdate())
        .select_related("plan__document", "version")
        .first()
    )
    if consultation is None:
        raise Http404
    return consultation


def sections_with(consultation: Consultation, statuses) -> list:
    """The consultation's sections, each with its comments in the given statuses."""
    comments = ConsultationComment.objects.filter(status__in=statuses).select_related(
        "answered_by", "disposed_by", "moderated_by"
    )
    return list(
        consultation.sections.prefetch_related(Prefetch("comments", queryset=comments, to_attr="shown"))
    )


def summary(consultation: Consultation) -> dict:
    """What the summary of the consultation lists: per section the comments with the answers
    and dispositions (a hidden comment by its reason only), and the counts."""
    return {
        "consultation": consultation,
        "plan": consultation.plan,
        "document": consultation.plan.document,
        "sections": sections_with(consultation, C.values),
        "counts": comment_counts(consultation),
    }
