"""Read-and-acknowledge, distribution and withdrawal of copies, periodic review, withdrawal."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import SIGNED_IN, access

from .. import selectors, services
from ..forms import DistributionForm, PeriodicReviewForm, ReasonForm
from ..models import Acknowledgement, Distribution
from ..services.common import can_edit
from .common import run_service


@require_POST
@access(SIGNED_IN)
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    ack = get_object_or_404(
        Acknowledgement.objects.select_related("version__document"), pk=pk, person=request.user
    )
    run_service(
        request,
        lambda: services.acknowledgement_confirm(acknowledgement=ack, actor=request.user),
        _("Thank you: your acknowledgement of %(version)s is recorded.") % {"version": ack.version},
    )
    return redirect(ack.version.document)


@access(SIGNED_IN)
def my_reading(request: HttpRequest) -> HttpResponse:
    return render(
        request, "documents/my_reading.html", {"acks": selectors.acknowledgements_pending_for(request.user)}
    )


@access("documents.manage_familiarization")
def familiarization_report(request: HttpRequest) -> HttpResponse:
    return render(
        request, "documents/familiarization_report.html", {"versions": selectors.familiarization_overview()}
    )


@access("documents.manage_familiarization")
def distribute(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    form = DistributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            request,
            lambda: services.distribution_issue(
                version=version,
                actor=request.user,
                recipients=data["recipients"],
                external=data["external"],
                copies=data["copies"],
            ),
            _("The issue of copies is recorded."),
            form,
        ):
            return redirect(version)
    return render(
        request, "documents/distribute.html", {"form": form, "version": version, "document": version.document}
    )


@require_POST
@access("documents.manage_familiarization")
def confirm_withdrawal(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Distribution.objects.select_related("version__document"), pk=pk)
    selectors.document_get_for(request.user, item.version.document_id)
    run_service(
        request,
        lambda: services.distribution_confirm_withdrawal(distribution=item, actor=request.user),
        _("The withdrawal of the copy held by %(who)s is confirmed.") % {"who": item.recipient_label},
    )
    return redirect(item.version.document)


@access("documents.view_document")
def periodic_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if document.owner_id != request.user.pk:
        raise PermissionDenied
    form = PeriodicReviewForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.document_review_no_change(
                document=document,
                actor=request.user,
                password=form.cleaned_data["password"],
                comment=form.cleaned_data["comment"],
            ),
            _("The review is recorded and signed; the next one is set."),
            form,
        )
    ):
        return redirect(document)
    return render(request, "documents/periodic_review.html", {"form": form, "document": document})


@access("documents.view_document")
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not can_edit(request.user, document):
        raise PermissionDenied
    form = ReasonForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.document_withdraw(
                document=document, actor=request.user, comment=form.cleaned_data["comment"]
            ),
            _("The document is withdrawn."),
            form,
        )
    ):
        return redirect(document)
    return render(request, "documents/withdraw.html", {"form": form, "document": document})


@require_POST
@access("documents.view_document")
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_get_for(request.user, pk)
    if not can_edit(request.user, document):
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
