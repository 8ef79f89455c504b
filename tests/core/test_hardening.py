"""The client's address comes from a trusted proxy only; idle sessions end; passwords are not
built from names."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.middleware import IDLE_KEY, client_address
from core.roles import Role

pytestmark = pytest.mark.django_db


def test_the_forwarded_address_counts_only_from_a_trusted_proxy(settings):
    settings.IAAR_TRUSTED_PROXIES = ["10.0.0.0/24"]
    forwarded = "203.0.113.7, 10.0.0.9"
    via_proxy = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address(via_proxy) == "203.0.113.7"
    spoofed = {"REMOTE_ADDR": "198.51.100.3", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert client_address(spoofed) == "198.51.100.3"  # not a proxy of ours: its header is ignored
    # A client who adds its own header in front of the proxy's cannot choose its address.
    lying = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    assert client_address(lying) == "203.0.113.7"
    assert client_address({"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "garbage"}) == "10.0.0.5"


def test_behind_the_proxy_one_visitors_failures_do_not_lock_out_another(client, make_person, settings):
    settings.IAAR_TRUSTED_PROXIES = ["10.0.0.5"]
    make_person(Role.DIRECTOR, username="director")
    attacker = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "director", "password": "wrong"}, **attacker)
    locked = client.post(reverse("login"), {"username": "director", "password": "wrong"}, **attacker)
    assert locked.status_code == 429
    from tests.factories import PASSWORD

    director = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    signed_in = client.post(reverse("login"), {"username": "director", "password": PASSWORD}, **director)
    assert signed_in.status_code == 302 and "_auth_user_id" in client.session


def test_an_idle_session_ends_with_a_message_and_an_active_one_goes_on(client_as, settings):
    settings.IAAR_IDLE_TIMEOUT_MINUTES = 30
    client = client_as(Role.STAFF)
    assert client.get(reverse("core:dashboard")).status_code == 200
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 29 * 60  # active 29 minutes ago
    session.save()
    assert client.get(reverse("core:dashboard")).status_code == 200
    session = client.session
    session[IDLE_KEY] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(reverse("core:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "signed out after 30 minutes without activity" in page


def test_pages_tell_the_browser_when_to_warn(client_as, settings):
    settings.IAAR_IDLE_TIMEOUT_MINUTES = 30
    html = client_as(Role.STAFF).get(reverse("core:dashboard")).content.decode()
    assert 'data-idle-seconds="1800"' in html and "Stay signed in" in html


@pytest.mark.parametrize("password", ["staffstaff", "iaar-demo1", "short-Pa55", "staff-2026-autumn"])
def test_weak_passwords_are_refused(password, make_person):
    user = make_person(Role.STAFF, username="staff")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unrelated_passphrase_is_accepted(make_person):
    user = make_person(Role.STAFF, username="staff")
    validate_password("river-lantern-7-meadow", user)
