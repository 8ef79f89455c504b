"""What every audit service shares: locking the audit, checking who acts."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ..models import Audit, AuditorAssignment


def lock(audit: Audit) -> Audit:
    return Audit.objects.select_for_update().get(pk=audit.pk)


def seat(actor, audit: Audit) -> AuditorAssignment | None:
    return AuditorAssignment.objects.filter(audit=audit, auditor=actor, active=True).first()


def require(actor, perm: str, message: str) -> None:
    if not (actor.is_active and actor.has_perm(perm)):
        raise PermissionDenied(message)


def require_member(actor, audit: Audit) -> AuditorAssignment:
    found = seat(actor, audit)
    if found is None:
        raise PermissionDenied(_("Only members of this audit's working group do this."))
    return found


def require_leader(actor, audit: Audit) -> AuditorAssignment:
    found = seat(actor, audit)
    if found is None or found.role != AuditorAssignment.Role.LEADER:
        raise PermissionDenied(_("Only the leader of this audit's working group does this."))
    return found


def require_planner(actor) -> None:
    require(actor, "audits.change_audit", _("Only the IQAS owner plans audits and their working groups."))


def signer_name(actor) -> str:
    from core.permissions import user_role_labels

    name = str(actor)
    roles = user_role_labels(actor)
    return f"{name} ({roles})" if roles else name


def people_with_perm(codename: str):
    """Active people whose role grants this audits permission (the Director General, the IQAS
    owner)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label="audits",
        )
        .distinct()
    )
