"""Read-and-acknowledge, distribution and withdrawal of copies, periodic review, withdrawal."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access, shown_by
from core.form_pages import form_page, run_service

from .. import selectors, services
from ..forms import DistributionForm, PeriodicReviewForm, ReasonForm
from ..workflow import DOCUMENT_WORKFLOW, EDITS_DOCUMENT, OWNS_DOCUMENT

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
DOCUMENT_SHOWN = shown_by(selectors.documents_visible_to)


@require_POST
@access(SIGNED_IN)
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    ack = selectors.acknowledgement_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.acknowledgement_confirm(acknowledgement=ack, actor=request.user),
        _("Thank you: your acknowledgement of %(version)s is recorded.") % {"version": ack.version},
    )
    return redirect(ack.version)


@access(SIGNED_IN)
def my_reading(request: HttpRequest) -> HttpResponse:
    return render(
        request, "documents/my_reading.html", {"acks": selectors.acknowledgements_pending_for(request.user)}
    )


@access("documents.manage_familiarization")
def familiarization_report(request: HttpRequest) -> HttpResponse:
    return render(
        request, "documents/familiarization_report.html", {"versions": selectors.familiarization_report()}
    )


@access("documents.manage_familiarization")
def distribute(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    return form_page(
        request,
        DistributionForm(request.POST or None),
        action=lambda data: services.distribution_issue(
            version=version,
            actor=request.user,
            recipients=data["recipients"],
            external=data["external"],
            copies=data["copies"],
        ),
        success=_("The issue of copies is recorded."),
        done_url=version.get_absolute_url(),
        template="documents/distribute.html",
        context={"version": version, "document": version.document},
    )


@require_POST
@access("documents.manage_familiarization")
def confirm_withdrawal(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.distribution_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.distribution_confirm_withdrawal(distribution=item, actor=request.user),
        _("The withdrawal of the copy held by %(who)s is confirmed.") % {"who": item.recipient_label},
    )
    return redirect(item.version.document)


@access("documents.view_document", opens=DOCUMENT_SHOWN, moves=OWNS_DOCUMENT)
def periodic_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not OWNS_DOCUMENT.allows_on(request.user, document):
        raise PermissionDenied
    return form_page(
        request,
        PeriodicReviewForm(request.POST or None),
        action=lambda data: services.document_review_no_change(
            document=document, actor=request.user, password=data["password"], comment=data["comment"]
        ),
        success=_("The review is recorded and signed; the next one is set."),
        done_url=document.get_absolute_url(),
        template="documents/periodic_review.html",
        context={"document": document},
    )


@access("documents.view_document", moves=DOCUMENT_WORKFLOW.acts("withdrawn"), opens=DOCUMENT_SHOWN)
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not EDITS_DOCUMENT.allows_on(request.user, document):
        raise PermissionDenied
    return form_page(
        request,
        ReasonForm(request.POST or None),
        action=lambda data: services.document_withdraw(
            document=document, actor=request.user, comment=data["comment"]
        ),
        success=_("The document is withdrawn."),
        done_url=document.get_absolute_url(),
        template="documents/withdraw.html",
        context={"document": document},
    )


@require_POST
@access("documents.view_document", moves=DOCUMENT_WORKFLOW.acts("archived"), opens=DOCUMENT_SHOWN)
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not EDITS_DOCUMENT.allows_on(request.user, document):
        raise PermissionDenied
    run_service(
        request,
        lambda: services.document_archive(document=document, actor=request.user),
        _("The document is archived."),
    )
    return redirect(document)


@access("documents.view_all_documents")
def overdue_reviews(request: HttpRequest) -> HttpResponse:
    return render(request, "documents/overdue_reviews.html", {"documents": selectors.overdue_reviews()})
