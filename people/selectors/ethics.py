"""The code of ethics in force, its effective version, and who has (not) accepted it."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from documents.models import DocumentVersion

from ..models import EthicsAcceptance, EthicsCode, PositionHolding

VIEW_STAFF = "people.view_staff"


def code_in_force() -> EthicsCode | None:
    return EthicsCode.objects.filter(in_force=True).select_related("document__effective_version").first()


def current_version() -> DocumentVersion | None:
    code = code_in_force()
    return code.document.effective_version if code else None


def bound_by_code() -> QuerySet:
    """Who accepts the code: the agency's staff (a position held) and the experts in the pool."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(pk__in=PositionHolding.objects.filter(until__isnull=True).values("person_id"))
            | Q(expert_profile__is_active=True)
        )
    )


def accepted_ids(version: DocumentVersion, user_ids=None) -> set[int]:
    rows = EthicsAcceptance.objects.filter(version=version)
    if user_ids is not None:
        rows = rows.filter(person_id__in=list(user_ids))
    return set(rows.values_list("person_id", flat=True))


def has_accepted(user, version: DocumentVersion | None = None) -> bool:
    version = version or current_version()
    return version is None or EthicsAcceptance.objects.filter(person=user, version=version).exists()


def must_accept(user) -> DocumentVersion | None:
    """The version this person is asked to accept now, or None."""
    version = current_version()
    if version is None or not user.is_authenticated:
        return None
    if not bound_by_code().filter(pk=user.pk).exists() or has_accepted(user, version):
        return None
    return version


def acceptance_status() -> list[tuple[object, EthicsAcceptance | None]]:
    """Every person bound by the code with their acceptance of the current version (or None)."""
    version = current_version()
    if version is None:
        return []
    found = {a.person_id: a for a in EthicsAcceptance.objects.filter(version=version)}
    return [(p, found.get(p.pk)) for p in bound_by_code().order_by("last_name", "first_name")]


def acceptances_of(user) -> QuerySet[EthicsAcceptance]:
    return EthicsAcceptance.objects.filter(person=user).select_related("version__document")
