"""Every change of the register of education organizations and their programmes."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, remove_perm

from core.permissions import require_perm
from core.roles import Role
from core.services import sequence_next
from core.workflow import event_record

from ..models import EducationLevel, Organization, Programme

ORGANIZATION_FIELDS = (
    "name",
    "name_ru",
    "name_kk",
    "name_ky",
    "name_en",
    "acronym",
    "org_type",
    "levels",
    "country",
    "city",
    "city_ru",
    "city_kk",
    "city_ky",
    "city_en",
    "website",
    "name_transliterated",
    "eter_id",
    "national_id",
    "founded_on",
    "closed_on",
)
PROGRAMME_FIELDS = (
    "code",
    "name",
    "name_ru",
    "name_kk",
    "name_ky",
    "name_en",
    "level",
    "languages",
    "qf_ehea_level",
    "nqf_level",
    "degree_outcome",
    "workload_ects",
    "isced_field",
)


def _clean_levels(levels) -> list[str]:
    unknown = [code for code in levels if code not in EducationLevel.values]
    if unknown:
        raise ValidationError(_("Unknown level of education: %(codes)s") % {"codes": ", ".join(unknown)})
    return list(dict.fromkeys(levels))


@transaction.atomic
def organization_register(*, actor, name: str, **fields) -> Organization:
    """Register an education organization; it gets its IAAR ID here, never to be reused."""
    require_perm(actor, "accreditation.add_organization")
    fields["levels"] = _clean_levels(fields.get("levels", []))
    iaar_id = f"IAAR-{sequence_next('organization'):06d}"
    organization = Organization.objects.create(iaar_id=iaar_id, name=name, **fields)
    event_record(obj=organization, action=gettext_lazy("Registered"), actor=actor)
    return organization


@transaction.atomic
def organization_update(*, organization: Organization, actor, **fields) -> Organization:
    require_perm(actor, "accreditation.change_organization")
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if "levels" in fields:
        fields["levels"] = _clean_levels(fields["levels"])
    for name in ORGANIZATION_FIELDS:
        if name in fields:
            setattr(organization, name, fields[name])
    organization._change_reason = "Register entry edited"
    organization.save()
    event_record(obj=organization, action=gettext_lazy("Register entry edited"), actor=actor)
    return organization


@transaction.atomic
def programme_save(
    *, organization: Organization, actor, programme: Programme | None = None, **fields
) -> Programme:
    """Add a programme to an organization, or correct one; codes are unique per organization."""
    require_perm(actor, "accreditation.change_organization")
    programme = programme or Programme(organization=organization)
    for name in PROGRAMME_FIELDS:
        if name in fields:
            setattr(programme, name, fields[name])
    try:
        with transaction.atomic():
            programme.save()
    except IntegrityError as exc:
        raise ValidationError(
            _("%(organization)s already has a programme with the code %(code)s.")
            % {"organization": organization, "code": programme.code}
        ) from exc
    event_record(
        obj=organization,
        action=gettext_lazy("Programme %(code)s saved"),
        actor=actor,
        params={"code": programme.code},
    )
    return programme


@transaction.atomic
def representative_add(*, organization: Organization, actor, user) -> None:
    """Make a person a representative of the organization: they see it and apply for it."""
    require_perm(actor, "accreditation.change_organization")
    if ObjectPermissionChecker(user).has_perm("represent_organization", organization):
        return  # already a representative: nothing changes, nothing to record
    user.groups.add(Group.objects.get(name=Role.EO_REPRESENTATIVE))
    assign_perm("accreditation.view_organization", user, organization)
    assign_perm("accreditation.represent_organization", user, organization)
    event_record(
        obj=organization,
        action=gettext_lazy("Representative %(name)s added"),
        actor=actor,
        params={"name": str(user)},
    )


@transaction.atomic
def representative_remove(*, organization: Organization, actor, user) -> None:
    require_perm(actor, "accreditation.change_organization")
    remove_perm("accreditation.view_organization", user, organization)
    remove_perm("accreditation.represent_organization", user, organization)
    event_record(
        obj=organization,
        action=gettext_lazy("Representative %(name)s removed"),
        actor=actor,
        params={"name": str(user)},
    )
