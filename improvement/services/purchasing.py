"""Purchasing (§6.4): the list of evaluated suppliers, the register of contracts and the incoming
inspection of what they deliver.

A nonconforming delivery is recorded as a nonconformity (source: purchasing) and counts for
KPI 5, whose numerator and denominator are ``selectors.nonconforming_deliveries`` and
``selectors.deliveries``.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import Process
from core.permissions import require_perm
from core.workflow import event_record, transition_perform

from ..models import IncomingInspection, Nonconformity, PurchaseContract, Supplier
from ..workflow import SUPPLIER_WORKFLOW
from .nonconformities import nonconformity_raise

PERMISSION = "improvement.manage_purchasing"
TEXT_LIMIT = 10_000
SUPPLIER_FIELDS = ("name", "supplies", "contact", "requirements", "status", "evaluated_on", "evaluation")
# The process a nonconforming delivery is raised against: purchasing is run by finance.
PURCHASING_PROCESS = "finance"


def _text(value) -> str:
    return (value or "").strip()


def _check_length(errors: dict, name: str, value: str, limit: int) -> None:
    if len(value) > limit and name not in errors:
        errors[name] = _("Keep this under %(limit)s characters.") % {"limit": limit}


# Suppliers ----------------------------------------------------------------------------------


def _check_supplier(values: dict, *, today: datetime.date, pk: int | None = None) -> None:
    errors: dict = {}
    if not values["name"]:
        errors["name"] = _("Give the supplier's name.")
    elif Supplier.objects.filter(name__iexact=values["name"]).exclude(pk=pk).exists():
        errors["name"] = _("A supplier named “%(name)s” is already on the list.") % {"name": values["name"]}
    if not values["supplies"]:
        errors["supplies"] = _("Say what the supplier provides to the agency.")
    for name, limit in (("name", 300), ("supplies", 300), ("contact", 300)):
        _check_length(errors, name, values[name], limit)
    for name in ("requirements", "evaluation"):
        _check_length(errors, name, values[name], TEXT_LIMIT)
    status = values["status"]
    if status not in Supplier.Status.values:
        errors["status"] = _("Choose approved, approved with conditions or excluded.")
    evaluated_on = values["evaluated_on"]
    if evaluated_on is not None and evaluated_on > today:
        errors["evaluated_on"] = _("The evaluation cannot be dated in the future.")
    if status in (Supplier.Status.CONDITIONAL, Supplier.Status.EXCLUDED):
        if not values["evaluation"]:
            errors["evaluation"] = _(
                "Explain the evaluation: why the supplier is approved only with conditions or excluded."
            )
        if evaluated_on is None and "evaluated_on" not in errors:
            errors["evaluated_on"] = _("Give the date of the evaluation.")
    if errors:
        raise ValidationError(errors)


def _supplier_values(fields: dict, current: Supplier | None = None) -> dict:
    values = {}
    for name in SUPPLIER_FIELDS:
        value = fields[name] if name in fields else (getattr(current, name) if current else None)
        values[name] = value if name in ("evaluated_on",) else _text(value)
    if not values["status"]:
        values["status"] = Supplier.Status.APPROVED
    return values


@transaction.atomic
def supplier_record(*, actor, **fields) -> Supplier:
    """Put a supplier on the list, approved unless its first evaluation says otherwise."""
    require_perm(actor, PERMISSION)
    values = _supplier_values(fields)
    _check_supplier(values, today=timezone.localdate())
    supplier = Supplier.objects.create(created_by=actor, **values)
    event_record(
        obj=supplier,
        action=gettext_lazy("Added to the list of suppliers"),
        actor=actor,
        to_state=supplier.status,
        comment=supplier.evaluation,
    )
    return supplier


@transaction.atomic
def supplier_update(*, supplier: Supplier, actor, **fields) -> Supplier:
    """Change a supplier's details or record its evaluation (status, date, conclusions)."""
    require_perm(actor, PERMISSION)
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    values = _supplier_values(fields, supplier)
    _check_supplier(values, today=timezone.localdate(), pk=supplier.pk)
    before = {name: getattr(supplier, name) for name in SUPPLIER_FIELDS}
    if values == before:
        return supplier
    evaluated = any(before[name] != values[name] for name in ("status", "evaluated_on", "evaluation"))
    target = values.pop("status")
    if target != before["status"]:  # the status moves by the table, the other fields in the same save
        return transition_perform(
            obj=supplier,
            workflow=SUPPLIER_WORKFLOW,
            target=target,
            actor=actor,
            action=gettext_lazy("Evaluated"),
            comment=values["evaluation"],
            also=values,
        )
    for name, value in values.items():
        setattr(supplier, name, value)
    supplier.save()
    event_record(
        obj=supplier,
        action=gettext_lazy("Evaluated") if evaluated else gettext_lazy("Details updated"),
        actor=actor,
        comment=supplier.evaluation if evaluated else "",
    )
    return supplier


# Contracts ----------------------------------------------------------------------------------


