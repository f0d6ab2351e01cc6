"""The attendance list of a circle (or of one session) as CSV and as XLSX.

One row per person per session, as on the organiser's attendance page
(``attendance.attendance_list``): everyone registered or on the waitlist, and everyone whose
attendance was recorded (check-ins, walk-ins). The rows are read in a fixed number of
queries; the CSV streams to the browser line by line, the XLSX is written with openpyxl's
write-only workbook into one buffer. A circle's list is bounded by its members times its
sessions (a few thousand rows), so no background job is needed.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from . import attendance
from .models import LearningCirclePage, Session

# Spreadsheet programs run a cell that starts with one of these as a formula; a name like
# "=HYPERLINK(...)" typed into a walk-in field must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def headers() -> list[str]:
    return [
        _("Bijeenkomst"),
        _("Datum"),
        _("Begin"),
        _("Einde"),
        _("Naam"),
        _("E-mailadres"),
        _("Organisatie"),
        _("Aanmelding"),
        _("Aanwezigheid"),
        _("Vastgelegd"),
        _("Uren"),
    ]


def attendance_rows(*, circle: LearningCirclePage, session: Session | None = None) -> list[attendance.ListRow]:
    """The lists of the circle's sessions (or of ``session``), oldest session first;
    cancelled sessions are left out. Four queries, however many rows."""
    sessions = Session.objects.filter(circle=circle).exclude(status=Session.Status.CANCELLED)
    sessions = sessions.order_by("starts_at", "pk")
    if session is not None:
        sessions = sessions.filter(pk=session.pk)
    return attendance.attendance_list(sessions=list(sessions))


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _values(row: attendance.ListRow) -> list:
    starts, ends = timezone.localtime(row.session.starts_at), timezone.localtime(row.session.ends_at)
    return [
        _text(row.session.theme),
        starts.date(),
        starts.time().replace(tzinfo=None),
        ends.time().replace(tzinfo=None),
        _text(row.name),
        _text(row.email),
        _text(row.organisations),
        row.registration,
        str(row.status_label),
        row.method,
        row.hours,
    ]


class _Echo:
    """A file-like object for csv.writer that hands back each written line."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[attendance.ListRow]) -> Iterator[str]:
    """UTF-8 with a byte-order mark and semicolons, as Dutch Excel opens it; dates as
    dd-mm-jjjj, hours with a decimal comma."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(headers())
    for row in rows:
        values = _values(row)
        values[1] = values[1].strftime("%d-%m-%Y")
        values[2] = values[2].strftime("%H:%M")
        values[3] = values[3].strftime("%H:%M")
        values[10] = f"{values[10]:g}".replace(".", ",")
        yield writer.writerow(values)


def xlsx_file(rows: Iterable[attendance.ListRow], *, title: str):
    """The workbook in memory (a circle's list is a few thousand rows at most), at its start."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = {1: "DD-MM-YYYY", 2: "HH:MM", 3: "HH:MM", 10: "0.00"}
    for row in rows:
        cells = []
        for index, value in enumerate(_values(row)):
            cell = WriteOnlyCell(sheet, value=value)
            if index in formats:
                cell.number_format = formats[index]
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or _("Aanwezigheid"))[:31]


def file_name(*, circle: LearningCirclePage, session: Session | None, extension: str) -> str:
    when = timezone.localtime(session.starts_at).date() if session else timezone.localdate()
    prefix = f"aanwezigheid-{circle.slug}"
    return f"{prefix}-{when:%Y-%m-%d}.{extension}" if session else f"{prefix}-tot-{when:%Y-%m-%d}.{extension}"
