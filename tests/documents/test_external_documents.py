"""The register of external documents (§3.1): registered and introduced, checked on schedule,
superseded by a new edition that keeps the old one."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import Notification, Process
from core.roles import Role
from documents import services
from documents.models import ExternalCheck, ExternalDocument
from tests.documents import records_world as world


@pytest.fixture
def cast(make_person):
    return {
        "qms": make_person(Role.QMS_OWNER, username="qms_x", language="en"),
        "legal": make_person(Role.LEGAL_HEAD, username="legal_x", language="en"),
        "staff": make_person(Role.STAFF, username="staff_x", language="en"),
        "other": make_person(Role.STAFF, username="other_x", language="en"),
    }


def _data(owner, **extra) -> dict:
    return {
        "title": "Law on Education",
        "issuer": "Parliament of the Republic of Kazakhstan",
        "number": "319-III",
        "edition": "2024",
        "edition_date": datetime.date(2024, 1, 1),
        "url": "https://adilet.zan.kz/rus/docs/Z070000319_",
        "owner": owner,
        "check_interval_months": 6,
        **extra,
    }


def test_the_keeper_registers_and_introduces_without_the_approval_route(cast, client):
    process = Process.objects.get(code="eec-formation")
    external = services.external_register(actor=cast["legal"], data=_data(cast["staff"]), processes=[process])
    assert external.status == "registered"
    assert external.next_check_on > timezone.localdate()
    client.force_login(cast["legal"])
    page = client.get(external.get_absolute_url()).content.decode()
    assert reverse("documents:external_introduce", args=[external.pk]) in page
    assert client.post(reverse("documents:external_introduce", args=[external.pk])).status_code == 302
    external.refresh_from_db()
    assert external.status == "introduced" and external.introduced_at
    assert list(external.processes.all()) == [process]


def test_staff_cannot_register_or_introduce(cast, client):
    with pytest.raises(PermissionDenied):
        services.external_register(actor=cast["staff"], data=_data(cast["staff"]))
    external = world.external(cast["qms"])
    client.force_login(cast["staff"])
    assert client.post(reverse("documents:external_introduce", args=[external.pk])).status_code == 403
    assert client.get(reverse("documents:external_create")).status_code == 403
    assert client.get(external.get_absolute_url()).status_code == 200


def test_no_new_edition_moves_the_next_check_by_one_interval(cast):
    external = world.external(cast["staff"], due=True)
    services.external_check(external=external, actor=cast["staff"], outcome="no_change", note="Site checked")
    external.refresh_from_db()
    assert external.next_check_on.year * 12 + external.next_check_on.month == (
        timezone.localdate().year * 12 + timezone.localdate().month + 12
    )
    assert external.checks.get().outcome == ExternalCheck.Outcome.NO_CHANGE


def test_a_new_edition_supersedes_the_previous_one_which_is_kept(cast, client):
    old = world.external(cast["staff"], due=True, status="introduced")
    client.force_login(cast["staff"])
    response = client.post(
        reverse("documents:external_check", args=[old.pk]),
        {"outcome": "new_edition", "edition": "2025", "edition_date": "2025-03-01", "note": "New ESG draft"},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    new = old.next_edition
    assert old.status == "superseded"
    assert new.edition == "2025" and new.status == "registered" and new.issuer == old.issuer
    assert new.editions() == [new, old]
    listed = client.get(reverse("documents:external_list")).content.decode()
    assert new.get_absolute_url() in listed and old.get_absolute_url() not in listed
    every = client.get(reverse("documents:external_list"), {"status": "all"}).content.decode()
    assert old.get_absolute_url() in every


def test_a_new_edition_needs_its_name_and_must_differ(cast, client):
    external = world.external(cast["staff"])
    with pytest.raises(ValidationError, match="Say which the new edition is"):
        services.external_check(external=external, actor=cast["staff"], outcome="new_edition", edition={})
    client.force_login(cast["staff"])
    response = client.post(
        reverse("documents:external_check", args=[external.pk]), {"outcome": "new_edition", "edition": "2015"}
    )
    assert response.status_code == 200
    assert "must differ" in response.content.decode()
    assert ExternalDocument.objects.count() == 1 and not ExternalCheck.objects.exists()


def test_only_the_owner_or_a_keeper_records_a_check(cast, client):
    external = world.external(cast["staff"])
    with pytest.raises(PermissionDenied):
        services.external_check(external=external, actor=cast["other"], outcome="no_change")
    client.force_login(cast["other"])
    assert client.get(reverse("documents:external_check", args=[external.pk])).status_code == 403
    services.external_check(external=external, actor=cast["qms"], outcome="no_change")


def test_the_owner_is_reminded_once_per_due_check(cast):
    external = world.external(cast["staff"], due=True)
    world.external(cast["other"], title="Not due")
    assert services.external_checks_remind() == 1
    assert services.external_checks_remind() == 0
    assert Notification.objects.filter(recipient=cast["staff"]).count() == 1
    assert not Notification.objects.filter(recipient=cast["other"]).exists()
    services.external_check(external=external, actor=cast["staff"], outcome="no_change")
    later = timezone.localdate() + datetime.timedelta(days=400)
    assert services.external_checks_remind(today=later) == 2


def test_the_register_filters_by_due_process_and_words(cast, client):
    due = world.external(cast["staff"], title="ESG 2015", due=True)
    other = world.external(cast["staff"], title="EQAR Procedures")
    process = Process.objects.get(code="eec-formation")
    other.processes.add(process)
    client.force_login(cast["staff"])
    url = reverse("documents:external_list")
    html = client.get(url, {"due": "on"}).content.decode()
    assert due.get_absolute_url() in html and other.get_absolute_url() not in html
    html = client.get(url, {"process": process.pk}).content.decode()
    assert other.get_absolute_url() in html and due.get_absolute_url() not in html
    html = client.get(url, {"q": "eqar"}).content.decode()
    assert other.get_absolute_url() in html and due.get_absolute_url() not in html
    assert client.get(url, {"process": "nonsense"}).status_code == 200


def test_a_future_edition_date_is_refused(cast):
    with pytest.raises(ValidationError, match="future"):
        services.external_register(
            actor=cast["qms"],
            data=_data(cast["qms"], edition_date=timezone.localdate() + datetime.timedelta(days=3)),
        )
    assert not ExternalDocument.objects.exists()


def test_the_owner_sees_a_due_check_among_their_tasks(cast, client):
    world.external(cast["staff"], title="EQAR Procedures", due=True)
    client.force_login(cast["staff"])
    assert "EQAR Procedures" in client.get(reverse("core:dashboard")).content.decode()
    client.force_login(cast["other"])
    assert "EQAR Procedures" not in client.get(reverse("core:dashboard")).content.decode()
