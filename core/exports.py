"""Tables as CSV and XLSX files: document register, registry export, the API's ?format=csv/xlsx.

CSV is written line by line (UTF-8 with a BOM so Excel reads Cyrillic), XLSX through openpyxl's
write-only workbook into a temporary file, so neither holds a long list in memory.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
XLSX_MAX_CELL = 32_767  # characters Excel keeps in one cell
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A leading = + - @ (or tab, CR) would run as a formula in a spreadsheet: quote it."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_text(str(value))


def xlsx_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool | int | float | datetime.date):
        return value
    # Control characters make openpyxl refuse the whole file.
    return safe_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))[:XLSX_MAX_CELL]


class _Line:
    """csv.writer writes into this and gets the line back."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(header: list[str], rows: Iterable[list], lines_per_chunk: int = 500) -> Iterator[bytes]:
    """The CSV as UTF-8 chunks, BOM first: for a StreamingHttpResponse or to join at once."""
    writer = csv.writer(_Line())
    yield (BOM + writer.writerow([csv_value(h) for h in header])).encode("utf-8")
    rows = iter(rows)
    while chunk := list(islice(rows, lines_per_chunk)):
        yield "".join(writer.writerow([csv_value(v) for v in row]) for row in chunk).encode("utf-8")


def sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title.strip()[:31] or "Sheet"


def xlsx_file(title: str, header: list[str], rows: Iterable[list], widths: list[int] | None = None) -> IO:
    """The workbook in a temporary file, rewound; the caller reads or streams and closes it."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    for column, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=xlsx_value(str(text)))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([xlsx_value(v) for v in row])
    file = tempfile.TemporaryFile()  # noqa: SIM115 - the caller reads or streams it, then closes it
    try:
        book.save(file)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file


def xlsx_bytes(title: str, header: list[str], rows: Iterable[list], widths: list[int] | None = None) -> bytes:
    with xlsx_file(title, header, rows, widths) as file:
        return file.read()
