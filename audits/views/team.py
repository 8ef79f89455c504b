"""The audit's working group (appointed by the IQAS owner) and the Director General's order that
fixes it, signed with the password again, with its PDF."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import run_service
from core.pdf import pdf_response

from .. import pdf, selectors, services
from ..forms import OrderSignForm, ReasonForm, TeamForm
from ..models import AuditorAssignment
from .planning import action_page

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
AUDIT_SHOWN = shown_by(selectors.audits_visible_to)


@access("audits.change_audit", opens=AUDIT_SHOWN)
def team_edit(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    form = TeamForm(request.POST or None)
    owners = [p for p in audit.processes.select_related("owner").order_by("name") if p.owner_id]
    return action_page(
        request,
        form,
        audit=audit,
        action=lambda data: services.team_appoint(audit=audit, actor=request.user, **data),
        success=_("The working group is updated."),
        title=_("Working group of %(number)s") % {"number": audit.number},
        done_url=request.path,
        template="audits/team_form.html",
        team=selectors.team_of(audit),
        owners=owners,
    )


@access("audits.change_audit", opens=AUDIT_SHOWN)
@require_POST
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    seat = get_object_or_404(AuditorAssignment, audit=audit, pk=member_pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    run_service(
        request,
        lambda: services.team_member_remove(assignment=seat, actor=request.user, reason=reason),
        _("%(name)s is off the working group.") % {"name": seat.auditor},
    )
    return redirect("audits:team", pk=audit.pk)


@access("audits.order_audit", opens=AUDIT_SHOWN)
def order_sign(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    form = OrderSignForm(request.POST or None, initial={"order_number": f"ORD-{audit.number}"})
    return action_page(
        request,
        form,
        audit=audit,
        action=lambda data: services.order_sign(audit=audit, actor=request.user, **data),
        success=_("The order is signed; the working group is told."),
        title=_("Sign the order for %(number)s") % {"number": audit.number},
        template="audits/order_sign.html",
        team=selectors.team_of(audit),
        processes=audit.processes.order_by("group", "name"),
        criteria=audit.criteria.order_by("source", "position", "code"),
    )


@access(SIGNED_IN, opens=AUDIT_SHOWN)
def order_download(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    if not audit.order_signed:
        messages.error(request, _("The order is not signed yet."))
        return redirect(audit)
    return pdf_response(pdf.order_pdf(audit), f"order-{audit.number}.pdf")
