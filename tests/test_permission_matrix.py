"""Every role against every view: allowed → the page, denied → 403 (or the login page).

The URL list is read from the URLconf and each view's own access declaration, so a new
view joins the matrix by itself, and a view that declares no rule fails here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.access import PUBLIC, SIGNED_IN, view_access_rule
from core.models import Notification
from core.roles import ROLE_PERMISSIONS, Role
from improvement.models import Nonconformity
from tests.factories import NonconformityFactory, UserFactory

ANONYMOUS = "anonymous"
NO_ROLE = "no_role"
PERSONAS = [ANONYMOUS, NO_ROLE, *[r.value for r in Role]]

# Views that only accept POST: the matrix posts to them.
POST_ONLY = {
    "core:notification_read",
    "core:notification_read_all",
    "improvement:transition",
    "logout",
}

# Where an object is involved, the object's own rule applies on top of the URL's rule;
# a person who may not see the object gets 404, as if it did not exist.
OBJECT_RULES = {
    "improvement:detail": "improvement.view_all_nonconformities",
    "improvement:transition": "improvement.view_all_nonconformities",
}


def _walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


VIEWS = dict(_walk(get_resolver().url_patterns))


def _kwargs(name: str, person) -> dict:
    if name in ("improvement:detail", "improvement:transition"):
        raiser = UserFactory(username="matrix_raiser")
        return {"pk": NonconformityFactory(raised_by=raiser).pk}
    if name == "core:notification_read":
        owner = person if person is not None else UserFactory(username="matrix_reader")
        return {"pk": Notification.objects.create(recipient=owner, subject="Hello").pk}
    if name == "password_reset_confirm":
        return {"uidb64": "MQ", "token": "set-password"}
    return {}


def _post_data(name: str) -> dict:
    if name == "improvement:transition":
        return {"target": Nonconformity.Status.UNDER_ANALYSIS}
    return {}


def _expected(name: str, persona: str) -> bool:
    rule = view_access_rule(VIEWS[name])
    if rule == PUBLIC:
        return True
    if persona == ANONYMOUS:
        return False
    held = set() if persona == NO_ROLE else ROLE_PERMISSIONS[Role(persona)]
    if rule != SIGNED_IN and rule not in held:
        return False
    object_rule = OBJECT_RULES.get(name)
    return object_rule is None or object_rule in held


def test_every_view_declares_its_access_rule():
    undeclared = sorted(name for name, callback in VIEWS.items() if not view_access_rule(callback))
    assert undeclared == []


def test_post_only_views_refuse_get(admin_client):
    for name in POST_ONLY:
        url = reverse(name, kwargs=_kwargs(name, None))
        assert admin_client.get(url).status_code == 405, name


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_permission_matrix(name, persona, client, make_person):
    person = None
    if persona != ANONYMOUS:
        person = make_person(*([] if persona == NO_ROLE else [persona]), username=f"m_{persona}")
        client.force_login(person)
    url = reverse(name, kwargs=_kwargs(name, person))
    if name in POST_ONLY:
        response = client.post(url, _post_data(name))
    else:
        response = client.get(url)
    login_url = reverse("login")

    if _expected(name, persona):
        assert response.status_code in (200, 302), (name, persona, response.status_code)
        if response.status_code == 302:
            assert not response["Location"].startswith(login_url), (name, persona)
    elif persona == ANONYMOUS:
        assert response.status_code == 302, (name, persona, response.status_code)
        assert response["Location"].startswith(login_url), (name, persona)
    else:
        expected = 404 if OBJECT_RULES.get(name) and view_access_rule(VIEWS[name]) in (
            set() if persona == NO_ROLE else ROLE_PERMISSIONS[Role(persona)]
        ) else 403
        assert response.status_code == expected, (name, persona, response.status_code)


def test_every_role_sees_only_menu_entries_it_may_open(client, make_person):
    from core.navigation import MENU

    for role in Role:
        person = make_person(role, username=f"menu_{role.value}")
        client.force_login(person)
        html = client.get(reverse("core:dashboard")).content.decode()
        for item in MENU:
            allowed = item.rule == SIGNED_IN or item.rule in ROLE_PERMISSIONS[role]
            assert (f'href="{reverse(item.url_name)}"' in html) == allowed, (role, item.url_name)
