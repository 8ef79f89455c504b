from django.urls import reverse
from guardian.shortcuts import assign_perm

from core.roles import Role
from tests.factories import ProjectFactory


def test_coordinator_sees_only_the_projects_assigned_to_them(client, coordinator):
    mine = ProjectFactory(organization__name="Assigned University")
    ProjectFactory(organization__name="Unrelated Institute")
    assign_perm("accreditation.view_accreditationproject", coordinator, mine)
    client.force_login(coordinator)
    html = client.get(reverse("accreditation:project_list")).content.decode()
    assert "Assigned University" in html and "Unrelated Institute" not in html


def test_eo_representative_sees_only_their_own_organization(client, eo_representative):
    own = ProjectFactory(organization__name="Own College")
    ProjectFactory(organization__name="Rival College")
    assign_perm("accreditation.view_organization", eo_representative, own.organization)
    client.force_login(eo_representative)
    html = client.get(reverse("accreditation:organization_list")).content.decode()
    assert "Own College" in html and "Rival College" not in html


def test_director_and_project_manager_see_every_project(client, director, make_person):
    ProjectFactory(organization__name="First")
    ProjectFactory(organization__name="Second")
    for person in (director, make_person(Role.PROJECT_MANAGER)):
        client.force_login(person)
        html = client.get(reverse("accreditation:project_list")).content.decode()
        assert "First" in html and "Second" in html
