"""The approval route: submit, review decisions, validation, approval, return."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from core.access import access, shown_by
from core.form_pages import form_page

from .. import selectors, services
from ..forms import ApproveForm, DecisionForm, ReturnForm, SubmitForm
from ..models import ReviewStep
from ..workflow import DECIDES_STEP, EDITS_DOCUMENT

DOCUMENT_SHOWN = shown_by(selectors.documents_visible_to)


def _context(version, **extra) -> dict:
    return {"version": version, "document": version.document, **extra}


@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=EDITS_DOCUMENT)
def version_submit(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    if not EDITS_DOCUMENT.allows_on(request.user, version.document):
        raise PermissionDenied
    return form_page(
        request,
        SubmitForm(request.POST or None, version=version),
        action=lambda data: services.version_submit(
            version=version,
            actor=request.user,
            reviewers=data["reviewers"],
            mode=data["mode"],
            peer_reviewers=data.get("peer_reviewers") or [],
            comment=data["comment"],
        ),
        success=_("The draft is sent for review."),
        done_url=version.get_absolute_url(),
        template="documents/version_submit.html",
        context=_context(version),
    )


@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=DECIDES_STEP)
def step_decide(request: HttpRequest, pk: int, version_pk: int, step_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    step = selectors.review_step_get_for(request.user, version, step_pk)
    form = DecisionForm(request.POST or None)
    agreed = form.is_bound and form.data.get("decision") == ReviewStep.Decision.AGREED
    return form_page(
        request,
        form,
        action=lambda data: services.step_decide(
            step=step,
            actor=request.user,
            decision=data["decision"],
            password=data["password"],
            comment=data["comment"],
        ),
        success=_("You agreed and signed.")
        if agreed
        else _("The draft is returned to its author with your comments."),
        done_url=version.get_absolute_url(),
        template="documents/step_decide.html",
        context=_context(version, step=step),
    )


@access("documents.approve_document")
def version_approve(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    return form_page(
        request,
        ApproveForm(request.POST or None),
        action=lambda data: services.version_approve(
            version=version,
            actor=request.user,
            password=data["password"],
            effective_from=data["effective_from"],
            ack_groups=data["ack_groups"],
            ack_departments=data["ack_departments"],
            ack_users=data["ack_users"],
            ack_days=data["ack_days"],
            comment=data["comment"],
        ),
        success=_("Approved and signed."),
        done_url=version.get_absolute_url(),
        template="documents/version_approve.html",
        context=_context(version, signatures=version.signatures.all()),
    )


@access("documents.approve_document")
def version_return(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    return form_page(
        request,
        ReturnForm(request.POST or None),
        action=lambda data: services.version_return(
            version=version, actor=request.user, comment=data["comment"]
        ),
        success=_("The version is returned to its author."),
        done_url=version.get_absolute_url(),
        template="documents/version_return.html",
        context=_context(version),
    )