@transaction.atomic
def contract_record(
    *,
    actor,
    supplier: Supplier,
    number: str,
    subject: str,
    signed_on: datetime.date | None,
    valid_until: datetime.date | None = None,
) -> PurchaseContract:
    """Enter a signed contract in the register; none with an excluded supplier."""
    require_perm(actor, PERMISSION)
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    number, subject = _text(number), _text(subject)
    errors: dict = {}
    if supplier.status == Supplier.Status.EXCLUDED:
        raise ValidationError(
            _("%(supplier)s is excluded from the list of suppliers: no contract may be made with it.")
            % {"supplier": supplier.name}
        )
    if not number:
        errors["number"] = _("Give the contract's number.")
    elif len(number) > 60:
        errors["number"] = _("Keep the number under 60 characters.")
    elif PurchaseContract.objects.filter(number__iexact=number).exists():
        errors["number"] = _("A contract numbered %(number)s is already in the register.") % {
            "number": number
        }
    if not subject:
        errors["subject"] = _("Say what the contract is for.")
    _check_length(errors, "subject", subject, 300)
    today = timezone.localdate()
    if signed_on is None:
        errors["signed_on"] = _("Give the date the contract was signed.")
    elif signed_on > today:
        errors["signed_on"] = _("Register the contract once it is signed: the date cannot be in the future.")
    elif valid_until is not None and valid_until < signed_on:
        errors["valid_until"] = _("The contract cannot end before it is signed.")
    if errors:
        raise ValidationError(errors)
    contract = PurchaseContract.objects.create(
        number=number,
        supplier=supplier,
        subject=subject,
        signed_on=signed_on,
        valid_until=valid_until,
        created_by=actor,
    )
    event_record(obj=contract, action=gettext_lazy("Registered"), actor=actor)
    event_record(
        obj=supplier,
        action=gettext_lazy("Contract %(number)s registered"),
        actor=actor,
        params={"number": number},
        comment=subject,
    )
    return contract


# Incoming inspection ------------------------------------------------------------------------


@transaction.atomic
def inspection_record(
    *,
    actor,
    contract: PurchaseContract,
    received_on: datetime.date | None,
    item: str,
    result: str,
    notes: str = "",
) -> IncomingInspection:
    """Record what was received under a contract and whether it conforms; a nonconforming
    delivery raises a nonconformity (source: purchasing) linked to the inspection."""
    require_perm(actor, PERMISSION)
    contract = PurchaseContract.objects.select_related("supplier").get(pk=contract.pk)
    item, notes = _text(item), _text(notes)
    errors: dict = {}
    if received_on is None:
        errors["received_on"] = _("Give the date the goods or service were received.")
    elif received_on > timezone.localdate():
        errors["received_on"] = _("The delivery cannot be received in the future.")
    elif received_on < contract.signed_on:
        errors["received_on"] = _("The delivery cannot come before the contract was signed (%(date)s).") % {
            "date": contract.signed_on.isoformat()
        }
    if not item:
        errors["item"] = _("Say what was received.")
    _check_length(errors, "item", item, 300)
    _check_length(errors, "notes", notes, TEXT_LIMIT)
    if result not in IncomingInspection.Result.values:
        errors["result"] = _("Choose whether the delivery conforms.")
    elif result == IncomingInspection.Result.NONCONFORMING and not notes:
        errors["notes"] = _("Describe what does not conform: it becomes the nonconformity's description.")
    if errors:
        raise ValidationError(errors)
    nonconformity = None
    if result == IncomingInspection.Result.NONCONFORMING:
        supplier = contract.supplier
        nonconformity = nonconformity_raise(
            actor=actor,
            title=(_("Nonconforming delivery: %(item)s") % {"item": item})[:200],
            description="\n\n".join(
                [
                    notes,
                    _("Contract %(number)s (%(subject)s) with %(supplier)s, received on %(date)s.")
                    % {
                        "number": contract.number,
                        "subject": contract.subject,
                        "supplier": supplier.name,
                        "date": received_on.isoformat(),
                    },
                ]
            ),
            severity=Nonconformity.Severity.MINOR,
            source=Nonconformity.Source.PURCHASING,
            source_reference=contract.number,
            process=Process.objects.filter(code=PURCHASING_PROCESS).first(),
        )
    inspection = IncomingInspection.objects.create(
        contract=contract,
        received_on=received_on,
        item=item,
        result=result,
        notes=notes,
        nonconformity=nonconformity,
        inspected_by=actor,
    )
    event_record(obj=inspection, action=gettext_lazy("Inspected"), actor=actor, to_state=result)
    # The supplier's timeline tells its deliveries (the action text is short; details go below).
    if nonconformity is None:
        action = gettext_lazy("Delivery under %(number)s conforms")
        params = {"number": contract.number}
    else:
        action = gettext_lazy("Nonconforming delivery under %(number)s: %(nc)s")
        params = {"number": contract.number, "nc": nonconformity.number}
    event_record(
        obj=contract.supplier,
        action=action,
        actor=actor,
        params=params,
        comment="\n".join([item, notes]).strip(),
    )
    return inspection
