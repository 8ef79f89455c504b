"""Roles and process owners by the Director General's order (§4.5): the IQAS owner drafts, the
Director General signs with the password; signing gives the order its number and date and its
clauses take effect; the person's page and the process say "by order № … of …"; an edit in the
administration still works and is marked as not by order."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from core.models import Process, WorkflowEvent
from core.permissions import user_roles
from core.roles import Role
from governance.models import DirectorOrder, OrderLine, OrderSignature
from governance.selectors import orders as selectors
from governance.services import orders as services
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
OS = DirectorOrder.Status
GRANT, REVOKE = OrderLine.Action.GRANT, OrderLine.Action.REVOKE


@pytest.fixture
def process():
    return Process.objects.create(code="order-test", name="Order test process", group="management")


@pytest.fixture
def newcomer(make_person):
    return make_person(Role.STAFF, username="newcomer", first_name="Жанар", last_name="Абдыкадырова")


@pytest.fixture
def order(qms_owner, newcomer, process):
    order = services.order_create(actor=qms_owner, title="О назначении", grounds="Руководство, §4.5")
    services.order_line_add(order=order, actor=qms_owner, person=newcomer, action=GRANT, role=Role.AUDITOR)
    services.order_line_add(order=order, actor=qms_owner, person=newcomer, action=GRANT, process=process)
    return order


def test_the_director_signs_and_the_clauses_take_effect(order, director, newcomer, process):
    signed = services.order_sign(order=order, actor=director, password=PASSWORD)
    assert signed.status == OS.SIGNED and signed.number.endswith("/001") and signed.dated
    assert Role.AUDITOR in user_roles(newcomer)
    process.refresh_from_db()
    assert process.owner == newcomer
    assert f"by order № {signed.number}" in process.history.first().history_change_reason
    assert OrderSignature.objects.get(order=order).signer == director
    role_event = WorkflowEvent.objects.get(object_id=newcomer.pk, action__startswith="Role")
    assert role_event.params["number"] == signed.number
    basis = {str(row["label"]): row["basis"] for row in selectors.person_basis(newcomer)}
    assert basis[str(Role.AUDITOR.label)].by_order and basis[str(process)].line.order == signed
    assert not basis[str(Role.STAFF.label)].by_order  # given by the administrator, not by order


def test_orders_are_numbered_in_sequence_and_a_later_order_revokes(order, director, qms_owner, newcomer):
    services.order_sign(order=order, actor=director, password=PASSWORD)
    second = services.order_create(actor=qms_owner, title="Об освобождении")
    services.order_line_add(order=second, actor=qms_owner, person=newcomer, action=REVOKE, role=Role.AUDITOR)
    second = services.order_sign(order=second, actor=director, password=PASSWORD)
    assert second.number.endswith("/002")
    assert Role.AUDITOR not in user_roles(newcomer)


def test_a_wrong_password_signs_nothing_and_changes_nothing(order, director, newcomer, process):
    with pytest.raises(ValidationError, match="password is not right"):
        services.order_sign(order=order, actor=director, password="wrong")
    order.refresh_from_db()
    process.refresh_from_db()
    assert order.status == OS.DRAFT and not order.number
    assert Role.AUDITOR not in user_roles(newcomer) and process.owner is None
    assert not OrderSignature.objects.exists()


def test_signing_locks_after_too_many_wrong_passwords(order, director, settings):
    settings.IAAR_SIGNING_FAILURE_LIMIT = 2
    for _attempt in range(2):
        with pytest.raises(ValidationError):
            services.order_sign(order=order, actor=director, password="wrong")
    with pytest.raises(ValidationError, match="locked"):
        services.order_sign(order=order, actor=director, password=PASSWORD)
    order.refresh_from_db()
    assert order.status == OS.DRAFT


def test_only_the_director_general_signs(order, qms_owner, newcomer):
    with pytest.raises(PermissionDenied):
        services.order_sign(order=order, actor=qms_owner, password=PASSWORD)
    order.refresh_from_db()
    assert order.status == OS.DRAFT and Role.AUDITOR not in user_roles(newcomer)


def test_only_the_iqas_owner_drafts(director):
    with pytest.raises(PermissionDenied):
        services.order_create(actor=director, title="Сам себе")
    assert not DirectorOrder.objects.exists()


def test_a_clause_naming_an_inactive_or_unknown_person_is_refused(qms_owner, make_person):
    order = services.order_create(actor=qms_owner, title="О назначении")
    gone = make_person(Role.STAFF, username="gone", is_active=False)
    with pytest.raises(ValidationError, match="inactive"):
        services.order_line_add(order=order, actor=qms_owner, person=gone, action=GRANT, role=Role.AUDITOR)
    with pytest.raises(ValidationError, match="not known"):
        services.order_line_add(order=order, actor=qms_owner, person=None, action=GRANT, role=Role.AUDITOR)
    assert not order.lines.exists()


def test_a_clause_that_changes_nothing_is_refused(qms_owner, newcomer, process):
    order = services.order_create(actor=qms_owner, title="О назначении")
    with pytest.raises(ValidationError, match="already holds"):
        services.order_line_add(order=order, actor=qms_owner, person=newcomer, action=GRANT, role=Role.STAFF)
    with pytest.raises(ValidationError, match="not the owner"):
        services.order_line_add(order=order, actor=qms_owner, person=newcomer, action=REVOKE, process=process)
    assert not order.lines.exists()


def test_a_person_deactivated_after_drafting_stops_the_signature(order, director, newcomer):
    newcomer.is_active = False
    newcomer.save()
    with pytest.raises(ValidationError, match="Clause 1"):
        services.order_sign(order=order, actor=director, password=PASSWORD)
    assert DirectorOrder.objects.get().status == OS.DRAFT


def test_an_empty_order_is_not_signed(qms_owner, director):
    order = services.order_create(actor=qms_owner, title="Пустой")
    with pytest.raises(ValidationError, match="no clauses"):
        services.order_sign(order=order, actor=director, password=PASSWORD)


def test_a_signed_order_is_never_changed(order, director, qms_owner, newcomer):
    services.order_sign(order=order, actor=director, password=PASSWORD)
    with pytest.raises(ValidationError, match="no longer a draft"):
        services.order_line_add(
            order=order, actor=qms_owner, person=newcomer, action=GRANT, role=Role.COORDINATOR
        )


def test_the_pages_draft_and_sign_an_order(client, qms_owner, director, newcomer, process):
    client.force_login(qms_owner)
    response = client.post(reverse("governance:order_create"), {"title": "О назначении", "grounds": ""})
    order = DirectorOrder.objects.get()
    assert response.url == order.get_absolute_url()
    client.post(
        reverse("governance:order_line_add", args=[order.pk]),
        {"person": newcomer.pk, "subject": f"process:{process.pk}", "action": GRANT},
    )
    response = client.post(
        reverse("governance:order_line_add", args=[order.pk]),
        {"person": 999999, "subject": f"role:{Role.AUDITOR}", "action": GRANT},
    )
    assert response.status_code == 200 and order.lines.count() == 1
    html = client.get(order.get_absolute_url()).content.decode()
    assert "Order test process" in html and "Sign the order" not in html
    client.force_login(director)
    html = client.get(order.get_absolute_url()).content.decode()
    assert reverse("governance:order_sign", args=[order.pk]) in html
    response = client.post(reverse("governance:order_sign", args=[order.pk]), {"password": "wrong"})
    assert response.status_code == 200 and "password is not right" in response.content.decode()
    client.post(reverse("governance:order_sign", args=[order.pk]), {"password": PASSWORD})
    order.refresh_from_db()
    assert order.status == OS.SIGNED
    html = client.get(reverse("governance:responsibility_matrix")).content.decode()
    assert f"by order № {order.number}" in html
    html = client.get(reverse("governance:person_assignments", args=[newcomer.pk])).content.decode()
    assert f"by order № {order.number}" in html


def test_the_iqas_owner_cannot_open_the_signature(client, order, qms_owner):
    client.force_login(qms_owner)
    assert client.get(reverse("governance:order_sign", args=[order.pk])).status_code == 403
    assert (
        client.post(reverse("governance:order_sign", args=[order.pk]), {"password": PASSWORD}).status_code
        == 403
    )
    assert DirectorOrder.objects.get().status == OS.DRAFT


def test_a_process_owner_changed_in_the_admin_is_marked_not_by_order(admin_client, process, newcomer):
    url = reverse("admin:core_process_change", args=[process.pk])
    response = admin_client.post(
        url, {"code": process.code, "name": process.name, "group": process.group, "owner": newcomer.pk}
    )
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.owner == newcomer
    assert "not by order" in process.history.first().history_change_reason
    row = next(r for r in selectors.process_owners() if r["process"] == process)
    assert not row["basis"].by_order and row["basis"].admin_event is not None


def test_roles_changed_in_the_admin_leave_a_mark_on_the_person(admin_client, roles):
    person = UserFactory(username="adminmade")
    from django.contrib.auth.models import Group

    auditors = Group.objects.get(name=Role.AUDITOR)
    data = {
        "username": person.username,
        "groups": [auditors.pk],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "language": "ru",
        "is_active": "on",
    }
    response = admin_client.post(reverse("admin:core_user_change", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = WorkflowEvent.objects.get(object_id=person.pk, action__startswith="Changed in the administration")
    assert "Internal audit" in event.params["added"]


def test_the_director_general_sees_the_draft_to_sign_among_the_tasks(client, order, director):
    client.force_login(director)
    html = client.get(reverse("core:dashboard")).content.decode()
    assert order.get_absolute_url() in html and "Sign the order" in html
