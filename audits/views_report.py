"""The audit's fieldwork (start, checklist, findings) and its report (writing, signatures,
the PDF, acceptance, orders to change documents, closing)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access
from core.form_pages import run_service
from core.pdf import pdf_response

from . import pdf, selectors, services
from .forms import (
    ChecklistAddForm,
    ChecklistAnswerForm,
    CommentForm,
    FindingForm,
    PasswordForm,
    ReasonForm,
    RecommendationForm,
    RecommendationOrderForm,
    ReportForm,
)
from .models import Audit, ChecklistItem, Finding, Recommendation
from .views import action_page

S = Audit.Status


# --- Fieldwork ----------------------------------------------------------------------------


@access(SIGNED_IN)
@require_POST
def audit_start(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_starter(request.user, pk)
    run_service(
        request,
        lambda: services.audit_start(audit=audit, actor=request.user),
        _("The audit is under way; its checklist is ready."),
    )
    return redirect(audit)


@access(SIGNED_IN)
@require_POST
def checklist_build(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_starter(request.user, pk)
    added = []
    if (
        run_service(
            request,
            lambda: added.append(services.checklist_build(audit=audit, actor=request.user)),
            _("The checklist is prepared from the audit's criteria."),
        )
        and not added[0]
    ):
        messages.info(request, _("Every criterion has its question already."))
    return redirect(f"{audit.get_absolute_url()}#checklist")


@access(SIGNED_IN)
def checklist_add(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_member(request.user, pk)
    return action_page(
        request,
        ChecklistAddForm(request.POST or None),
        audit=audit,
        action=lambda data: services.checklist_item_add(audit=audit, actor=request.user, **data),
        success=_("The question is added to the checklist."),
        title=_("Add a question to the checklist"),
        done_url=f"{audit.get_absolute_url()}#checklist",
    )


@access(SIGNED_IN)
def checklist_answer(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_member(request.user, pk)
    item = selectors.checklist_item_of(audit, item_pk)
    if item is None:
        raise Http404
    initial = {"result": item.result if item.result != ChecklistItem.Result.OPEN else None, "note": item.note}
    return action_page(
        request,
        ChecklistAnswerForm(request.POST or None, initial=initial),
        audit=audit,
        action=lambda data: services.checklist_answer(item=item, actor=request.user, **data),
        success=_("The answer is recorded."),
        title=_("Checklist question %(n)s") % {"n": item.position},
        done_url=f"{audit.get_absolute_url()}#item-{item.pk}",
        item=item,
    )


@access(SIGNED_IN)
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_member(request.user, pk)
    initial = {}
    item = selectors.checklist_item_of(audit, request.GET.get("item", ""))
    if item is not None:
        processes = list(audit.processes.all()[:2])
        initial = {
            "checklist_item": item.pk,
            "criterion": item.criterion_id,
            "kind": Finding.Kind.MINOR
            if item.result == ChecklistItem.Result.DOES_NOT_CONFORM
            else Finding.Kind.OBSERVATION,
            "statement": item.display_question,
            "evidence": item.note,
            "process": processes[0].pk if len(processes) == 1 else None,
        }
    return action_page(
        request,
        FindingForm(request.POST or None, audit=audit, initial=initial),
        audit=audit,
        action=lambda data: services.finding_record(audit=audit, actor=request.user, **data),
        success=_("The finding is recorded."),
        title=_("Record a finding"),
        done_url=f"{audit.get_absolute_url()}#findings",
        lead=_(
            "A major or minor nonconformity raises a record in the nonconformity register for the "
            "process owner, who starts the corrective action."
        ),
    )


@access(SIGNED_IN)
def finding_withdraw(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_member(request.user, pk)
    finding = get_object_or_404(Finding, audit=audit, pk=finding_pk)
    return action_page(
        request,
        ReasonForm(request.POST or None),
        audit=audit,
        action=lambda data: services.finding_withdraw(finding=finding, actor=request.user, **data),
        success=_("The finding is withdrawn; it stays on record."),
        title=_("Withdraw finding %(number)s") % {"number": finding.number},
        done_url=f"{audit.get_absolute_url()}#findings",
        lead=finding.statement,
        button=_("Withdraw the finding"),
        button_style="danger",
    )


# --- The report ---------------------------------------------------------------------------


@access(SIGNED_IN)
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


@access(SIGNED_IN)
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


@access(SIGNED_IN)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for(request.user, pk)
    return render(request, "audits/report_detail.html", pdf.report_context(audit))


@access(SIGNED_IN)
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The accepted report is the stored file, handed out only if its checksum holds; before
    acceptance the report is rendered as it stands."""
    audit = selectors.audit_get_for(request.user, pk)
    name = f"internal-audit-report-{audit.number}.pdf"
    if audit.report_file and audit.report_sha256:
        from documents.files import sha256_of

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


@access(SIGNED_IN)
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


@access("audits.approve_audit_report")
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


@access("audits.approve_audit_report")
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


@access("audits.change_audit")
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


@access("audits.approve_audit_report")
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
