"""The risk register (§7.5.3): recording, scoring and reviewing the risks of each process.

Scores are likelihood × impact on the agency's matrix (IAAR_RISK_MATRIX_SIZE); a risk is low,
medium or high by the thresholds IAAR_RISK_MEDIUM_FROM and IAAR_RISK_HIGH_FROM.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.services import sequence_next
from core.workflow import event_record, transition_perform

from ..models import Risk
from ..workflow import RISK_WORKFLOW, changes_risk

FIELDS = (
    "title",
    "description",
    "process",
    "owner",
    "likelihood",
    "impact",
    "treatment",
    "residual_likelihood",
    "residual_impact",
    "review_on",
    "status",
)


def _check(fields: dict, *, today: datetime.date) -> None:
    size = settings.IAAR_RISK_MATRIX_SIZE
    errors = {}
    for name in ("likelihood", "impact", "residual_likelihood", "residual_impact"):
        value = fields.get(name)
        if value is not None and not 1 <= value <= size:
            errors[name] = _("Score from 1 to %(size)s: the agency's matrix is %(size)s × %(size)s.") % {
                "size": size
            }
    residual = (fields.get("residual_likelihood"), fields.get("residual_impact"))
    if (residual[0] is None) != (residual[1] is None):
        errors["residual_impact"] = _(
            "Give both the residual likelihood and the residual impact, or neither."
        )
    elif (
        residual[0] is not None
        and not errors
        and residual[0] * residual[1] > fields["likelihood"] * fields["impact"]
    ):
        errors["residual_impact"] = _("The residual score cannot be higher than the score before treatment.")
    if fields.get("status") == Risk.Status.TREATED and not fields.get("treatment", "").strip():
        errors["treatment"] = _("Describe the preventive measures before marking the risk treated.")
    if fields.get("review_on") and fields["review_on"] < today:
        errors["review_on"] = _("The next review cannot be in the past.")
    owner = fields.get("owner")
    if owner is not None and not owner.is_active:
        errors["owner"] = _("The risk owner must be an active member of staff.")
    if errors:
        raise ValidationError(errors)


def can_change(user, risk: Risk) -> bool:
    return changes_risk(user, risk)


@transaction.atomic
def risk_record(*, actor, **fields) -> Risk:
    if not actor.has_perm("improvement.add_risk"):
        raise PermissionDenied
    fields.setdefault("status", Risk.Status.OPEN)
    _check(fields, today=timezone.localdate())
    number = f"RK-{sequence_next('risk'):04d}"
    risk = Risk.objects.create(
        number=number, created_by=actor, **{k: fields.get(k) for k in FIELDS if k in fields}
    )
    event_record(obj=risk, action=gettext_lazy("Recorded"), actor=actor, to_state=risk.status)
    return risk


@transaction.atomic
def risk_update(*, risk: Risk, actor, **fields) -> Risk:
    risk = Risk.objects.select_for_update().get(pk=risk.pk)
    if not can_change(actor, risk):
        raise PermissionDenied
    values = {name: fields.get(name, getattr(risk, name)) for name in FIELDS}
    _check(values, today=timezone.localdate())
    before = risk.status
    target = values.pop("status")
    if target != before:  # the status moves by the table, the other fields in the same save
        return transition_perform(
            obj=risk,
            workflow=RISK_WORKFLOW,
            target=target,
            actor=actor,
            action=gettext_lazy("Status changed"),
            also=values,
        )
    for name, value in values.items():
        setattr(risk, name, value)
    risk.save()
    event_record(obj=risk, action=gettext_lazy("Reviewed"), actor=actor, from_state=before, to_state=before)
    return risk
