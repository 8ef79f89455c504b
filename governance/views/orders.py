"""Roles by order (§4.5) and the responsibility matrix (§4.5.1): the list of the Director
General's orders, an order with its clauses, the draft form, the signature, a person's
assignments with the order behind each, and the matrix generated from the role table, the
process owners and the workflow tables (a page and a PDF)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.form_pages import form_page, run_service
from core.pdf import pdf_response, render_pdf
from core.selectors import events_for

from ..forms import ApproveForm, OrderForm, OrderLineForm
from ..models import DirectorOrder
from ..order_workflow import DRAFT_ORDERS, ORDER_WORKFLOW, VIEW_ORDERS
from ..selectors import orders as selectors
from ..selectors.responsibility import APPROVES, PERFORMS, responsibility_matrix
from ..services import orders as services

OS = DirectorOrder.Status
MATRIX = "governance.view_responsibility_matrix"
opens_order = shown_by(selectors.orders_for)


@access(VIEW_ORDERS)
def order_list(request: HttpRequest) -> HttpResponse:
    orders = selectors.orders_for(request.user).prefetch_related("lines")
    return render(
        request,
        "governance/order_list.html",
        {"orders": orders, "may_draft": request.user.has_perm(DRAFT_ORDERS)},
    )


@access(DRAFT_ORDERS)
def order_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        OrderForm(request.POST or None),
        action=lambda data: services.order_create(actor=request.user, **data),
        success=_("The draft order is saved; add its clauses."),
        done_url=lambda order: order.get_absolute_url(),
        template="governance/order_form.html",
        context={"heading": _("New Director General's order")},
    )


@access(VIEW_ORDERS, opens=opens_order)
def order_detail(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_get_for(request.user, pk)
    may_draft = order.is_draft and request.user.has_perm(DRAFT_ORDERS)
    return render(
        request,
        "governance/order_detail.html",
        {
            "order": order,
            "lines": order.lines.select_related("person", "process"),
            "buttons": ORDER_WORKFLOW.buttons(order, request.user),
            "line_form": OrderLineForm() if may_draft else None,
            "signatures": order.signatures.all(),
            "events": events_for(order),
        },
    )


@access(DRAFT_ORDERS, opens=opens_order)
def order_line_add(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_get_for(request.user, pk)
    if not order.is_draft:
        messages.error(
            request, _("This order is no longer a draft; a signed order is changed by a new order.")
        )
        return redirect(order.get_absolute_url())
    return form_page(
        request,
        OrderLineForm(request.POST or None),
        action=lambda data: services.order_line_add(
            order=order,
            actor=request.user,
            person=data["person"],
            action=data["action"],
            role=data["role"],
            process=data["process"],
        ),
        success=_("The clause is added."),
        done_url=order.get_absolute_url(),
        template="governance/order_form.html",
        context={"heading": _("A clause of %(order)s") % {"order": order}, "order": order},
    )


SIGNS = ORDER_WORKFLOW.acts(OS.SIGNED)


@access(VIEW_ORDERS, opens=opens_order, moves=SIGNS)
def order_sign(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_get_for(request.user, pk)
    if not SIGNS.allows(request.user, pk=pk):
        raise PermissionDenied
    if not ORDER_WORKFLOW.may(request.user, order, OS.SIGNED):
        messages.error(request, _("This order cannot be signed now."))
        return redirect(order.get_absolute_url())
    return form_page(
        request,
        ApproveForm(request.POST or None),
        action=lambda data: services.order_sign(order=order, actor=request.user, password=data["password"]),
        success=_("Signed: the order is in force and its clauses have taken effect."),
        done_url=order.get_absolute_url(),
        template="governance/order_sign.html",
        context={"order": order, "lines": order.lines.select_related("person", "process")},
    )


@require_POST
@access(VIEW_ORDERS, opens=opens_order, moves=ORDER_WORKFLOW.acts(OS.CANCELLED))
def order_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    order = selectors.order_get_for(request.user, pk)
    if not ORDER_WORKFLOW.may(request.user, order, OS.CANCELLED):
        raise PermissionDenied
    run_service(
        request,
        lambda: services.order_cancel(order=order, actor=request.user),
        _("The draft order is cancelled."),
    )
    return redirect(order.get_absolute_url())


@access(VIEW_ORDERS, opens=shown_by(selectors.people_for))
def person_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(selectors.people_for(request.user), pk=pk)
    return render(
        request,
        "governance/person_assignments.html",
        {
            "person": person,
            "rows": selectors.person_basis(person),
            "lines": selectors.person_lines(person),
            "events": events_for(person),
        },
    )


def _matrix_context() -> dict:
    return {**responsibility_matrix(), "performs": PERFORMS, "approves": APPROVES}


@access(MATRIX)
def responsibility_matrix_page(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/responsibility_matrix.html", _matrix_context())


@access(MATRIX)
def responsibility_matrix_pdf(request: HttpRequest) -> HttpResponse:
    content = render_pdf("pdf/responsibility_matrix.html", _matrix_context())
    return pdf_response(content, "iaar-responsibility-matrix.pdf")
