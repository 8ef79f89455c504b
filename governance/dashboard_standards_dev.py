"""The development of standards on "my tasks": a working group's secretary sees the comments of
its consultations awaiting moderation; its members see the published ones awaiting an answer or
a disposition."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dashboard import TaskItem

from .models.bodies import Membership
from .models.standards_dev import Consultation, ConsultationComment

C = ConsultationComment.Status


def consultation_tasks(user):
    if not user.is_authenticated:
        return
    today = timezone.localdate()
    seats = Membership.objects.filter(
        person_id=user.pk, term_start__lte=today, term_end__gte=today, body__development_plans__isnull=False
    ).values_list("body_id", "role")
    secretary_of = {body for body, role in seats if role == Membership.Role.SECRETARY}
    member_of = {body for body, _role in seats}
    if not member_of:
        return
    consultations = (
        Consultation.objects.filter(plan__working_group_id__in=member_of)
        .select_related("plan__document", "version")
        .annotate(
            pending=Count("sections__comments", filter=Q(sections__comments__status=C.PENDING)),
            open_ones=Count(
                "sections__comments",
                filter=Q(sections__comments__status=C.PUBLISHED)
                & (Q(sections__comments__answer="") | Q(sections__comments__disposition="")),
            ),
        )
    )
    for consultation in consultations:
        area = _("Standards development")
        if consultation.pending and consultation.plan.working_group_id in secretary_of:
            yield TaskItem(
                str(consultation.version),
                consultation.get_absolute_url(),
                area,
                due=consultation.closes_on,
                detail=ngettext(
                    "%(count)d comment awaits moderation",
                    "%(count)d comments await moderation",
                    consultation.pending,
                )
                % {"count": consultation.pending},
            )
        if consultation.open_ones:
            yield TaskItem(
                str(consultation.version),
                consultation.get_absolute_url(),
                area,
                detail=ngettext(
                    "%(count)d comment awaits an answer or a disposition",
                    "%(count)d comments await an answer or a disposition",
                    consultation.open_ones,
                )
                % {"count": consultation.open_ones},
            )
