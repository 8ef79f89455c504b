import re

from django.core import mail
from django.urls import reverse

from core.roles import Role


def test_login_with_the_right_password_opens_the_dashboard(client, make_person, password):
    make_person(Role.STAFF, username="asel")
    response = client.post(reverse("login"), {"username": "asel", "password": password}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("core:dashboard")
    assert response.context["user"].username == "asel"


def test_wrong_password_says_so_and_does_not_sign_in(client, make_person):
    make_person(Role.STAFF, username="asel")
    response = client.post(reverse("login"), {"username": "asel", "password": "nope"})
    assert response.status_code == 200
    assert "The username or password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, make_person, password):
    make_person(Role.STAFF, username="asel")
    for _ in range(3):  # AXES_FAILURE_LIMIT in test settings
        client.post(reverse("login"), {"username": "asel", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "asel", "password": password})
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_lets_the_person_choose_a_new_password(client, make_person):
    person = make_person(Role.STAFF, username="asel", email="asel@example.org")
    response = client.post(reverse("password_reset"), {"email": "asel@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    new = "a-brand-new-Passw0rd"
    done = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new)


def test_password_change_refuses_a_weak_password_with_a_clear_message(client_as, password):
    client = client_as(Role.STAFF)
    response = client.post(
        reverse("password_change"),
        {"old_password": password, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    client.user.refresh_from_db()
    assert client.user.check_password(password)


def test_logout_is_a_post_and_ends_the_session(client_as):
    client = client_as(Role.STAFF)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 302
