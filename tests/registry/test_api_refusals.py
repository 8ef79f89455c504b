"""The API refuses what it cannot use with a 400 that says why, and says so in its schema."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("level=", "level"),
        ("format=", "format"),
        ("format=pdf", "format"),
        ("year=-1e-05", "year"),
        ("year=1999", "year"),
        ("country=KAZ", "country"),
        ("page=0", "page"),
        ("page=abc&format=csv", "page"),
        ("status=", "status"),
    ],
)
def test_a_bad_filter_is_refused_with_its_name_and_a_message(client, query, field):
    response = client.get(f"/api/v1/certificates/?{query}")
    assert response.status_code == 400, query
    assert response["Content-Type"].startswith("application/json")
    assert field in response.json() and response.json()[field][0]


def test_an_address_of_the_wrong_shape_is_a_json_404(client):
    for path in ("/api/v1/reports/a%0Ab/", "/api/v1/nothing/", "/api/v2/"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"], path


def test_the_schema_states_bounds_enums_and_the_refusals(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/certificates/"]["get"]
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert parameters["year"] == {"type": "integer", "minimum": 2000, "maximum": 2100}
    assert parameters["country"]["maxLength"] == 2 and parameters["country"]["minLength"] == 1
    assert parameters["page"]["minimum"] == 1
    assert set(operation["responses"]) >= {"200", "400", "404"}
    detail = schema["paths"]["/api/v1/certificates/{number}/"]["get"]["responses"]
    assert set(detail) >= {"200", "404"}


def test_single_records_are_rate_limited_like_the_certificate_check(client, settings, registry_world):
    settings.IAAR_VERIFY_LIMIT_PER_MINUTE = 3
    number = registry_world["college"].number
    answers = [client.get(f"/api/v1/certificates/{number}/").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    refused = client.get(f"/api/v1/certificates/{number}/")
    assert refused["Retry-After"] == "60" and refused.json()["detail"]
    assert client.get("/api/v1/certificates/").status_code == 200  # lists are cached, not limited
