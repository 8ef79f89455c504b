"""The satisfaction targets of the KPI report (§7.4): the lowest index each survey should reach."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.permissions import require_perm
from core.targets import target_checked

from ..models import SatisfactionTarget, Survey


@transaction.atomic
def satisfaction_target_set(*, actor, survey: Survey, year: int, target_percent) -> SatisfactionTarget:
    """The IQAS owner sets the lowest satisfaction index (0–100 %) a survey should reach in a
    year; a change keeps its history."""
    require_perm(actor, "improvement.change_kpitarget", _("Only the IQAS owner sets the targets."))
    target = target_checked(year, target_percent)
    row, created = SatisfactionTarget.objects.select_for_update().get_or_create(
        survey=survey, year=year, defaults={"target_percent": target, "set_by": actor}
    )
    if not created and row.target_percent != target:
        row.target_percent, row.set_by = target, actor
        row.save()
    return row
