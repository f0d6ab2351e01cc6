"""Reading a file of people to invite: CSV (comma or semicolon, UTF-8 with or without a
byte-order mark) or XLSX (the first worksheet, in openpyxl's read-only mode).

What makes the whole file unreadable raises a ``ValidationError`` with a sentence HR can act
on; what is wrong with one row is for ``rules.py`` to say. Nothing here touches the database."""

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# An XLSX file is a zip archive: refuse one that unpacks to far more than a sheet of
# MAX_ROWS people could need, before openpyxl reads it.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 50
# A worksheet formatted down to its last row yields a million empty rows: this many empty
# rows in a row end the reading.
MAX_EMPTY_RUN = 5_000

FIELDS = ("name", "email", "team", "role")
REQUIRED = ("name", "email")
COLUMN_LABELS = {"name": _("naam"), "email": _("e-mail"), "team": _("team"), "role": _("rol")}
# The header names each column goes by, in Dutch and English, compared without case,
# spaces, hyphens and underscores.
HEADER_NAMES = {
    "name": {"naam", "name", "volledigenaam", "fullname"},
    "email": {"email", "emailadres", "mail", "mailadres", "emailaddress"},
    "team": {"team", "afdeling"},
    "role": {"rol", "role"},
}

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls format (and .doc)

UNREADABLE = _(
    "Spil kan dit bestand niet lezen. Kies een CSV-bestand of een Excel-bestand (.xlsx) met de kolommen "
    "naam, e-mail, team en rol."
)


@dataclass
class RawRow:
    """One row of the file: its number as a spreadsheet shows it, its values by field, and
    the fields whose cell held a formula instead of a value."""

    line: int
    values: dict[str, str]
    formulas: list[str] = field(default_factory=list)


@dataclass
class Sheet:
    rows: list[RawRow]
    ignored_columns: list[str]


def read_people_file(data: bytes) -> Sheet:
    """The rows of an uploaded file, under a header row naming at least the columns name and email."""
    if len(data) > MAX_BYTES:
        raise ValidationError(too_large_message(), code="too_large")
    if not data.strip():
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    if data.startswith(ZIP_SIGNATURE):
        table = _xlsx_table(data)
    elif data.startswith(OLE_SIGNATURE):
        raise ValidationError(
            _(
                "Dit is een Excel-bestand in het oude formaat (.xls). Sla het in Excel op als "
                "'Excel-werkmap (.xlsx)' of als 'CSV UTF-8' en kies het dan opnieuw."
            ),
            code="xls",
        )
    else:
        table = _csv_table(data)
    return _sheet(table)


def too_large_message() -> str:
    return _(
        "Het bestand is groter dan %(size)s MB. Splits het in kleinere bestanden van hoogstens %(rows)s rijen."
    ) % {"size": MAX_BYTES // (1024 * 1024), "rows": f"{MAX_ROWS:,}".replace(",", ".")}


Table = Iterator[tuple[int, list[str], set[int]]]  # line, cell texts, positions of formula cells


def _csv_table(data: bytes) -> Table:
    if b"\x00" in data:
        raise ValidationError(
            _(
                "Het bestand bevat NUL-tekens: het is geen tekstbestand, of het is opgeslagen als UTF-16. "
                "Sla het in Excel op als 'CSV UTF-8' en kies het dan opnieuw."
            ),
            code="nul",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "Spil kan dit bestand niet lezen: het is geen Excel-bestand (.xlsx) en geen CSV-bestand in UTF-8. "
                "Is het een CSV-bestand, sla het dan in Excel op als 'CSV UTF-8' en kies het opnieuw."
            ),
            code="encoding",
        ) from None
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,").delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return _csv_records(text, delimiter)


