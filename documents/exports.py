"""The register of effective documents as CSV and XLSX."""

import csv
import io

from django.utils.translation import gettext as _

COLUMNS = [
    (_("Code"), lambda d: d.code),
    (_("Title"), lambda d: d.localized_title),
    (_("Type"), lambda d: d.get_doc_type_display()),
    (_("Version"), lambda d: d.effective_version.number if d.effective_version else ""),
    (
        _("Effective from"),
        lambda d: (
            d.effective_version.effective_from.isoformat()
            if d.effective_version and d.effective_version.effective_from
            else ""
        ),
    ),
    (_("Owner"), lambda d: str(d.owner)),
    (_("Department"), lambda d: str(d.department or "")),
    (_("Confidentiality"), lambda d: d.get_confidentiality_display()),
    (_("Next review"), lambda d: d.next_review_date.isoformat() if d.next_review_date else ""),
]


def _cell(value: str) -> str:
    # A leading = + - @ would run as a formula in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def rows(documents):
    yield [str(title) for title, _get in COLUMNS]
    for document in documents:
        yield [_cell(str(get(document))) for _title, get in COLUMNS]


def register_csv(documents) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(documents))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel opens Cyrillic correctly


def register_xlsx(documents) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Register of documents")[:31]
    for row in rows(documents):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHI", (12, 60, 22, 9, 14, 28, 28, 16, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
