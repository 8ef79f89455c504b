"""Every accreditation project has a number of its own (PR-2026-0012), given when it is applied
for, never reused, shown on its page, in the register (and found by it) and in the dashboard's
task; projects kept before numbers existed were numbered by the year they were created."""

import pytest
from django.urls import reverse
from guardian.shortcuts import assign_perm

from accreditation import services
from accreditation.models import AccreditationProject
from tests.factories import OrganizationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _apply(rep, organization, kind="institutional"):
    programmes = [] if kind == "institutional" else [ProgrammeFactory(organization=organization)]
    return services.project_apply(
        actor=rep, organization=organization, kind=kind, level="higher", programmes=programmes
    )


def test_applications_are_numbered_in_order_and_two_of_one_organization_differ(
    eo_representative, client, make_person
):
    organization = OrganizationFactory(name="Алматинский колледж связи")
    assign_perm("represent_organization", eo_representative, organization)
    first = _apply(eo_representative, organization)
    second = _apply(eo_representative, organization, kind="specialized")
    year = first.created_at.year
    assert first.number == f"PR-{year}-0001" and second.number == f"PR-{year}-0002"
    assert str(first) != str(second) and first.number in str(first)

    client.force_login(eo_representative)
    page = client.get(first.get_absolute_url()).content.decode()
    assert first.number in page
    listed = client.get(reverse("accreditation:project_list"), {"q": second.number}).content.decode()
    assert second.number in listed and first.number not in listed


def test_the_task_on_the_dashboard_names_the_project(eo_representative, project_manager, client):
    organization = OrganizationFactory(name="Алматинский колледж связи")
    assign_perm("represent_organization", eo_representative, organization)
    projects = [_apply(eo_representative, organization), _apply(eo_representative, organization)]
    client.force_login(project_manager)
    page = client.get(reverse("core:dashboard")).content.decode()
    for project in projects:
        assert f"{project.number} · Алматинский колледж связи" in page


def test_the_migration_numbered_the_projects_by_their_year():
    from importlib import import_module

    from django.apps import apps

    from core.models import Sequence
    from tests.factories import ProjectFactory

    old = [ProjectFactory(), ProjectFactory()]
    AccreditationProject.objects.filter(pk__in=[p.pk for p in old]).update(number="")
    migration = import_module("accreditation.migrations.0015_project_number")
    migration.number_projects(apps, None)
    numbers = sorted(
        AccreditationProject.objects.filter(pk__in=[p.pk for p in old]).values_list("number", flat=True)
    )
    year = old[0].created_at.year
    assert numbers == [f"PR-{year}-0001", f"PR-{year}-0002"]
    assert Sequence.objects.get(name=f"project-{year}").value == 2
