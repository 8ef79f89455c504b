from django.db.models import QuerySet
from guardian.shortcuts import get_objects_for_user

from .models import AccreditationProject, Organization


def projects_visible_to(user) -> QuerySet[AccreditationProject]:
    """All projects for agency management; otherwise only those granted on the object
    (a coordinator's own, an expert's commission, an organization's own application)."""
    rows = AccreditationProject.objects.select_related("organization", "coordinator")
    if user.has_perm("accreditation.view_all_accreditations"):
        return rows
    return get_objects_for_user(
        user, "accreditation.view_accreditationproject", klass=rows, accept_global_perms=False
    )


def organizations_visible_to(user) -> QuerySet[Organization]:
    if user.has_perm("accreditation.view_all_accreditations"):
        return Organization.objects.all()
    return get_objects_for_user(
        user, "accreditation.view_organization", klass=Organization, accept_global_perms=False
    )
