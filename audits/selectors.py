from django.db.models import QuerySet
from guardian.shortcuts import get_objects_for_user

from .models import Audit


def audits_visible_to(user) -> QuerySet[Audit]:
    """Every audit for management; a working-group member sees only the audits they are on."""
    if user.has_perm("audits.view_all_audits"):
        return Audit.objects.all()
    return get_objects_for_user(user, "audits.view_audit", klass=Audit, accept_global_perms=False)
