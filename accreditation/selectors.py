from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from guardian.shortcuts import get_objects_for_user

from .models import AccreditationProject, Organization, Programme, SelfAssessment


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
    """Every organization for agency management; an EO representative or a coordinator sees
    only the organizations granted to them."""
    # A correlated count is computed for the 25 rows of a page only, not for every organization.
    programmes = (
        Programme.objects.filter(organization=OuterRef("pk"))
        .values("organization")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = Organization.objects.annotate(programme_count=Coalesce(Subquery(programmes), 0)).order_by(
        "name", "pk"
    )
    if user.has_perm("accreditation.view_all_accreditations"):
        return rows
    return get_objects_for_user(
        user, "accreditation.view_organization", klass=rows, accept_global_perms=False
    )


def organization_get_for(user, pk: int) -> Organization:
    return get_object_or_404(organizations_visible_to(user), pk=pk)


def programme_get_for(user, organization: Organization, pk: int) -> Programme:
    return get_object_or_404(Programme, organization=organization, pk=pk)


def organization_page(user, organization: Organization) -> dict:
    from guardian.shortcuts import get_users_with_perms

    return {
        "organization": organization,
        "programmes": organization.programmes.all(),
        "projects": projects_visible_to(user).filter(organization=organization),
        "representatives": get_users_with_perms(
            organization, only_with_perms_in=["represent_organization"], with_group_users=False
        ),
        "can_edit": user.has_perm("accreditation.change_organization"),
    }


def project_get_for(user, pk: int) -> AccreditationProject:
    return get_object_or_404(projects_visible_to(user), pk=pk)


def organizations_represented_by(user) -> QuerySet[Organization]:
    return get_objects_for_user(
        user, "accreditation.represent_organization", klass=Organization, accept_global_perms=False
    )


def people_who_can(codename: str):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__permissions__codename=codename,
            groups__permissions__content_type__app_label="accreditation",
        )
        .distinct()
    )


def project_page(user, project: AccreditationProject) -> dict:
    from .models import Contract
    from .workflow import PROJECT_WORKFLOW, checklist_for

    contract = Contract.objects.filter(project=project).first()
    return {
        "project": project,
        "programmes": project.programmes.all(),
        "actions": PROJECT_WORKFLOW.available(project, user),
        "can_manage": user.has_perm("accreditation.change_accreditationproject"),
        "checklist": [
            (label, project.threshold_items.get(code)) for code, label in checklist_for(project.level)
        ],
        "contract": contract,
        "reports": project.self_assessments.select_related("submitted_by", "reviewed_by"),
        "is_representative": represents(user, project.organization),
    }


def represents(user, organization: Organization) -> bool:
    from guardian.core import ObjectPermissionChecker

    return ObjectPermissionChecker(user).has_perm("represent_organization", organization)


def self_assessment_get_for(project: AccreditationProject, pk: int) -> SelfAssessment:
    return get_object_or_404(SelfAssessment, project=project, pk=pk)
