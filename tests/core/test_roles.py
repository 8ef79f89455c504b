from django.contrib.auth.models import Group
from django.core.management import call_command

from core.roles import ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, Role
from core.services import roles_sync, user_set_roles


def test_sync_roles_makes_one_group_per_role_with_exactly_its_permissions(db):
    call_command("sync_roles", verbosity=0)
    call_command("sync_roles", verbosity=0)  # idempotent: a second run changes nothing
    assert Group.objects.filter(name__in=[r.value for r in Role]).count() == len(Role) == 13
    for role in Role:
        group = Group.objects.get(name=role.value)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == ROLE_PERMISSIONS[role], role


def test_sync_roles_removes_a_permission_added_by_hand(db):
    roles_sync()
    group = Group.objects.get(name=Role.STAFF)
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="approve_document"))
    roles_sync()
    assert not group.permissions.filter(codename="approve_document").exists()


def test_every_role_has_a_description_and_permissions():
    for role in Role:
        assert ROLE_DESCRIPTIONS[role]
        assert ROLE_PERMISSIONS[role]


def test_only_the_director_approves_documents_and_signs_certificates():
    approvers = {r for r in Role if "documents.approve_document" in ROLE_PERMISSIONS[r]}
    signers = {r for r in Role if "accreditation.sign_certificate" in ROLE_PERMISSIONS[r]}
    assert approvers == signers == {Role.DIRECTOR}


def test_a_person_may_hold_several_roles_and_gets_the_union(make_person):
    person = make_person(Role.COORDINATOR, Role.AUDITOR)
    assert person.has_perm("accreditation.coordinate_project")
    assert person.has_perm("audits.conduct_audit")
    assert not person.has_perm("documents.approve_document")


def test_setting_roles_replaces_the_previous_ones(make_person):
    person = make_person(Role.COORDINATOR)
    user_set_roles(user=person, roles=[Role.STAFF])
    person = type(person).objects.get(pk=person.pk)  # fresh permission cache
    assert list(person.groups.values_list("name", flat=True)) == ["staff"]
    assert not person.has_perm("accreditation.coordinate_project")
