"""Purchasing (§6.4): the list of suppliers, a supplier's page with its contracts and their
incoming inspections, and the forms that record them. Only the IQAS owner keeps them."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.access import access
from core.form_pages import form_page
from core.selectors import events_for

from .. import selectors, services
from ..forms import ContractForm, InspectionForm, SupplierForm
from ..models import Supplier
from ..services.purchasing import PERMISSION, SUPPLIER_FIELDS

MANAGE = PERMISSION


@access(MANAGE)
def supplier_list(request: HttpRequest) -> HttpResponse:
    rows, chosen = selectors.suppliers_register(request.GET)
    page = Paginator(rows, settings.PAGINATE_BY).get_page(request.GET.get("page"))
    return render(
        request,
        "improvement/purchasing_supplier_list.html",
        {"page_obj": page, "chosen": chosen, "statuses": Supplier.Status.choices},
    )


@access(MANAGE)
def supplier_create(request: HttpRequest) -> HttpResponse:
    form = SupplierForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.supplier_record(actor=request.user, **data),
        success=_("The supplier is on the list."),
        done_url=lambda supplier: supplier.get_absolute_url(),
        template="improvement/purchasing_form.html",
        context={
            "title": _("Add a supplier"),
            "lead": _("Suppliers are evaluated before the first contract and again when a delivery fails."),
        },
    )


@access(MANAGE)
def supplier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    supplier = selectors.supplier_get(pk)
    return render(
        request,
        "improvement/purchasing_supplier_detail.html",
        {
            "supplier": supplier,
            "contracts": selectors.contracts_of(supplier),
            "events": events_for(supplier),
            "excluded": supplier.status == Supplier.Status.EXCLUDED,
        },
    )


@access(MANAGE)
def supplier_edit(request: HttpRequest, pk: int) -> HttpResponse:
    supplier = selectors.supplier_get(pk)
    initial = {name: getattr(supplier, name) for name in SUPPLIER_FIELDS}
    form = SupplierForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        action=lambda data: services.supplier_update(supplier=supplier, actor=request.user, **data),
        success=_("The supplier is saved."),
        done_url=supplier.get_absolute_url(),
        template="improvement/purchasing_form.html",
        context={
            "title": _("Evaluate or edit %(name)s") % {"name": supplier.name},
            "lead": _("Record the evaluation's date and conclusions; explain any conditions or exclusion."),
            "supplier": supplier,
        },
    )


@access(MANAGE)
def contract_create(request: HttpRequest, pk: int) -> HttpResponse:
    supplier = selectors.supplier_get(pk)
    form = ContractForm(request.POST or None)
    return form_page(
        request,
        form,
        action=lambda data: services.contract_record(actor=request.user, supplier=supplier, **data),
        success=_("The contract is in the register."),
        done_url=supplier.get_absolute_url(),
        template="improvement/purchasing_form.html",
        context={
            "title": _("Register a contract with %(name)s") % {"name": supplier.name},
            "lead": _("Enter the contract once it is signed."),
            "supplier": supplier,
            "excluded": supplier.status == Supplier.Status.EXCLUDED,
        },
    )


@access(MANAGE)
def inspection_create(request: HttpRequest, pk: int) -> HttpResponse:
    contract = selectors.contract_get(pk)
    form = InspectionForm(request.POST or None)

    def record(data: dict):
        inspection = services.inspection_record(actor=request.user, contract=contract, **data)
        if inspection.nonconformity_id:
            messages.warning(
                request,
                _("Nonconformity %(number)s is raised for the delivery.")
                % {"number": inspection.nonconformity.number},
            )
        return inspection

    return form_page(
        request,
        form,
        action=record,
        success=_("The incoming inspection is recorded."),
        done_url=contract.supplier.get_absolute_url(),
        template="improvement/purchasing_form.html",
        context={
            "title": _("Inspect a delivery under %(number)s") % {"number": contract.number},
            "lead": _(
                "A delivery that does not conform is recorded as a nonconformity and counts for KPI 5."
            ),
            "supplier": contract.supplier,
            "contract": contract,
        },
    )
