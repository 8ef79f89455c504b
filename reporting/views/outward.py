"""The agency's yearly reports outward (§4.2, §4.5.2): the list with "prepare a report", a
report's page with its figures as they stand, the PDF (the signed one once signed, a draft
until then), the Director General's signature and his "send"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access, shown_by
from core.file_responses import stored_file_response
from core.form_pages import form_page, run_service
from core.pdf import pdf_response
from core.selectors import events_for
from improvement.models import OutwardReport
from improvement.outward_workflow import OUTWARD_WORKFLOW, PREPARE_REPORTS, VIEW_REPORTS

from ..forms import OutwardPrepareForm, SignForm
from ..pdf import outward_pdf as outward_pdf_of
from ..selectors import outward as selectors
from ..services import outward as services

RS = OutwardReport.Status
opens_report = shown_by(selectors.reports_for)
SIGNS = OUTWARD_WORKFLOW.acts(RS.SIGNED)
SENDS = OUTWARD_WORKFLOW.acts(RS.SENT)


def _years() -> list[int]:
    last = timezone.localdate().year - 1
    return list(range(last, max(selectors.FIRST_YEAR, last - 5) - 1, -1))


def _prepare_form(data=None) -> OutwardPrepareForm:
    return OutwardPrepareForm(data, addressees=selectors.addressees(), years=_years())


@access(VIEW_REPORTS)
def outward_list(request: HttpRequest) -> HttpResponse:
    may_prepare = request.user.has_perm(PREPARE_REPORTS)
    return render(
        request,
        "improvement/outward_list.html",
        {
            "reports": selectors.with_addressees(selectors.reports_for(request.user)),
            "form": _prepare_form() if may_prepare else None,
        },
    )


@require_POST
@access(PREPARE_REPORTS)
def outward_prepare(request: HttpRequest) -> HttpResponse:
    form = _prepare_form(request.POST)
    if not form.is_valid():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(errors) + " " + _("Nothing was prepared."))
        return redirect("reporting:outward_list")
    kind, country = form.kind_and_country()
    made = []
    if run_service(
        request,
        lambda: made.append(
            services.outward_prepare(
                actor=request.user, kind=kind, year=form.cleaned_data["year"], country=country
            )
        ),
        _("The report is prepared from the records; check its figures, then the Director General signs it."),
    ):
        return redirect(made[0].get_absolute_url())
    return redirect("reporting:outward_list")


def _report(request: HttpRequest, pk: int) -> OutwardReport:
    report = get_object_or_404(selectors.reports_for(request.user), pk=pk)
    report.shown_to = selectors.addressee_shown(report)
    return report


@access(VIEW_REPORTS, opens=opens_report)
def outward_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    return render(
        request,
        "improvement/outward_detail.html",
        {
            "report": report,
            "figures": selectors.report_context(report) if report.status == RS.DRAFT else None,
            "buttons": OUTWARD_WORKFLOW.buttons(report, request.user),
            "recipients": services.recipients_of(report) if report.status == RS.SIGNED else [],
            "events": events_for(report),
        },
    )


@access(VIEW_REPORTS, opens=opens_report)
def outward_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The signed PDF (served only while it matches its SHA-256), or the draft as of now."""
    report = _report(request, pk)
    name = f"{report.kind}-{report.year}{'-' + report.country.lower() if report.country else ''}.pdf"
    if report.status == RS.DRAFT:
        return pdf_response(outward_pdf_of(report, sign=False), f"draft-{name}")
    if not selectors.file_intact(report):
        messages.error(request, _("The signed report no longer matches its SHA-256; it is not served."))
        return redirect(report.get_absolute_url())
    return stored_file_response(report.file, name, content_type="application/pdf")


@access(VIEW_REPORTS, opens=opens_report, moves=SIGNS)
def outward_sign(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not SIGNS.allows(request.user, pk=pk):
        raise PermissionDenied
    if not OUTWARD_WORKFLOW.may(request.user, report, RS.SIGNED):
        messages.error(request, _("This report is signed already; a signed report is not changed."))
        return redirect(report.get_absolute_url())
    return form_page(
        request,
        SignForm(request.POST or None),
        action=lambda data: services.outward_sign(
            report=report, actor=request.user, password=data["password"]
        ),
        success=_("Signed: the PDF carries your signature and the agency's. Send it when you are ready."),
        done_url=report.get_absolute_url(),
        template="improvement/outward_sign.html",
        context={"report": report},
    )


@require_POST
@access(VIEW_REPORTS, opens=opens_report, moves=SENDS)
def outward_send(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not SENDS.allows(request.user, pk=pk):
        raise PermissionDenied
    run_service(
        request,
        lambda: services.outward_send(report=report, actor=request.user),
        _("Sent: the signed PDF leaves by e-mail; the report is kept as it was sent."),
    )
    return redirect(report.get_absolute_url())
