"""PDF approval sheet of a version and exports of the register."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from core.access import access
from core.exports import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE
from core.pdf import pdf_response

from .. import exports, pdf, selectors
from ..models import Document


@access("documents.view_document")
def approval_sheet(request: HttpRequest, pk: int, version_pk: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, version_pk)
    return pdf_response(
        pdf.approval_sheet(version), f"{version.document.code}_v{version.number}_approval_sheet.pdf"
    )


@access("documents.view_document")
def register_export(request: HttpRequest, fmt: str) -> HttpResponse:
    documents = (
        selectors.documents_visible_to(request.user).filter(status=Document.Status.EFFECTIVE).order_by("code")
    )
    stamp = timezone.localdate().isoformat()
    if fmt == "pdf":
        return pdf_response(pdf.register_pdf(documents), f"iaar-register-{stamp}.pdf", inline=False)
    if fmt == "csv":
        content, kind = exports.register_csv(documents), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        content = exports.register_xlsx(documents)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="iaar-register-{stamp}.{fmt}"'
    return response


@access("documents.manage_familiarization")
def familiarization_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The familiarization report, one line per person: asked, first opened, confirmed."""
    versions = selectors.familiarization_report()
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        content, kind = exports.familiarization_csv(versions), CSV_CONTENT_TYPE
    elif fmt == "xlsx":
        content, kind = exports.familiarization_xlsx(versions), XLSX_CONTENT_TYPE
    else:
        raise Http404
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="iaar-familiarization-{stamp}.{fmt}"'
    return response
