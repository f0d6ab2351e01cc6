"""The CSV and XLSX writers, read back with real parsers (the csv module, openpyxl)."""

import csv
import datetime
import decimal
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from insights import exports

COLUMNS = ("Naam", "Team", "Afgerond", "Score", "Gestart", "Laatst actief", "Actief")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ROWS = [
    (
        "Anna de Vries",
        'Programma "West"; fase 2',
        3,
        decimal.Decimal("7.5"),
        datetime.date(2026, 3, 1),
        datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC),
        True,
    ),
    ("Bram\nBakker", None, 0, 0.25, None, None, False),
]
ATTACKS = ['=HYPERLINK("https://example.org","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith(exports.BOM), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix(exports.BOM), newline=""), delimiter=";"))


def csv_text(columns=COLUMNS, rows=ROWS) -> str:
    return "".join(exports.csv_chunks(columns=columns, rows=rows))


def test_csv_reads_back_with_the_csv_module():
    header, first, second = read_csv(csv_text())
    assert header == list(COLUMNS)
    assert first == ["Anna de Vries", 'Programma "West"; fase 2', "3", "7,5", "2026-03-01", "2026-03-02 09:30", "ja"]
    assert second == ["Bram\nBakker", "", "0", "0,25", "", "", "nee"]


def test_csv_written_to_a_file_is_utf8_with_a_bom():
    file = io.BytesIO()
    exports.write_csv(columns=COLUMNS, rows=ROWS, file=file)
    raw = file.getvalue()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_csv(raw.decode("utf-8")) == read_csv(csv_text())


@pytest.mark.parametrize("attack", ATTACKS)
def test_csv_neutralises_formulas(attack):
    (_header, row) = read_csv(csv_text(columns=("Naam",), rows=[(attack,)]))
    assert row == [f"'{attack}"]


def test_csv_keeps_negative_numbers_as_numbers():
    (_header, row) = read_csv(csv_text(columns=("Verschil",), rows=[(-2,)]))
    assert row == ["-2"]


def test_csv_neutralises_a_column_heading_too():
    (header,) = read_csv(csv_text(columns=("=cmd",), rows=[]))
    assert header == ["'=cmd"]


def test_csv_pulls_rows_only_as_it_sends_them():
    pulled = []

    def rows():
        for number in range(1000):
            pulled.append(number)
            yield (number,)

    chunks = exports.csv_chunks(columns=("Nummer",), rows=rows(), chunk_rows=10)
    assert pulled == []
    next(chunks)
    assert len(pulled) < 20
    assert sum(1 for _chunk in chunks) > 90
    assert len(pulled) == 1000


def read_xlsx(data: bytes):
    return load_workbook(io.BytesIO(data))


def xlsx_bytes(columns=COLUMNS, rows=ROWS, title="Voortgang per team") -> bytes:
    file = io.BytesIO()
    exports.write_xlsx(title=title, columns=columns, rows=rows, file=file)
    return file.getvalue()


def test_xlsx_reads_back_with_openpyxl_keeping_types(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    sheet = read_xlsx(xlsx_bytes()).active
    assert sheet.title == "Voortgang per team"
    assert sheet.freeze_panes == "A2"
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(COLUMNS)
    assert all(cell.font.bold for cell in sheet[1])
    assert rows[1] == [
        "Anna de Vries",
        'Programma "West"; fase 2',
        3,
        7.5,
        datetime.datetime(2026, 3, 1),
        datetime.datetime(2026, 3, 2, 9, 30),
        True,
    ]
    assert rows[2] == ["Bram\nBakker", None, 0, 0.25, None, None, False]
    assert sheet["E2"].is_date


def test_xlsx_stores_formula_like_text_as_quoted_text():
    data = xlsx_bytes(columns=("Naam",), rows=[(attack,) for attack in ATTACKS])
    sheet = read_xlsx(data).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # The text as it was, typed as a string with Excel's quote prefix.
    assert [cell.value for cell in cells] == ATTACKS
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_drops_characters_excel_refuses_and_sanitises_the_sheet_name():
    sheet = read_xlsx(xlsx_bytes(columns=("Naam",), rows=[("Anna\x00\x07 de Vries",)], title="Team: [A/B]?" * 3)).active
    assert sheet["A2"].value == "Anna de Vries"
    assert len(sheet.title) <= 31
    assert not set("[]:*?/\\") & set(sheet.title)


def test_filename():
    day = datetime.date(2026, 3, 1)
    assert exports.filename(key="voortgang_team", organisation_slugs=["utrecht"], day=day, fmt="csv") == (
        "spil-voortgang_team-utrecht-2026-03-01.csv"
    )
    assert exports.filename(key="personen", organisation_slugs=["zeist", "utrecht"], day=day, fmt="xlsx") == (
        "spil-personen-meerdere-organisaties-2026-03-01.xlsx"
    )
