"""The public registry as a file: /registry/export.csv and /registry/export.xlsx.

The same query string as /registry/ (the same filters and order, every page at once).
Only what the registry shows is exported. The CSV streams row by row, so a list of tens of
thousands of rows never sits in memory; the XLSX is written to a temporary file and sent from it.
"""

from collections.abc import Iterator

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accreditation.models import AccreditationProject, Certificate, Decision
from core import exports
from core.access import PUBLIC, access

from . import selectors
from .forms import STATUS_CHOICES

FORMATS = ("csv", "xlsx")
CHUNK = 2000
COLUMNS = [
    _("Certificate number"),
    _("IAAR ID"),
    _("Organization"),
    _("Programme code"),
    _("Programme"),
    _("Kind"),
    _("Level"),
    _("Decision"),
    _("Years"),
    _("Decision date"),
    _("Valid from"),
    _("Valid until"),
    _("Status"),
    _("Organization page"),
]
WIDTHS = [18, 12, 50, 14, 50, 28, 30, 30, 7, 13, 12, 12, 12, 50]


def _labels(model, field: str) -> dict[str, str]:
    return {code: str(label) for code, label in model._meta.get_field(field).flatchoices}


def _rows(request: HttpRequest, certificates) -> Iterator[list]:
    # The rows are made while the response streams, after the view has returned (and after
    # the middleware's language is no longer certain): in the visitor's language all the same.
    return _rows_in(translation.get_language(), request, certificates)


def _rows_in(language: str, request: HttpRequest, certificates) -> Iterator[list]:
    with translation.override(language):
        today = timezone.localdate()
        # Labels looked up once: get_FOO_display() translates every choice on every call.
        statuses = {code: str(label) for code, label in STATUS_CHOICES}
        kinds = _labels(Certificate, "kind")
        levels = _labels(AccreditationProject, "level")
        outcomes = _labels(Decision, "outcome")
        pages: dict[str, str] = {}
        for certificate in certificates.iterator(chunk_size=CHUNK):
            organization, programme, decision = (
                certificate.organization,
                certificate.programme,
                certificate.decision,
            )
            if organization.iaar_id not in pages:
                pages[organization.iaar_id] = request.build_absolute_uri(
                    reverse("registry:organization", args=[organization.iaar_id])
                )
            status = selectors.public_status(certificate, today)
            yield [
                certificate.number,
                organization.iaar_id,
                organization.localized_name,
                programme.code if programme else "",
                programme.localized_name if programme else "",
                kinds.get(certificate.kind, certificate.kind),
                levels.get(certificate.project.level, certificate.project.level),
                outcomes.get(decision.outcome, decision.outcome),
                decision.years,
                decision.decided_on,
                certificate.valid_from,
                certificate.valid_until,
                statuses.get(status, status),
                pages[organization.iaar_id],
            ]


@access(PUBLIC)
def registry_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    certificates, _form = selectors.search(request.GET)  # invalid filters are ignored, as on the page
    certificates = certificates.select_related("project")
    header = [str(title) for title in COLUMNS]
    filename = f"iaar-registry-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            exports.csv_chunks(header, _rows(request, certificates)), content_type=exports.CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    title = str(_("Registry"))
    file = exports.xlsx_file(title, header, _rows(request, certificates), WIDTHS)
    return FileResponse(file, as_attachment=True, filename=filename, content_type=exports.XLSX_CONTENT_TYPE)


DEQAR_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@access("accreditation.record_council_decision")
def deqar_submission(request: HttpRequest, fmt: str) -> HttpResponse:
    """Published reports in DEQAR's submission format (its CSV upload or its submission API's
    JSON), for the council's secretary to upload by hand: every report, or one organization's
    (``?organization=IAAR-…``), or those published since a date (``?since=YYYY-MM-DD``)."""
    import datetime
    import io
    import json

    from django.utils.translation import gettext

    from . import deqar

    if fmt not in DEQAR_FORMATS:
        raise Http404
    organization = request.GET.get("organization", "").strip()[:20]
    since = request.GET.get("since", "").strip()
    try:
        rows = deqar.reports(
            organization=organization, since=datetime.date.fromisoformat(since[:10]) if since else None
        )
    except ValueError:
        return HttpResponse(
            gettext("Give the date as YYYY-MM-DD; nothing was exported."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    if fmt == "csv":
        out = io.StringIO()
        deqar.write_csv(rows, out)
        body = out.getvalue()
    else:
        body = json.dumps([deqar.payload(p) for p in rows], ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=DEQAR_FORMATS[fmt])
    name = f"deqar-{organization or 'iaar'}-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
