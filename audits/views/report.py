"""The audit's report: writing, signatures, the PDF, acceptance, orders to change documents,
closing. The fieldwork (start, checklist, findings) is in fieldwork.py."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.files import sha256_of
from core.form_pages import run_service
from core.pdf import pdf_response

from .. import pdf, selectors, services
from ..forms import (
    CommentForm,
    PasswordForm,
    RecommendationForm,
    RecommendationOrderForm,
    ReportForm,
)
from ..models import Audit, Recommendation
from ..workflow import LEADS_AUDIT
from .planning import action_page

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
AUDIT_SHOWN = shown_by(selectors.audits_visible_to)

S = Audit.Status


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=LEADS_AUDIT)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_leader(request.user, pk)
    form = ReportForm(
        request.POST or None, initial={"analysis": audit.analysis, "conclusion": audit.conclusion}
    )
    return action_page(
        request,
        form,
        audit=audit,
        action=lambda data: services.report_save(audit=audit, actor=request.user, **data),
        success=_("The report is saved."),
        title=_("Write the report of %(number)s") % {"number": audit.number},
        done_url=f"{audit.get_absolute_url()}#report",
    )


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=LEADS_AUDIT)
def recommendation_add(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_leader(request.user, pk)
    return action_page(
        request,
        RecommendationForm(request.POST or None),
        audit=audit,
        action=lambda data: services.recommendation_add(audit=audit, actor=request.user, **data),
        success=_("The recommendation is added."),
        title=_("Add a recommendation"),
        done_url=f"{audit.get_absolute_url()}#report",
    )


@access(SIGNED_IN, opens=AUDIT_SHOWN)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    return render(request, "audits/report_detail.html", pdf.report_context(audit))


@access(SIGNED_IN, opens=AUDIT_SHOWN)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The accepted report is the stored file, handed out only if its checksum holds; before
    acceptance the report is rendered as it stands."""
    audit = selectors.audit_get_for(request.user, pk)
    name = f"internal-audit-report-{audit.number}.pdf"
    if audit.report_file and audit.report_sha256:
        handle = audit.report_file.open("rb")
        if sha256_of(handle) != audit.report_sha256:
            handle.close()
            messages.error(
                request,
                _(
                    "The stored report does not match its recorded checksum, so it is not handed out. "
                    "Tell the portal administrator."
                ),
            )
            return redirect(audit)
        return FileResponse(handle, content_type="application/pdf", filename=name)
    return pdf_response(pdf.report_pdf(audit), name)


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=LEADS_AUDIT)
def report_sign(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_leader(request.user, pk)
    return action_page(
        request,
        PasswordForm(request.POST or None),
        audit=audit,
        action=lambda data: services.report_sign(audit=audit, actor=request.user, **data),
        success=_("The report is signed and sent to the Director General."),
        title=_("Sign the report of %(number)s") % {"number": audit.number},
        lead=_(
            "Once signed, the checklist, the findings and the report are closed until the Director "
            "General accepts or returns the report."
        ),
        button=_("Sign the report"),
        preview=True,
    )


@access("audits.approve_audit_report", opens=AUDIT_SHOWN)
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    return action_page(
        request,
        PasswordForm(request.POST or None),
        audit=audit,
        action=lambda data: services.report_approve(audit=audit, actor=request.user, **data),
        success=_("The report is accepted and kept as signed."),
        title=_("Accept the report of %(number)s") % {"number": audit.number},
        lead=_("Read the report first. Accepting it stores the report as a PDF that never changes."),
        button=_("Accept the report"),
        button_style="success",
        preview=True,
    )


@access("audits.approve_audit_report", opens=AUDIT_SHOWN)
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    return action_page(
        request,
        CommentForm(request.POST or None),
        audit=audit,
        action=lambda data: services.report_return(audit=audit, actor=request.user, **data),
        success=_("The report is returned to the working group."),
        title=_("Return the report of %(number)s") % {"number": audit.number},
        button=_("Return the report"),
        button_style="warning",
        preview=True,
    )


@access("audits.change_audit", opens=AUDIT_SHOWN)
@require_POST
def audit_close(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.audit_close(
            audit=audit, actor=request.user, comment=request.POST.get("comment", "")[:5000]
        ),
        _("The audit is closed."),
    )
    return redirect(audit)


@access("audits.approve_audit_report", opens=AUDIT_SHOWN)
def recommendation_order(request: HttpRequest, pk: int, rec_pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    recommendation = get_object_or_404(Recommendation, audit=audit, pk=rec_pk)
    form = RecommendationOrderForm(
        request.POST or None, initial={"document": recommendation.document_id, "reason": recommendation.text}
    )
    return action_page(
        request,
        form,
        audit=audit,
        action=lambda data: services.recommendation_order(
            recommendation=recommendation, actor=request.user, **data
        ),
        success=_("The order is given: the document's owner has a revision task."),
        title=_("Order a document change"),
        lead=recommendation.text,
        button=_("Order the change"),
        done_url=f"{audit.get_absolute_url()}#report",
    )
