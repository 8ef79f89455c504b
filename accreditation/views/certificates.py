"""Certificates, their signature and reissue, and publication of the decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import checked_file_response
from core.form_pages import run_service
from core.pdf import pdf_response

from .. import pdf, selectors, services
from ..forms import ReissueForm, SignForm
from ..models import Certificate

# The object a URL names is opened by those the app's selector shows it to (404 otherwise).
CERTIFICATE_SHOWN = shown_by(selectors.certificates_visible_to)
PROJECT_SHOWN = shown_by(selectors.projects_visible_to)

VIEW = "accreditation.view_accreditationproject"
SECRETARY = "accreditation.record_council_decision"


@access(VIEW, opens=CERTIFICATE_SHOWN)
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    can_sign = (
        request.user.has_perm("accreditation.sign_certificate")
        and certificate.status == Certificate.Status.DRAFT
    )
    form = SignForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("accreditation.sign_certificate"):
            raise PermissionDenied
        if form.is_valid() and run_service(
            request,
            lambda: services.certificate_sign(
                certificate=certificate, actor=request.user, password=form.cleaned_data["password"]
            ),
            _("The certificate is signed."),
            form,
        ):
            return redirect(certificate.project)
    return render(
        request,
        "accreditation/certificate_detail.html",
        {
            "certificate": certificate,
            "form": form,
            "can_sign": can_sign,
            "can_reissue": request.user.has_perm(SECRETARY) and certificate.status in ("valid", "suspended"),
            "reissue_form": ReissueForm(),
            "history": certificate.history.select_related("history_user")[:20],
        },
    )


@access(VIEW, opens=CERTIFICATE_SHOWN)
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    return pdf_response(pdf.certificate_pdf(certificate), f"{certificate.number}.pdf")


@require_POST
@access(SECRETARY, opens=CERTIFICATE_SHOWN)
def certificate_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_get_for(request.user, pk)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the reason and say what is corrected."))
        return redirect(certificate)
    made = {}

    def reissue():
        made["new"] = services.certificate_reissue(
            certificate=certificate, actor=request.user, **form.cleaned_data
        )

    if run_service(
        request, reissue, _("A corrected certificate waits for the Director General's signature.")
    ):
        return redirect(made["new"])
    return redirect(certificate)


@require_POST
@access(SECRETARY, opens=PROJECT_SHOWN)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    run_service(
        request,
        lambda: services.publish(project=project, actor=request.user),
        _("The decision is published and the education authority notified."),
    )
    return redirect(project)


@access(VIEW, opens=PROJECT_SHOWN)
def publication_file(request: HttpRequest, pk: int, publication_pk: int, what: str) -> HttpResponse:
    project = selectors.project_get_for(request.user, pk)
    publication = selectors.publication_get(project, publication_pk)
    file, sha256 = {
        "report": (publication.report_pdf, publication.report_sha256),
        "decision": (publication.decision_pdf, publication.decision_sha256),
    }.get(what, (None, ""))
    if not file:
        raise Http404
    return checked_file_response(request, file, sha256, content_type="application/pdf")
