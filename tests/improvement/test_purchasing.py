"""Purchasing (§6.4): the list of evaluated suppliers, the register of contracts and the incoming
inspection whose nonconforming deliveries raise nonconformities (KPI 5)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import Process, WorkflowEvent
from improvement import selectors
from improvement.models import IncomingInspection, Nonconformity, PurchaseContract, Supplier
from improvement.services import purchasing

TODAY = datetime.date.today
DAY = datetime.timedelta(days=1)


def _supplier(actor, name="Polygraph Service LLP", **fields) -> Supplier:
    fields.setdefault("supplies", "Printing of certificates")
    return purchasing.supplier_record(actor=actor, name=name, **fields)


def _contract(actor, supplier, number="PC-1", signed_on=None, **fields) -> PurchaseContract:
    return purchasing.contract_record(
        actor=actor,
        supplier=supplier,
        number=number,
        subject=fields.pop("subject", "Certificate blanks"),
        signed_on=signed_on or timezone.localdate() - 30 * DAY,
        **fields,
    )


def _inspect(actor, contract, **fields) -> IncomingInspection:
    fields.setdefault("received_on", timezone.localdate() - DAY)
    fields.setdefault("item", "500 certificate blanks")
    fields.setdefault("result", IncomingInspection.Result.CONFORMING)
    return purchasing.inspection_record(actor=actor, contract=contract, **fields)


def _refused(call, field=None) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    if field is not None:
        assert field in caught.value.message_dict, caught.value
    return caught.value


# Suppliers ----------------------------------------------------------------------------------


def test_qms_adds_a_supplier_approved_by_default(qms_owner):
    supplier = _supplier(qms_owner, contact="order@polygraph.kz", requirements="Security paper")

    supplier.refresh_from_db()
    assert supplier.status == Supplier.Status.APPROVED
    assert supplier.created_by == qms_owner
    assert supplier.requirements == "Security paper"
    event = WorkflowEvent.objects.get(object_id=supplier.pk, content_type__model="supplier")
    assert event.action == "Added to the list of suppliers"
    assert event.actor == qms_owner


def test_staff_cannot_keep_suppliers(qms_owner, staff_member):
    with pytest.raises(PermissionDenied):
        _supplier(staff_member)
    supplier = _supplier(qms_owner)
    with pytest.raises(PermissionDenied):
        purchasing.supplier_update(supplier=supplier, actor=staff_member, status=Supplier.Status.EXCLUDED)
    with pytest.raises(PermissionDenied):
        _contract(staff_member, supplier)
    contract = _contract(qms_owner, supplier)
    with pytest.raises(PermissionDenied):
        _inspect(staff_member, contract)
    assert Supplier.objects.get().status == Supplier.Status.APPROVED
    assert not IncomingInspection.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "  "}, "name"),
        ({"supplies": ""}, "supplies"),
        ({"status": "blacklisted"}, "status"),
        ({"evaluated_on": "tomorrow"}, "evaluated_on"),
        ({"status": "conditional", "evaluated_on": "today", "evaluation": " "}, "evaluation"),
        ({"status": "excluded", "evaluated_on": "today", "evaluation": ""}, "evaluation"),
        ({"status": "excluded", "evaluation": "Late twice"}, "evaluated_on"),
        ({"name": "x" * 301}, "name"),
    ],
)
def test_a_supplier_with_bad_details_is_refused(qms_owner, fields, field):
    dates = {"today": timezone.localdate(), "tomorrow": timezone.localdate() + DAY}
    fields = {k: dates.get(v, v) if k == "evaluated_on" else v for k, v in fields.items()}
    _refused(lambda: _supplier(qms_owner, **{"name": "Lingua Pro", **fields}), field)
    assert not Supplier.objects.exists()
    assert not WorkflowEvent.objects.exists()


def test_a_second_supplier_with_the_same_name_is_refused(qms_owner):
    _supplier(qms_owner, name="Lingua Pro")
    error = _refused(lambda: _supplier(qms_owner, name="lingua pro"), "name")
    assert "already on the list" in error.message_dict["name"][0]
    assert Supplier.objects.count() == 1


def test_qms_evaluates_a_supplier_with_conditions(qms_owner):
    supplier = _supplier(qms_owner)
    purchasing.supplier_update(
        supplier=supplier,
        actor=qms_owner,
        status=Supplier.Status.CONDITIONAL,
        evaluated_on=timezone.localdate(),
        evaluation="Duplicated serial numbers; every batch must come with a checked list.",
    )

    supplier.refresh_from_db()
    assert supplier.status == Supplier.Status.CONDITIONAL
    assert supplier.evaluated_on == timezone.localdate()
    assert supplier.name == "Polygraph Service LLP"
    event = WorkflowEvent.objects.filter(object_id=supplier.pk, content_type__model="supplier").last()
    assert (event.action, event.from_state, event.to_state) == ("Evaluated", "approved", "conditional")
    assert "checked list" in event.comment
    assert supplier.history.count() == 2


def test_a_refused_evaluation_changes_nothing(qms_owner):
    supplier = _supplier(qms_owner)
    _refused(
        lambda: purchasing.supplier_update(
            supplier=supplier, actor=qms_owner, status=Supplier.Status.EXCLUDED
        ),
        "evaluation",
    )
    _refused(
        lambda: purchasing.supplier_update(
            supplier=supplier, actor=qms_owner, evaluated_on=timezone.localdate() + DAY
        ),
        "evaluated_on",
    )
    supplier.refresh_from_db()
    assert supplier.status == Supplier.Status.APPROVED
    assert supplier.evaluated_on is None
    assert WorkflowEvent.objects.filter(content_type__model="supplier").count() == 1


def test_renaming_to_another_suppliers_name_is_refused(qms_owner):
    _supplier(qms_owner, name="Lingua Pro")
    other = _supplier(qms_owner, name="Steppe Cloud")
    _refused(lambda: purchasing.supplier_update(supplier=other, actor=qms_owner, name="Lingua Pro"), "name")
    # Saving a supplier under its own name is no conflict.
    purchasing.supplier_update(supplier=other, actor=qms_owner, name="Steppe Cloud", contact="24/7 line")
    other.refresh_from_db()
    assert (other.name, other.contact) == ("Steppe Cloud", "24/7 line")


# Contracts ----------------------------------------------------------------------------------


def test_qms_registers_a_contract(qms_owner):
    supplier = _supplier(qms_owner)
    signed = timezone.localdate() - 10 * DAY
    contract = _contract(qms_owner, supplier, number=" PC-2026-01 ", signed_on=signed, valid_until=signed)

    contract.refresh_from_db()
    assert (contract.number, contract.supplier, contract.created_by) == ("PC-2026-01", supplier, qms_owner)
    events = WorkflowEvent.objects.filter(object_id=supplier.pk, content_type__model="supplier")
    assert events.last().params == {"number": "PC-2026-01"}


def test_no_contract_with_an_excluded_supplier(qms_owner):
    supplier = _supplier(qms_owner)
    purchasing.supplier_update(
        supplier=supplier,
        actor=qms_owner,
        status=Supplier.Status.EXCLUDED,
        evaluated_on=timezone.localdate(),
        evaluation="Two batches with errors.",
    )
    error = _refused(lambda: _contract(qms_owner, supplier))
    assert "excluded" in " ".join(error.messages)
    assert not PurchaseContract.objects.exists()


def test_a_supplier_approved_with_conditions_may_still_sign(qms_owner):
    supplier = _supplier(
        qms_owner,
        status=Supplier.Status.CONDITIONAL,
        evaluated_on=timezone.localdate(),
        evaluation="On watch",
    )
    assert _contract(qms_owner, supplier).supplier == supplier


def test_a_duplicate_contract_number_is_refused_clearly(qms_owner):
    supplier = _supplier(qms_owner)
    _contract(qms_owner, supplier, number="PC-7")
    error = _refused(lambda: _contract(qms_owner, supplier, number="pc-7"), "number")
    assert error.message_dict["number"] == ["A contract numbered pc-7 is already in the register."]
    assert PurchaseContract.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number": " "}, "number"),
        ({"number": "N" * 61}, "number"),
        ({"subject": ""}, "subject"),
        ({"signed_on": "tomorrow"}, "signed_on"),
        ({"valid_until": "before"}, "valid_until"),
    ],
)
def test_a_contract_with_bad_details_is_refused(qms_owner, changes, field):
    supplier = _supplier(qms_owner)
    signed = timezone.localdate() - 5 * DAY
    values = {"number": "PC-9", "subject": "Blanks", "signed_on": signed, "valid_until": None}
    dates = {"tomorrow": timezone.localdate() + DAY, "before": signed - DAY}
    values.update({k: dates.get(v, v) for k, v in changes.items()})
    _refused(lambda: purchasing.contract_record(actor=qms_owner, supplier=supplier, **values), field)
    assert not PurchaseContract.objects.exists()


def test_a_contract_without_a_signing_date_is_refused(qms_owner):
    supplier = _supplier(qms_owner)
    _refused(
        lambda: purchasing.contract_record(
            actor=qms_owner, supplier=supplier, number="PC-1", subject="Blanks", signed_on=None
        ),
        "signed_on",
    )


# Incoming inspection ------------------------------------------------------------------------


def test_a_conforming_delivery_raises_nothing(qms_owner):
    contract = _contract(qms_owner, _supplier(qms_owner))
    inspection = _inspect(qms_owner, contract, notes="Serial numbers checked.")

    inspection.refresh_from_db()
    assert inspection.result == IncomingInspection.Result.CONFORMING
    assert inspection.nonconformity is None
    assert inspection.inspected_by == qms_owner
    assert not Nonconformity.objects.exists()


def test_a_nonconforming_delivery_raises_a_purchasing_nonconformity(qms_owner):
    supplier = _supplier(qms_owner)
    contract = _contract(qms_owner, supplier, number="PC-2025-01", subject="Certificate blanks")
    inspection = _inspect(
        qms_owner,
        contract,
        item="300 certificate blanks, series B",
        result=IncomingInspection.Result.NONCONFORMING,
        notes="42 blanks carry duplicated serial numbers.",
    )

    nc = Nonconformity.objects.get()
    assert inspection.nonconformity == nc
    assert nc.title == "Nonconforming delivery: 300 certificate blanks, series B"
    assert nc.source == Nonconformity.Source.PURCHASING
    assert nc.severity == Nonconformity.Severity.MINOR
    assert nc.source_reference == "PC-2025-01"
    assert nc.process == Process.objects.get(code="finance")
    assert nc.raised_by == qms_owner
    assert "42 blanks carry duplicated serial numbers." in nc.description
    assert "PC-2025-01" in nc.description and "Polygraph Service LLP" in nc.description
    supplier_events = WorkflowEvent.objects.filter(object_id=supplier.pk, content_type__model="supplier")
    assert supplier_events.last().params["nc"] == nc.number


def test_a_long_item_still_gives_a_title_that_fits(qms_owner):
    contract = _contract(qms_owner, _supplier(qms_owner))
    _inspect(qms_owner, contract, item="x" * 300, result="nonconforming", notes="Torn")
    assert len(Nonconformity.objects.get().title) == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"received_on": "tomorrow"}, "received_on"),
        ({"received_on": "before_signing"}, "received_on"),
        ({"received_on": None}, "received_on"),
        ({"item": "  "}, "item"),
        ({"result": "maybe"}, "result"),
        ({"result": "nonconforming", "notes": " "}, "notes"),
    ],
)
def test_a_bad_inspection_is_refused_and_raises_nothing(qms_owner, changes, field):
    signed = timezone.localdate() - 10 * DAY
    contract = _contract(qms_owner, _supplier(qms_owner), signed_on=signed)
    dates = {"tomorrow": timezone.localdate() + DAY, "before_signing": signed - DAY}
    changes = {k: dates.get(v, v) if k == "received_on" else v for k, v in changes.items()}
    _refused(lambda: _inspect(qms_owner, contract, **changes), field)
    assert not IncomingInspection.objects.exists()
    assert not Nonconformity.objects.exists()


def test_a_delivery_on_the_signing_day_is_accepted(qms_owner):
    signed = timezone.localdate() - 10 * DAY
    contract = _contract(qms_owner, _supplier(qms_owner), signed_on=signed)
    assert _inspect(qms_owner, contract, received_on=signed).received_on == signed


def test_kpi5_counts_deliveries_received_in_the_period(qms_owner):
    contract = _contract(qms_owner, _supplier(qms_owner), signed_on=timezone.localdate() - 100 * DAY)
    today = timezone.localdate()
    _inspect(qms_owner, contract, received_on=today - 90 * DAY)
    _inspect(qms_owner, contract, received_on=today - 20 * DAY, result="nonconforming", notes="Torn")
    _inspect(qms_owner, contract, received_on=today - 10 * DAY)
    _inspect(qms_owner, contract, received_on=today - 5 * DAY, result="nonconforming", notes="Late")

    start, end = today - 20 * DAY, today - 10 * DAY
    assert selectors.deliveries(start, end).count() == 2
    assert selectors.nonconforming_deliveries(start, end).count() == 1
    assert selectors.nonconforming_deliveries(today - 100 * DAY, today).count() == 2


# Views --------------------------------------------------------------------------------------


def test_qms_lists_suppliers_with_counts_and_filters_by_status(client, qms_owner):
    polygraph = _supplier(qms_owner)
    contract = _contract(qms_owner, polygraph)
    _inspect(qms_owner, contract, result="nonconforming", notes="Torn")
    _inspect(qms_owner, contract)
    _contract(qms_owner, polygraph, number="PC-2")
    _supplier(
        qms_owner,
        name="Steppe Cloud",
        status="conditional",
        evaluated_on=timezone.localdate(),
        evaluation="Outage",
    )
    client.force_login(qms_owner)

    page = client.get(reverse("improvement:supplier_list"))
    assert page.status_code == 200
    rows = {row.name: row for row in page.context["page_obj"]}
    assert (
        rows["Polygraph Service LLP"].contracts_count,
        rows["Polygraph Service LLP"].nonconforming_count,
    ) == (
        2,
        1,
    )
    assert (rows["Steppe Cloud"].contracts_count, rows["Steppe Cloud"].nonconforming_count) == (0, 0)
    assert "Add a supplier" in page.content.decode()

    filtered = client.get(reverse("improvement:supplier_list"), {"status": "conditional"})
    assert [s.name for s in filtered.context["page_obj"]] == ["Steppe Cloud"]
    ignored = client.get(reverse("improvement:supplier_list"), {"status": "nonsense"})
    assert len(ignored.context["page_obj"]) == 2


def test_qms_adds_a_supplier_through_the_form(client, qms_owner):
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:supplier_create"),
        {"name": "Lingua Pro", "supplies": "Translation", "status": "approved", "evaluation": ""},
    )
    supplier = Supplier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == supplier.get_absolute_url()
    page = client.get(supplier.get_absolute_url())
    assert page.status_code == 200
    assert "Lingua Pro" in page.content.decode()
    assert "Added to the list of suppliers" in page.content.decode()


def test_an_exclusion_without_reasons_shows_the_message_and_saves_nothing(client, qms_owner):
    supplier = _supplier(qms_owner)
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:supplier_edit", args=[supplier.pk]),
        {
            "name": supplier.name,
            "supplies": supplier.supplies,
            "status": "excluded",
            "evaluated_on": timezone.localdate().isoformat(),
            "evaluation": "",
        },
    )
    assert response.status_code == 200
    assert "Explain the evaluation" in response.content.decode()
    supplier.refresh_from_db()
    assert supplier.status == Supplier.Status.APPROVED


def test_qms_evaluates_through_the_form(client, qms_owner):
    supplier = _supplier(qms_owner)
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:supplier_edit", args=[supplier.pk]),
        {
            "name": supplier.name,
            "supplies": supplier.supplies,
            "status": "excluded",
            "evaluated_on": timezone.localdate().isoformat(),
            "evaluation": "Two batches with duplicated serial numbers.",
        },
    )
    assert response.status_code == 302
    supplier.refresh_from_db()
    assert supplier.status == Supplier.Status.EXCLUDED
    page = client.get(supplier.get_absolute_url()).content.decode()
    assert "no new contract may be made" in page
    assert reverse("improvement:contract_create", args=[supplier.pk]) not in page


def test_qms_registers_a_contract_and_inspects_a_delivery_through_the_forms(client, qms_owner):
    supplier = _supplier(qms_owner)
    client.force_login(qms_owner)
    signed = timezone.localdate() - 5 * DAY
    response = client.post(
        reverse("improvement:contract_create", args=[supplier.pk]),
        {"number": "PC-2026-05", "subject": "Blanks", "signed_on": signed.isoformat(), "valid_until": ""},
    )
    assert response.status_code == 302
    contract = PurchaseContract.objects.get()
    assert contract.supplier == supplier

    page = client.get(supplier.get_absolute_url()).content.decode()
    assert "PC-2026-05" in page
    assert reverse("improvement:inspection_create", args=[contract.pk]) in page

    response = client.post(
        reverse("improvement:inspection_create", args=[contract.pk]),
        {
            "received_on": timezone.localdate().isoformat(),
            "item": "Blanks, series C",
            "result": "nonconforming",
            "notes": "Wrong paper weight.",
        },
        follow=True,
    )
    nc = Nonconformity.objects.get()
    content = response.content.decode()
    assert nc.number in content
    assert "Wrong paper weight." in content
    assert IncomingInspection.objects.get().nonconformity == nc


def test_a_duplicate_contract_number_is_shown_on_the_form(client, qms_owner):
    supplier = _supplier(qms_owner)
    _contract(qms_owner, supplier, number="PC-1")
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:contract_create", args=[supplier.pk]),
        {"number": "PC-1", "subject": "Blanks", "signed_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 200
    assert "already in the register" in response.content.decode()
    assert PurchaseContract.objects.count() == 1


def test_a_nonconforming_delivery_without_notes_is_shown_on_the_form(client, qms_owner):
    contract = _contract(qms_owner, _supplier(qms_owner))
    client.force_login(qms_owner)
    response = client.post(
        reverse("improvement:inspection_create", args=[contract.pk]),
        {"received_on": timezone.localdate().isoformat(), "item": "Blanks", "result": "nonconforming"},
    )
    assert response.status_code == 200
    assert "Describe what does not conform" in response.content.decode()
    assert not IncomingInspection.objects.exists()
    assert not Nonconformity.objects.exists()


def test_staff_gets_403_on_every_purchasing_page(client, qms_owner, staff_member):
    supplier = _supplier(qms_owner)
    contract = _contract(qms_owner, supplier)
    client.force_login(staff_member)
    urls = [
        reverse("improvement:supplier_list"),
        reverse("improvement:supplier_create"),
        reverse("improvement:supplier_detail", args=[supplier.pk]),
        reverse("improvement:supplier_edit", args=[supplier.pk]),
        reverse("improvement:contract_create", args=[supplier.pk]),
        reverse("improvement:inspection_create", args=[contract.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 403, url
    assert client.post(urls[1], {"name": "Sneaky", "supplies": "x", "status": "approved"}).status_code == 403
    assert Supplier.objects.count() == 1


def test_unknown_supplier_or_contract_is_404(client, qms_owner):
    client.force_login(qms_owner)
    assert client.get(reverse("improvement:supplier_detail", args=[999_999])).status_code == 404
    assert client.get(reverse("improvement:inspection_create", args=[999_999])).status_code == 404


def test_the_demo_tells_a_year_and_a_half_of_purchasing(qms_owner):
    from demo.purchasing import seed_purchasing

    seed_purchasing({"qms": qms_owner})
    seed_purchasing({"qms": qms_owner})  # idempotent

    assert Supplier.objects.count() == 4
    assert PurchaseContract.objects.count() == 5
    assert IncomingInspection.objects.count() == 10
    ncs = Nonconformity.objects.filter(source=Nonconformity.Source.PURCHASING)
    assert ncs.count() == 2
    first = IncomingInspection.objects.filter(result="nonconforming").order_by("received_on").first()
    assert first.nonconformity.raised_at.date() == first.received_on
    assert Supplier.objects.get(name="Steppe Cloud JSC").status == Supplier.Status.CONDITIONAL