def _csv_records(text: str, delimiter: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise ValidationError(
                _(
                    "Spil kan rij %(line)s van het bestand niet lezen: er staat een aanhalingsteken verkeerd, "
                    "of een waarde is veel te lang. Verbeter de rij en kies het bestand opnieuw."
                )
                % {"line": line + 1},
                code="csv",
            ) from None
        line += 1
        yield line, record[:MAX_COLUMNS], set()


def _xlsx_table(data: bytes) -> Table:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise ValidationError(UNREADABLE, code="zip") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(too_large_message(), code="too_large")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a zip that is no workbook (a .docx, a damaged file)
        raise ValidationError(UNREADABLE, code="xlsx") from None
    return _xlsx_records(workbook)


def _xlsx_records(workbook) -> Table:
    try:
        if not workbook.worksheets:
            raise ValidationError(UNREADABLE, code="no_sheet")
        sheet = workbook.worksheets[0]
        for line, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            texts, formulas = [], set()
            for position, cell in enumerate(cells):
                if getattr(cell, "data_type", None) == "f":
                    formulas.add(position)
                    texts.append("")
                else:
                    texts.append(_cell_text(cell.value))
            yield line, texts, formulas
    except ValidationError:
        raise
    except Exception:  # a worksheet openpyxl cannot parse halfway through
        raise ValidationError(UNREADABLE, code="xlsx") from None
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch not in " -_\u00a0\ufeff:*")


def _columns(cells: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which position holds which field, and the columns Spil does not use."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for position, text in enumerate(cells):
        key = _header_key(text.strip())
        if not key:
            continue
        known = next((name for name, aliases in HEADER_NAMES.items() if key in aliases), None)
        if known is None:
            ignored.append(text.strip()[:40])
        elif known in columns:
            raise ValidationError(
                _("De kolom '%(column)s' staat twee keer in de kopregel. Laat er één over.")
                % {"column": COLUMN_LABELS[known]},
                code="duplicate_column",
            )
        else:
            columns[known] = position
    missing = [COLUMN_LABELS[name] for name in REQUIRED if name not in columns]
    if missing:
        found = ", ".join(f"'{name}'" for name in ignored[:8]) or _("geen bruikbare kolomnamen")
        names = " en ".join(f"'{name}'" for name in missing)
        problem = ngettext("de kolom %(names)s ontbreekt", "de kolommen %(names)s ontbreken", len(missing)) % {
            "names": names
        }
        raise ValidationError(
            _(
                "De kopregel klopt niet: %(problem)s. De eerste rij moet de kolomnamen bevatten: naam, e-mail, "
                "team en rol (team en rol mogen ontbreken). Spil vond: %(found)s."
            )
            % {"problem": problem, "found": found},
            code="header",
        )
    return columns, ignored


def _sheet(table: Table) -> Sheet:
    columns: dict[str, int] | None = None
    ignored: list[str] = []
    rows: list[RawRow] = []
    empty_run = 0
    for line, cells, formulas in table:
        if columns is None:
            if any(cell.strip() for cell in cells):
                columns, ignored = _columns(cells)
            continue
        values = {
            name: (cells[position].strip() if position < len(cells) else "") for name, position in columns.items()
        }
        formula_fields = [name for name, position in columns.items() if position in formulas]
        if not any(values.values()) and not formula_fields:
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
            continue
        empty_run = 0
        rows.append(RawRow(line=line, values={name: values.get(name, "") for name in FIELDS}, formulas=formula_fields))
        if len(rows) > MAX_ROWS:
            raise ValidationError(
                _("Het bestand heeft meer dan %(rows)s rijen. Splits het in kleinere bestanden.")
                % {"rows": f"{MAX_ROWS:,}".replace(",", ".")},
                code="too_many_rows",
            )
    if columns is None:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    if not rows:
        raise ValidationError(
            _("Het bestand heeft een kopregel, maar niemand eronder. Zet onder de kopregel één persoon per rij."),
            code="no_rows",
        )
    return Sheet(rows=rows, ignored_columns=ignored)
