from django.test import RequestFactory

from core.roles import Role
from core.views import error_500


def test_a_missing_page_explains_itself_and_offers_a_way_back(client_as):
    client = client_as(Role.STAFF)
    response = client.get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and "Back to my tasks" in html


def test_a_forbidden_page_says_why_and_what_to_do(client_as):
    client = client_as(Role.STAFF)
    response = client.get("/roles/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Access denied" in html and "ask the portal administrator" in html


def test_the_server_error_page_renders_without_the_database(db):
    response = error_500(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Nothing you entered was lost" in html
