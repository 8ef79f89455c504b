"""Who reads which training record: the plans and every training are read by those who keep
them (the IQAS owner, the project managers for the experts' seminars, the Director General); a
person reads the trainings they attended; a head checks the effectiveness of the trainings of
the people who report to them."""

import datetime

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Attendance, Certificate, Training, TrainingPlan
from .positions import subordinates_of

VIEW_TRAINING = "people.view_training"
MANAGE_TRAINING = "people.manage_training"


def plans_visible_to(user) -> QuerySet[TrainingPlan]:
    if not user.is_authenticated or not user.has_perm(VIEW_TRAINING):
        return TrainingPlan.objects.none()
    return TrainingPlan.objects.all()


def plan_get_for(user, pk: int) -> TrainingPlan:
    return get_object_or_404(plans_visible_to(user), pk=pk)


def trainings_visible_to(user) -> QuerySet[Training]:
    if not user.is_authenticated:
        return Training.objects.none()
    rows = Training.objects.select_related("plan")
    if user.has_perm(VIEW_TRAINING):
        return rows
    return rows.filter(
        Q(attendances__person=user) | Q(attendances__person__in=subordinates_of(user).values("pk"))
    ).distinct()


def training_get_for(user, pk: int) -> Training:
    return get_object_or_404(trainings_visible_to(user), pk=pk)


def checks_awaiting(user, today: datetime.date | None = None) -> list[Attendance]:
    """The attendances of this head's people whose effectiveness check is due and not made."""
    today = today or timezone.localdate()
    rows = Attendance.objects.filter(
        attended=True, effectiveness__isnull=True, person__in=subordinates_of(user).values("pk")
    ).select_related("training", "person")
    return [a for a in rows if a.training.check_due_on <= today]


def checkable_by(user) -> QuerySet[Attendance]:
    """The attendances whose effectiveness this person may check: of the people they head."""
    return Attendance.objects.filter(attended=True, person__in=subordinates_of(user).values("pk"))


def attendance_get_for_check(user, pk: int) -> Attendance:
    return get_object_or_404(checkable_by(user).select_related("training", "person"), pk=pk)


def certificates_visible_to(user) -> QuerySet[Certificate]:
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.has_perm(VIEW_TRAINING):
        return Certificate.objects.all()
    return Certificate.objects.filter(
        Q(attendance__person=user) | Q(attendance__person__in=subordinates_of(user).values("pk"))
    )


def certificate_get_for(user, pk: int) -> Certificate:
    return get_object_or_404(certificates_visible_to(user), pk=pk)


def expiring_certificates(today: datetime.date, days: int) -> QuerySet[Certificate]:
    """Certificates expiring within ``days`` (or expired) whose holder was not yet reminded."""
    return Certificate.objects.filter(
        reminded_at__isnull=True,
        expires_on__isnull=False,
        expires_on__lte=today + datetime.timedelta(days=days),
    ).select_related("attendance__person", "attendance__training")


def valid_expert_certificates(user_ids, today: datetime.date) -> set[int]:
    """The users among ``user_ids`` who hold an expert-seminar certificate valid today."""
    return set(
        Certificate.objects.filter(
            attendance__person_id__in=user_ids,
            attendance__training__audience=Training.Audience.EXPERTS,
            issued_on__lte=today,
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .values_list("attendance__person_id", flat=True)
    )


def expert_certificates_ever(user_ids) -> dict[int, datetime.date | None]:
    """For each user among ``user_ids`` with an expert-seminar certificate: its latest expiry."""
    latest: dict[int, datetime.date | None] = {}
    for person_id, expires in Certificate.objects.filter(
        attendance__person_id__in=user_ids, attendance__training__audience=Training.Audience.EXPERTS
    ).values_list("attendance__person_id", "expires_on"):
        if person_id not in latest or (
            latest[person_id] and (expires is None or expires > latest[person_id])
        ):
            latest[person_id] = expires
    return latest
