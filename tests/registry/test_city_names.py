"""A city typed in any script finds its organizations: "Астана", "астана", "Astana" and the
old "Нур-Султан" are one place, and each reader sees its name in their own language."""

import pytest

from accreditation.models import Organization


@pytest.fixture
def college(registry_world):
    return registry_world["college"]


def _numbers(client, city):
    answer = client.get("/api/v1/certificates/", {"city": city})
    assert answer.status_code == 200
    return sorted(row["number"] for row in answer.json()["results"])


def test_a_city_in_any_script_finds_the_same_certificates(client, college):
    found = _numbers(client, "Astana")
    assert college.number in found
    for typed in ("Астана", "астана", "ASTANA", " Astana ", "Нур-Султан", "Nur-Sultan"):
        assert _numbers(client, typed) == found, typed
    assert _numbers(client, "Бишкек") == []


def test_institutions_are_found_by_a_city_in_any_script(client, college):
    by_latin = client.get("/api/v1/institutions/", {"city": "Astana"}).json()["count"]
    assert by_latin >= 1
    assert client.get("/api/v1/institutions/", {"city": "Астана"}).json()["count"] == by_latin


def test_the_registry_page_finds_by_the_russian_name(client, college):
    page = client.get("/registry/", {"city": "Астана", "status": "all"}, HTTP_ACCEPT_LANGUAGE="ru")
    latin = client.get("/registry/", {"city": "Astana", "status": "all"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert page.status_code == latin.status_code == 200
    assert (college.number in page.content.decode()) == (college.number in latin.content.decode())


def test_each_reader_sees_the_city_in_their_language(client, college):
    organization = college.organization
    assert (organization.city_ru, organization.city_kk, organization.city_en) == (
        "Астана",
        "Астана",
        "Astana",
    )
    url = f"/registry/organizations/{organization.iaar_id}/"
    assert "Астана" in client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()


def test_moving_an_organization_to_another_known_city_replaces_its_names(college):
    organization = Organization.objects.get(pk=college.organization_id)
    organization.city = "Бишкек"
    organization.save()
    organization.refresh_from_db()
    assert (organization.city_ru, organization.city_kk, organization.city_en) == (
        "Бишкек",
        "Бішкек",
        "Bishkek",
    )
    assert "|bishkek|" in organization.city_search and "|astana|" not in organization.city_search
    organization.city = "Kant"
    organization.save()
    organization.refresh_from_db()
    assert (organization.city_ru, organization.city_en) == ("", "")
    assert organization.city_search == "|kant|"
