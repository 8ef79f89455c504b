"""The KPI targets (§3.1, §7.4): how high each indicator's share may be in a year."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import require_perm
from core.targets import target_checked
from core.workflow import event_record
from improvement.models import KpiTarget

Code = KpiTarget.Code


@transaction.atomic
def kpi_target_set(*, actor, code: str, year: int, target_percent) -> KpiTarget:
    """The IQAS owner sets how high an indicator's share may be in a year (0–100 %)."""
    require_perm(actor, "improvement.change_kpitarget", _("Only the IQAS owner sets the targets."))
    if code not in Code.values:
        raise ValidationError(_("Choose one of the five indicators."))
    target = target_checked(year, target_percent)
    row, created = KpiTarget.objects.select_for_update().get_or_create(
        code=code, year=year, defaults={"target_percent": target, "set_by": actor}
    )
    if not created and row.target_percent != target:
        row.target_percent, row.set_by = target, actor
        row.save()
    event_record(
        obj=row,
        action=gettext_lazy("Target set: at most %(target)s %%"),
        params={"target": target},
        actor=actor,
    )
    return row
