"""Writers for the exports of the HR dashboard's tables: CSV and XLSX, one row at a time, so
a large organisation's export never sits in memory whole.

CSV is UTF-8 with a byte-order mark, fields separated by a semicolon and decimals written
with a comma: what Excel with Dutch regional settings opens straight into columns (with a
comma between fields it would put each whole line into one cell). Other programs read it
with ``delimiter=";"``. Dates are ISO 8601 (2026-03-01), which Excel recognises too.

XLSX is written by openpyxl in write-only mode: each row goes to a temporary file on disk as
it is appended, and the workbook is zipped from there. Numbers, dates and yes/no stay typed.

Formula injection: a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return could run as a formula in a spreadsheet. In CSV it gets a leading apostrophe (the
OWASP advice); in XLSX it is stored as text marked "quote prefix", which Excel shows
unchanged and never evaluates.
"""

import csv
import datetime
import decimal
from collections.abc import Iterable, Iterator
from typing import IO, Any

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font

CSV_DELIMITER = ";"
BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Lines of CSV sent to the client at once: few enough to keep memory flat, enough to spare
# the server a write per row.
CSV_CHUNK_ROWS = 200
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def neutralise(text: str) -> str:
    """A text a spreadsheet cannot take for a formula."""
    return f"'{text}" if is_formula_like(text) else text


def column_label(column: Any) -> str:
    """A column's heading: the column itself when it is text, else its ``label`` (or ``title``)."""
    if isinstance(column, str | Promise):
        return str(column)
    for attribute in ("label", "title"):
        label = getattr(column, attribute, None)
        if label:
            return str(label)
    return str(column)


def _local(value: datetime.datetime) -> datetime.datetime:
    """Local time without a time zone: spreadsheets know no time zones."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


# CSV ---------------------------------------------------------------------------------


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nee")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | decimal.Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise(str(value))


class _Echo:
    """A file that hands back what is written to it: csv.writer then formats one line at a
    time for a streaming response (Django's recipe for large CSV files)."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(*, columns: Iterable, rows: Iterable[tuple], chunk_rows: int = CSV_CHUNK_ROWS) -> Iterator[str]:
    """The CSV text in pieces of ``chunk_rows`` lines, pulling rows only as it goes."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    chunk = [BOM + writer.writerow([neutralise(column_label(column)) for column in columns])]
    for row in rows:
        chunk.append(writer.writerow([csv_cell(value) for value in row]))
        if len(chunk) >= chunk_rows:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def write_csv(*, columns: Iterable, rows: Iterable[tuple], file: IO[bytes]) -> None:
    for chunk in csv_chunks(columns=columns, rows=rows):
        file.write(chunk.encode())


# XLSX --------------------------------------------------------------------------------


def sheet_title(title: str) -> str:
    return str(title).translate(SHEET_TITLE_FORBIDDEN).strip()[:SHEET_TITLE_MAX] or "Spil"


def _quoted(cell: Cell) -> Cell:
    """Text that looks like a formula stays text: a string cell with Excel's quote prefix."""
    if isinstance(cell.value, str) and is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def xlsx_cell(sheet, value: Any) -> Any:
    """A value openpyxl writes as it is, or a cell holding a text that looks like a formula."""
    if value is None or isinstance(value, bool | int | float | decimal.Decimal):
        return value
    if isinstance(value, datetime.datetime):
        return _local(value)
    if isinstance(value, datetime.date):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return _quoted(WriteOnlyCell(sheet, value=text)) if is_formula_like(text) else text


def write_xlsx(*, title: str, columns: Iterable, rows: Iterable[tuple], file: IO[bytes]) -> None:
    """One worksheet named after the table, a bold heading row that stays in view, then the rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading = []
    for column in columns:
        cell = _quoted(WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", column_label(column))))
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    workbook.save(file)


def write(*, fmt: str, title: str, columns: Iterable, rows: Iterable[tuple], file: IO[bytes]) -> None:
    if fmt == "xlsx":
        write_xlsx(title=title, columns=columns, rows=rows, file=file)
    else:
        write_csv(columns=columns, rows=rows, file=file)


def filename(*, key: str, organisation_slugs: Iterable[str], day: datetime.date, fmt: str) -> str:
    """spil-<table>-<organisation>-<date>.<format>; several organisations say so."""
    slugs = sorted(organisation_slugs)
    organisation = slugs[0] if len(slugs) == 1 else "meerdere-organisaties"
    return f"spil-{slugify(key)}-{organisation}-{day.isoformat()}.{fmt}"
