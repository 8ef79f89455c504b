"""The approval route: submit, review decisions, validation, approval, return."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import access

from .. import selectors, services
from ..forms import ApproveForm, DecisionForm, ReturnForm, SubmitForm, ValidationForm
from ..models import ReviewStep
from ..services.common import can_edit
from .common import run_service


def _page(request, version, form, template: str, **extra) -> HttpResponse:
    return render(
        request, template, {"form": form, "version": version, "document": version.document, **extra}
    )


@access("documents.view_document")
def version_submit(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    if not can_edit(request.user, version.document):
        raise PermissionDenied
    form = SubmitForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            request,
            lambda: services.version_submit(
                version=version,
                actor=request.user,
                reviewers=data["reviewers"],
                mode=data["mode"],
                peer_reviewers=data.get("peer_reviewers") or [],
                comment=data["comment"],
            ),
            _("The draft is sent for review."),
            form,
        ):
            return redirect(version)
    return _page(request, version, form, "documents/version_submit.html")


@access("documents.view_document")
def step_decide(request: HttpRequest, pk: int, version_pk: int, step_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    step = get_object_or_404(ReviewStep, pk=step_pk, version=version)
    if step.reviewer_id != request.user.pk:
        raise PermissionDenied
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreed = data["decision"] == ReviewStep.Decision.AGREED
        if run_service(
            request,
            lambda: services.step_decide(
                step=step,
                actor=request.user,
                decision=data["decision"],
                password=data["password"],
                comment=data["comment"],
            ),
            _("You agreed and signed.")
            if agreed
            else _("The draft is returned to its author with your comments."),
            form,
        ):
            return redirect(version)
    return _page(request, version, form, "documents/step_decide.html", step=step)


@access("documents.view_document")
def version_validate(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    if not can_edit(request.user, version.document):
        raise PermissionDenied
    form = ValidationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            request,
            lambda: services.version_record_validation(
                version=version,
                actor=request.user,
                body=data["body"],
                meeting_date=data["meeting_date"],
                password=data["password"],
                comment=data["comment"],
            ),
            _("The validation is recorded; the version now awaits approval."),
            form,
        ):
            return redirect(version)
    return _page(request, version, form, "documents/version_validate.html")


@access("documents.approve_document")
def version_approve(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    form = ApproveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_service(
            request,
            lambda: services.version_approve(
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
            _("Approved and signed."),
            form,
        ):
            return redirect(version)
    return _page(
        request, version, form, "documents/version_approve.html", signatures=version.signatures.all()
    )


@access("documents.approve_document")
def version_return(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    form = ReturnForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            request,
            lambda: services.version_return(
                version=version, actor=request.user, comment=form.cleaned_data["comment"]
            ),
            _("The version is returned to its author."),
            form,
        )
    ):
        return redirect(version)
    return _page(request, version, form, "documents/version_return.html")
