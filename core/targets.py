"""Yearly targets given by a person (the KPI targets, the satisfaction targets of surveys):
one check of the year and the share, so both read the same."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def target_checked(year, target_percent) -> Decimal:
    """A yearly target as given by a person: the year is 2000–2100, the share 0–100 % to one
    decimal; else a ValidationError. Shared by the KPI and the satisfaction targets."""
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError(_("Give the year of the target, for example 2026."))
    try:
        target = Decimal(str(target_percent)).quantize(Decimal("0.1"))
    except ArithmeticError as exc:
        raise ValidationError(_("The target is a share from 0 to 100 %.")) from exc
    if not Decimal(0) <= target <= Decimal(100):
        raise ValidationError(_("The target is a share from 0 to 100 %."))
    return target
