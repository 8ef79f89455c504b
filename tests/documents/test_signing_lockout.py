"""Wrong signing passwords are limited: the fifth in a row locks signing for the cool-off, even
with the right password; the signer and the IQAS owner are told; the lockout is on the signer's
timeline, though each refusal rolled its transaction back."""

import pytest
from django.urls import reverse

from core.models import Notification, WorkflowEvent
from documents import services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def awaiting(people, draft):
    """The draft agreed by its reviewer, waiting for the Director General's signature."""
    version = draft.versions.get()
    services.version_submit(version=version, actor=people["owner"], reviewers=[people["reviewer"]])
    services.step_decide(
        step=version.steps.get(), actor=people["reviewer"], decision="agreed", password=PASSWORD
    )
    return draft, version


def test_five_wrong_signing_passwords_lock_signing_and_tell_the_iqas_owner(
    client, people, awaiting, settings
):
    settings.IAAR_SIGNING_FAILURE_LIMIT = 5
    director = people["director"]
    document, version = awaiting
    client.force_login(director)
    url = reverse("documents:approve", args=[document.pk, version.pk])

    def sign(password):
        return client.post(
            url, {"password": password, "effective_from": "2030-01-01", "ack_days": 14}
        ).content.decode()

    for _ in range(4):
        assert "The password is not right; nothing was signed." in sign("wrong")
    assert "Signing is now locked for 30 minutes" in sign("wrong")
    assert "Signing is locked for 30 minutes" in sign(PASSWORD)  # even the right one
    version.refresh_from_db()
    assert version.status == "awaiting_approval"
    assert (
        WorkflowEvent.objects.filter(object_id=director.pk, action__startswith="Signing locked").count() == 1
    )
    told = Notification.objects.filter(subject__startswith="Signing locked for %(person)s")
    assert set(told.values_list("recipient__username", flat=True)) == {director.username, "qms"}


def test_a_right_password_resets_the_count(client, people, awaiting, settings):
    settings.IAAR_SIGNING_FAILURE_LIMIT = 3
    director = people["director"]
    document, version = awaiting
    client.force_login(director)
    url = reverse("documents:approve", args=[document.pk, version.pk])
    from core import signing_guard

    for _ in range(2):
        client.post(url, {"password": "wrong", "effective_from": "2030-01-01", "ack_days": 14})
    assert signing_guard.failure_count(director) == 2
    client.post(url, {"password": PASSWORD, "effective_from": "2030-01-01", "ack_days": 14})
    version.refresh_from_db()
    assert version.status in ("approved", "effective")
    assert signing_guard.failure_count(director) == 0
