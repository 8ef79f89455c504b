"""Reads of purchasing (§6.4): the deliveries KPI 5 counts, the list of suppliers, a supplier's
contracts with their incoming inspections."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from ..models import IncomingInspection, PurchaseContract, Supplier


def deliveries(start: datetime.date, end: datetime.date) -> QuerySet[IncomingInspection]:
    """Every incoming inspection of a delivery received from ``start`` to ``end`` inclusive."""
    return IncomingInspection.objects.filter(received_on__gte=start, received_on__lte=end)


def nonconforming_deliveries(start: datetime.date, end: datetime.date) -> QuerySet[IncomingInspection]:
    """The deliveries received from ``start`` to ``end`` inclusive that did not conform (KPI 5)."""
    return deliveries(start, end).filter(result=IncomingInspection.Result.NONCONFORMING)


def suppliers_register(params) -> tuple[QuerySet[Supplier], dict]:
    """The list of suppliers with how many contracts and nonconforming deliveries each has,
    filtered by the query string's status (a value that means nothing is ignored)."""
    rows = Supplier.objects.annotate(
        contracts_count=Count("contracts", distinct=True),
        nonconforming_count=Count(
            "contracts__inspections",
            filter=Q(contracts__inspections__result=IncomingInspection.Result.NONCONFORMING),
            distinct=True,
        ),
    )
    chosen = {}
    if params.get("status", "") in Supplier.Status.values:
        chosen["status"] = params["status"]
        rows = rows.filter(status=chosen["status"])
    return rows.order_by("name", "pk"), chosen


def supplier_get(pk: int) -> Supplier:
    return get_object_or_404(Supplier, pk=pk)


def contract_get(pk: int) -> PurchaseContract:
    return get_object_or_404(PurchaseContract.objects.select_related("supplier"), pk=pk)


def contracts_of(supplier: Supplier) -> QuerySet[PurchaseContract]:
    """The supplier's contracts, newest first, each with its inspections."""
    return supplier.contracts.prefetch_related(
        Prefetch(
            "inspections",
            queryset=IncomingInspection.objects.select_related("nonconformity", "inspected_by"),
        )
    )
