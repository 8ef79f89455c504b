"""The stored KPI reports: the list, the download (only while the file still matches its
SHA-256) and the IQAS owner's "make it now" for a month or a year that has ended."""

import logging
import smtplib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import access
from core.file_responses import stored_file_response
from improvement.models import KpiReport

from .. import services
from ..forms import MakeForm
from ..selectors import kpi_reports

MAKE = "improvement.change_kpitarget"
logger = logging.getLogger(__name__)


@access("improvement.view_kpi_report")
def kpi_report_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    page = Paginator(kpi_reports.reports_of(kind), settings.PAGINATE_BY).get_page(request.GET.get("page"))
    last_month = kpi_reports.previous_period(KpiReport.Kind.MONTHLY)
    return render(
        request,
        "improvement/kpi_report_list.html",
        {
            "page_obj": page,
            "reports": page.object_list,
            "kind": kind,
            "kinds": KpiReport.Kind.choices,
            "can_make": request.user.has_perm(MAKE),
            "form": MakeForm(initial={"kind": "monthly", "year": last_month.year, "month": last_month.month}),
        },
    )


@access("improvement.view_kpi_report")
def kpi_report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(KpiReport, pk=pk)
    if not kpi_reports.file_intact(report):
        messages.error(
            request,
            _("The stored report no longer matches the SHA-256 recorded when it was made; it is not served."),
        )
        return redirect("reporting:kpi_report_list")
    name = report.file.name.rsplit("/", 1)[-1]
    return stored_file_response(report.file, name, content_type="application/pdf")


@require_POST
@access(MAKE)
def kpi_report_make(request: HttpRequest) -> HttpResponse:
    form = MakeForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        messages.error(request, " ".join(errors) + " " + _("Nothing was made."))
        return redirect("reporting:kpi_report_list")
    kind, start = form.cleaned_data["kind"], form.period_start()
    existed = kpi_reports.report_made(kind, start)
    try:
        services.kpi_report_make(kind, start, actor=request.user, today=timezone.localdate())
    except (ValidationError, PermissionDenied) as exc:
        text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text or _("You may not make KPI reports."))
        return redirect("reporting:kpi_report_list")
    except (smtplib.SMTPException, OSError):  # the mail server: the report is stored, not sent
        logger.exception("KPI report e-mail failed")
        messages.warning(
            request, _("The report is stored, but the e-mail could not be sent now; try again later.")
        )
        return redirect("reporting:kpi_report_list")
    if existed:
        messages.info(request, _("The report for this period was made already; here it is, unchanged."))
    else:
        messages.success(
            request, _("The report is made, stored and e-mailed to the Director General and the IQAS owner.")
        )
    return redirect("reporting:kpi_report_list")
