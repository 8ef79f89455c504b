"""The register of effective documents and the familiarization report as CSV and XLSX
(written by core.exports)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


def _moment(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _opened(ack) -> str:
    if ack.opened_at:
        return f"{_moment(ack.opened_at)} ({ack.get_opened_via_display()})"
    # Confirmed before the portal recorded openings.
    return _("not recorded") if ack.acknowledged_at else ""


FAMILIARIZATION_COLUMNS = [
    (gettext_lazy("Version"), lambda v, a: str(v)),
    (gettext_lazy("Title"), lambda v, a: v.document.localized_title),
    (gettext_lazy("Person"), lambda v, a: str(a.person)),
    (gettext_lazy("Asked"), lambda v, a: _moment(a.assigned_at)),
    (gettext_lazy("Due"), lambda v, a: a.due_date.isoformat()),
    (gettext_lazy("First opened"), lambda v, a: _opened(a)),
    (gettext_lazy("Confirmed"), lambda v, a: _moment(a.acknowledged_at)),
]
FAMILIARIZATION_WIDTHS = [16, 50, 28, 17, 12, 36, 17]


def _familiarization_rows(versions):
    for version in versions:
        for ack in version.readers:
            yield [str(get(version, ack)) for _title, get in FAMILIARIZATION_COLUMNS]


def _familiarization_header() -> list[str]:
    return [str(title) for title, _get in FAMILIARIZATION_COLUMNS]


def familiarization_csv(versions) -> bytes:
    """One line per person asked to read an effective version (documents.selectors.familiarization_report)."""
    return b"".join(exports.csv_chunks(_familiarization_header(), _familiarization_rows(versions)))


def familiarization_xlsx(versions) -> bytes:
    return exports.xlsx_bytes(
        str(gettext_lazy("Familiarization with documents")),
        _familiarization_header(),
        _familiarization_rows(versions),
        FAMILIARIZATION_WIDTHS,
    )
