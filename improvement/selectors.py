from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Nonconformity


def nonconformities_visible_to(user) -> QuerySet[Nonconformity]:
    """Everything for the IQAS owner and the director; one's own reports for everyone else."""
    rows = Nonconformity.objects.select_related("raised_by")
    if user.has_perm("improvement.view_all_nonconformities"):
        return rows
    return rows.filter(raised_by=user)


def nonconformity_get_for(user, pk: int) -> Nonconformity:
    return get_object_or_404(nonconformities_visible_to(user), pk=pk)


def nonconformities_awaiting_analysis(user) -> QuerySet[Nonconformity]:
    if not user.has_perm("improvement.change_nonconformity"):
        return Nonconformity.objects.none()
    return Nonconformity.objects.filter(status=Nonconformity.Status.OPEN)
