"""What every audit service shares: locking the audit, checking who acts on it (plain permission
checks, the signer's name and who holds a permission come from core.permissions)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from core.permissions import require_perm

from ..models import Audit, AuditorAssignment
from ..workflow import seat_of


def lock(audit: Audit) -> Audit:
    return Audit.objects.select_for_update().get(pk=audit.pk)


def require_member(actor, audit: Audit) -> AuditorAssignment:
    found = seat_of(actor, audit)
    if found is None:
        raise PermissionDenied(_("Only members of this audit's working group do this."))
    return found


def require_leader(actor, audit: Audit) -> AuditorAssignment:
    found = seat_of(actor, audit)
    if found is None or found.role != AuditorAssignment.Role.LEADER:
        raise PermissionDenied(_("Only the leader of this audit's working group does this."))
    return found


def require_planner(actor) -> None:
    require_perm(
        actor, "audits.change_audit", _("Only the IQAS owner plans audits and their working groups.")
    )
