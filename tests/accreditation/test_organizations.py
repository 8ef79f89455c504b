"""Organizations and programmes (§6.5.3): IAAR ID numbers, programmes, representatives."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accreditation import services
from accreditation.models import Organization
from core.roles import Role

VALID = {
    "name": "Eurasian Technological University",
    "name_ru": "Евразийский технологический университет",
    "org_type": "university",
    "levels": ["higher", "postgraduate"],
    "country": "kz",
    "city": "Almaty",
    "website": "etu.example.kz",
}


def test_a_project_manager_registers_an_organization_and_it_gets_an_iaar_id(client_as):
    client = client_as(Role.PROJECT_MANAGER)
    response = client.post(reverse("accreditation:organization_create"), VALID, follow=True)
    org = Organization.objects.get()
    assert org.iaar_id == "IAAR-000001"
    assert org.country == "KZ" and org.website == "https://etu.example.kz"
    html = response.content.decode()
    assert "The organization is registered." in html and "IAAR-000001" in html


def test_iaar_ids_are_never_reused(make_person):
    pm = make_person(Role.PROJECT_MANAGER)
    first = services.organization_register(actor=pm, name="First", org_type="college", levels=["tvet"])
    second = services.organization_register(actor=pm, name="Second", org_type="college", levels=["tvet"])
    assert (first.iaar_id, second.iaar_id) == ("IAAR-000001", "IAAR-000002")
    assert first.history.count() == 1  # every change is kept; nothing is deleted


def test_bad_input_gets_field_messages_and_nothing_is_registered(client_as):
    client = client_as(Role.PROJECT_MANAGER)
    response = client.post(
        reverse("accreditation:organization_create"),
        {**VALID, "country": "Kazakhstan", "levels": ["kindergarten"], "website": "not a url at all"},
    )
    html = response.content.decode()
    assert "Give the two-letter country code" in html
    assert "Select a valid choice" in html
    assert "Enter a valid URL." in html
    assert not Organization.objects.exists()


def test_a_programme_code_is_unique_within_an_organization(client, make_person):
    pm = make_person(Role.PROJECT_MANAGER)
    org = services.organization_register(actor=pm, name="ETU", org_type="university", levels=["higher"])
    data = {"code": "6b06101", "name": "Information systems", "level": "bachelor", "languages": ["ru", "kk"]}
    client.force_login(pm)
    client.post(reverse("accreditation:programme_create", args=[org.pk]), data)
    response = client.post(reverse("accreditation:programme_create", args=[org.pk]), data)
    assert "already has a programme with the code 6B06101" in response.content.decode()
    assert org.programmes.get().code == "6B06101"


def test_an_eo_representative_sees_only_their_own_organization(client, make_person):
    pm = make_person(Role.PROJECT_MANAGER)
    own = services.organization_register(actor=pm, name="Own College", org_type="college", levels=["tvet"])
    other = services.organization_register(
        actor=pm, name="Rival College", org_type="college", levels=["tvet"]
    )
    rep = make_person(username="rep")
    services.representative_add(organization=own, actor=pm, user=rep)
    rep = type(rep).objects.get(pk=rep.pk)
    assert rep.groups.filter(name=Role.EO_REPRESENTATIVE).exists()
    client.force_login(rep)
    assert client.get(reverse("accreditation:organization_detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("accreditation:organization_detail", args=[other.pk])).status_code == 404
    html = client.get(reverse("accreditation:organization_list")).content.decode()
    assert "Own College" in html and "Rival College" not in html


def test_unknown_levels_are_refused_by_the_service(make_person):
    pm = make_person(Role.PROJECT_MANAGER)
    with pytest.raises(ValidationError, match="Unknown level"):
        services.organization_register(actor=pm, name="X", org_type="college", levels=["nursery"])
    assert not Organization.objects.exists()


def test_names_show_in_the_readers_language(client, make_person):
    pm = make_person(Role.PROJECT_MANAGER)
    org = services.organization_register(
        actor=pm, name="ETU", name_ru="ЕТУ", org_type="university", levels=[]
    )
    client.force_login(pm)
    client.post(reverse("set_language"), {"language": "ru", "next": "/"})
    assert "ЕТУ" in client.get(reverse("accreditation:organization_detail", args=[org.pk])).content.decode()
