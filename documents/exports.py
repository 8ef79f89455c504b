"""The register of effective documents as CSV and XLSX (written by core.exports)."""

from django.utils.translation import gettext as _

from core import exports

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
WIDTHS = [12, 60, 22, 9, 14, 28, 28, 16, 14]


def rows(documents):
    for document in documents:
        yield [str(get(document)) for _title, get in COLUMNS]


def _header() -> list[str]:
    return [str(title) for title, _get in COLUMNS]


def register_csv(documents) -> bytes:
    return b"".join(exports.csv_chunks(_header(), rows(documents)))


def register_xlsx(documents) -> bytes:
    title = _("Register of documents")
    return exports.xlsx_bytes(title, _header(), rows(documents), WIDTHS)
