"""The second factor at sign-in (TOTP, django-otp): enrolment with a real code, the second step,
wrong codes refused and limited, backup codes once, required roles, an administrator's reset."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Notification, WorkflowEvent
from core.roles import Role
from core.second_factor import ENROLLED_EVENT, LOCKED_EVENT, RESET_EVENT, reset
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

VERIFY = reverse("core:second_factor_verify")
ENROL = reverse("core:second_factor_enrol")
DASHBOARD = reverse("core:dashboard")


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


def code_of(device: TOTPDevice) -> str:
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{number:0{device.digits}d}"


def sign_in(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def enrolled_person(make_person, role=Role.STAFF, username="enrolled"):
    person = make_person(role, username=username)
    device = TOTPDevice.objects.create(user=person, name="authenticator", confirmed=True)
    backup = StaticDevice.objects.create(user=person, name="backup", confirmed=True)
    backup.token_set.create(token="backup01")
    return person, device


def test_a_person_enrols_with_a_real_code_and_sees_ten_backup_codes_once(client, make_person):
    person = make_person(Role.STAFF, username="optional")
    sign_in(client, "optional")
    page = client.get(ENROL)
    assert page.status_code == 200 and b"<svg" in page.content
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    wrong = client.post(ENROL, {"code": "000000" if code_of(device) != "000000" else "111111"})
    assert "The code is not right" in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    device.throttle_reset()  # django-otp also slows down retries after a wrong code
    done = client.post(ENROL, {"code": code_of(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert WorkflowEvent.objects.filter(object_id=person.pk, action=ENROLLED_EVENT).exists()
    # Enrolled: the page does not offer a second enrolment (nor show the codes again).
    assert client.get(ENROL).url == reverse("core:profile")


def test_signing_in_with_a_device_asks_the_code_before_any_staff_page(client, make_person):
    _person, device = enrolled_person(make_person)
    response = sign_in(client, "enrolled")
    assert client.get(DASHBOARD).url.startswith(VERIFY)
    assert client.get(reverse("core:profile")).status_code == 302
    # The public pages stay public.
    assert client.get(reverse("robots")).status_code == 200
    response = client.post(VERIFY, {"code": code_of(device), "next": DASHBOARD})
    assert response.url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_a_wrong_code_is_refused_and_the_session_stays_unverified(client, make_person):
    _person, device = enrolled_person(make_person)
    sign_in(client, "enrolled")
    wrong = "000000" if code_of(device) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "The code is not right" in response.content.decode()
    assert client.get(DASHBOARD).url.startswith(VERIFY)


def test_wrong_codes_lock_the_second_step_and_are_on_the_timeline(client, make_person, settings):
    settings.IAAR_OTP_FAILURE_LIMIT = 3
    person, device = enrolled_person(make_person)
    sign_in(client, "enrolled")
    for attempt in range(3):
        response = client.post(VERIFY, {"code": f"99999{attempt}"})
    assert "Too many wrong codes" in response.content.decode()
    assert WorkflowEvent.objects.filter(object_id=person.pk, action=LOCKED_EVENT).exists()
    # Even the right code is refused while locked: six digits cannot be tried through.
    device.throttle_reset()
    locked = client.post(VERIFY, {"code": code_of(device)})
    assert "Too many wrong codes" in locked.content.decode()
    assert client.get(DASHBOARD).url.startswith(VERIFY)


def test_a_lockout_is_told_to_the_person_and_the_iqas_owner_once(
    client, make_person, settings, django_capture_on_commit_callbacks, mailoutbox
):
    """As a signing lockout is (core.lockouts): a notification in the portal and by e-mail."""
    settings.IAAR_OTP_FAILURE_LIMIT = 3
    owner = make_person(Role.QMS_OWNER, username="iqas_owner", email="owner@iaar.test")
    person, _device = enrolled_person(make_person)
    sign_in(client, "enrolled")
    with django_capture_on_commit_callbacks(execute=True):
        for attempt in range(4):  # the fourth is refused as locked: told once
            client.post(VERIFY, {"code": f"99999{attempt}"}, REMOTE_ADDR="203.0.113.9")
    told = Notification.objects.filter(subject__startswith="Second step of sign-in locked for")
    assert sorted(told.values_list("recipient__username", flat=True)) == ["enrolled", "iqas_owner"]
    (note,) = told.filter(recipient=owner)
    assert note.params["person"] == str(person) and note.body_params["address"] == "203.0.113.9"
    assert WorkflowEvent.objects.filter(object_id=person.pk, action=LOCKED_EVENT).count() == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted([person.email, "owner@iaar.test"])
    assert all("203.0.113.9" in m.body and "3 wrong codes" in m.subject for m in mailoutbox)
    # The owner reads it in the portal.
    client.force_login(owner)
    page = client.get(reverse("core:notifications")).content.decode()
    assert f"Second step of sign-in locked for {person}" in page


def test_a_backup_code_works_once(client, make_person):
    enrolled_person(make_person)
    sign_in(client, "enrolled")
    assert client.post(VERIFY, {"code": "backup01"}).url == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    client.post(reverse("logout"))
    sign_in(client, "enrolled")
    again = client.post(VERIFY, {"code": "backup01"})
    assert again.status_code == 200 and "The code is not right" in again.content.decode()


def test_a_required_role_without_a_device_is_sent_to_enrolment(client, make_person, settings):
    settings.IAAR_OTP_REQUIRED_ROLES = ["director", "admin"]
    make_person(Role.DIRECTOR, username="director")
    sign_in(client, "director")
    assert client.get(DASHBOARD).url.startswith(ENROL)
    assert client.get(VERIFY).url == ENROL
    assert client.get(ENROL).status_code == 200


def test_a_superuser_is_required_when_admin_is_listed(client, make_person, settings):
    settings.IAAR_OTP_REQUIRED_ROLES = ["admin"]
    person = make_person(Role.STAFF, username="root")
    person.is_superuser = True
    person.save()
    sign_in(client, "root")
    assert client.get(DASHBOARD).url.startswith(ENROL)


def test_an_optional_person_without_a_device_goes_straight_in(client, make_person, settings):
    settings.IAAR_OTP_REQUIRED_ROLES = ["director"]
    make_person(Role.STAFF, username="staff")
    sign_in(client, "staff")
    assert client.get(DASHBOARD).status_code == 200
    assert "Set up the second factor" in client.get(reverse("core:profile")).content.decode()


def test_removing_asks_the_password_and_a_code(client, make_person):
    person, device = enrolled_person(make_person)
    sign_in(client, "enrolled")
    client.post(VERIFY, {"code": "backup01"})
    remove = reverse("core:second_factor_remove")
    refused = client.post(remove, {"password": "wrong", "code": code_of(device)})
    assert "The password is not right" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=person).exists()
    removed = client.post(remove, {"password": PASSWORD, "code": code_of(device)})
    assert removed.status_code == 302, removed.content.decode()[-3000:]
    assert removed.url == reverse("core:profile")
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert not StaticDevice.objects.filter(user=person).exists()


def test_an_administrator_resets_a_second_factor(client, make_person, admin_client):
    person, _device = enrolled_person(make_person)
    admin = make_person(Role.STAFF, username="boss")
    reset(person, admin=admin)
    assert not TOTPDevice.objects.filter(user=person).exists()
    event = WorkflowEvent.objects.get(object_id=person.pk, action=RESET_EVENT)
    assert event.actor == admin
    sign_in(client, "enrolled")
    assert client.get(DASHBOARD).status_code == 200  # optional, no device: straight in


def test_the_admin_action_resets(admin_client, make_person):
    person, _device = enrolled_person(make_person)
    response = admin_client.post(
        reverse("admin:core_user_changelist"),
        {"action": "second_factor_reset", "_selected_action": [person.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert WorkflowEvent.objects.filter(object_id=person.pk, action=RESET_EVENT).exists()


def _roles_from_environment(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "IAAR_OTP_REQUIRED_ROLES"}
    script = "import django; django.setup(); from django.conf import settings; print(settings.IAAR_OTP_REQUIRED_ROLES)"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env={**clean, "DJANGO_SETTINGS_MODULE": "iaar_qms.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_required_roles_come_from_the_environment():
    assert _roles_from_environment(IAAR_OTP_REQUIRED_ROLES="director,admin") == "['director', 'admin']"
    assert _roles_from_environment() == "[]"  # empty by default: the demo signs in without a code
