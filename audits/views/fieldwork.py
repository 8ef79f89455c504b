"""The audit's fieldwork: starting it, the checklist (prepared from the criteria, questions
added, answered) and the findings (recorded, withdrawn)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import run_service

from .. import selectors, services
from ..forms import ChecklistAddForm, ChecklistAnswerForm, FindingForm, ReasonForm
from ..models import ChecklistItem, Finding
from ..workflow import SITS_ON_AUDIT, STARTS_AUDIT
from .planning import action_page

AUDIT_SHOWN = shown_by(selectors.audits_visible_to)


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=STARTS_AUDIT)
@require_POST
def audit_start(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_starter(request.user, pk)
    run_service(
        request,
        lambda: services.audit_start(audit=audit, actor=request.user),
        _("The audit is under way; its checklist is ready."),
    )
    return redirect(audit)


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=STARTS_AUDIT)
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


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=SITS_ON_AUDIT)
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


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=SITS_ON_AUDIT)
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


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=SITS_ON_AUDIT)
def finding_create(request: HttpRequest, pk: int) -> HttpResponse:
    audit = selectors.audit_get_for_member(request.user, pk)
    initial = {}
    lead = _(
        "A major or minor nonconformity raises a record in the nonconformity register for the "
        "process owner, who starts the corrective action."
    )
    item = selectors.checklist_item_of(audit, request.GET.get("item", ""))
    if item is not None:
        # The finding states what does not conform, in the auditor's words: the checklist's
        # question is shown beside the form, not put in its place; the evidence is what was noted.
        initial = {
            "checklist_item": item.pk,
            "criterion": item.criterion_id,
            "kind": Finding.Kind.MINOR
            if item.result == ChecklistItem.Result.DOES_NOT_CONFORM
            else Finding.Kind.OBSERVATION,
            "evidence": item.note,
            "process": selectors.likely_process(audit, request.user),
        }
        lead = _("Checklist question: %(question)s") % {"question": item.display_question} + " " + lead
    return action_page(
        request,
        FindingForm(request.POST or None, audit=audit, initial=initial),
        audit=audit,
        action=lambda data: services.finding_record(audit=audit, actor=request.user, **data),
        success=_("The finding is recorded."),
        title=_("Record a finding"),
        done_url=f"{audit.get_absolute_url()}#findings",
        lead=lead,
    )


@access(SIGNED_IN, opens=AUDIT_SHOWN, moves=SITS_ON_AUDIT)
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
