"""Reading the uploaded file: CSV and XLSX, and every way a file can be unreadable, each with
a sentence HR can act on."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from invitations import files
from invitations.files import read_people_file

from .conftest import csv_bytes, xlsx_bytes


def refusal(data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        read_people_file(data)
    return " ".join(caught.value.messages)


def values(sheet) -> list[tuple]:
    return [
        (row.line, row.values["name"], row.values["email"], row.values["team"], row.values["role"])
        for row in sheet.rows
    ]


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [False, True], ids=["utf-8", "utf-8 with BOM"])
def test_a_csv_file_with_commas_or_semicolons_with_or_without_bom(delimiter, bom):
    data = csv_bytes(
        "naam,e-mail,team,rol",
        "Anne Ørsted,anne@zeist.example.org,PMO,deelnemer",
        "Bram,bram@example.org,,",
        bom=bom,
        delimiter=delimiter,
    )
    sheet = read_people_file(data)
    assert values(sheet) == [
        (2, "Anne Ørsted", "anne@zeist.example.org", "PMO", "deelnemer"),
        (3, "Bram", "bram@example.org", "", ""),
    ]
    assert sheet.ignored_columns == []


def test_english_headers_in_any_order_extra_columns_ignored_and_empty_rows_skipped():
    data = csv_bytes(
        "Email;Personeelsnummer;Name",
        "",
        "a@example.org;123;A de Jong",
        ";;",
        "b@example.org;124;B de Jong",
        delimiter=";",
    )
    sheet = read_people_file(data)
    assert values(sheet) == [(3, "A de Jong", "a@example.org", "", ""), (5, "B de Jong", "b@example.org", "", "")]
    assert sheet.ignored_columns == ["Personeelsnummer"]


def test_quoted_values_keep_their_delimiters():
    sheet = read_people_file(b'naam;email\n"Vries; de, Jan";jan@example.org\n')
    assert sheet.rows[0].values["name"] == "Vries; de, Jan"


def test_an_xlsx_file_reads_the_first_sheet_with_numbers_as_text():
    data = xlsx_bytes(
        [
            ["Naam", "E-mailadres", "Team"],
            ["Carla", "carla@example.org", 42],
            [None, None, None],
            ["Dirk", "dirk@example.org", None],
        ]
    )
    assert values(read_people_file(data)) == [
        (2, "Carla", "carla@example.org", "42", ""),
        (4, "Dirk", "dirk@example.org", "", ""),
    ]


def test_a_formula_in_an_xlsx_file_is_marked_on_its_row():
    data = xlsx_bytes([["naam", "email"], ['=CONCAT("Anne", " Jansen")', "anne@example.org"]])
    (row,) = read_people_file(data).rows
    assert row.formulas == ["name"]
    assert row.values["name"] == ""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "Het bestand is leeg."),
        (b"\r\n \r\n", "Het bestand is leeg."),
        (b"naam,email\r\n", "Het bestand heeft een kopregel, maar niemand eronder."),
        (
            b"voornaam,adres\nAnne,anne@example.org\n",
            "De kopregel klopt niet: de kolommen 'naam' en 'e-mail' ontbreken.",
        ),
        (b"naam,telefoon\nAnne,0612345678\n", "de kolom 'e-mail' ontbreekt"),
        (b"naam,email,e-mail\nA,a@example.org,a@example.org\n", "De kolom 'e-mail' staat twee keer in de kopregel."),
        (b"naam,email\nAnne\x00,anne@example.org\n", "Het bestand bevat NUL-tekens"),
        ("naam,email\nAnne,anne@example.org\n".encode("utf-16"), "Het bestand bevat NUL-tekens"),
        ("naam,email\nRenée,renee@example.org\n".encode("cp1252"), "geen CSV-bestand in UTF-8"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "Het bestand bevat NUL-tekens"),
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "geen CSV-bestand in UTF-8"),
        (files.OLE_SIGNATURE + b"\x00" * 100, "oude formaat (.xls)"),
        (b"PK\x03\x04 not a zip at all", "Spil kan dit bestand niet lezen."),
        (b'naam,email\n"Anne' + b"x" * 200_000 + b'",a@example.org\n', "Spil kan rij 2 van het bestand niet lezen"),
    ],
    ids=[
        "empty",
        "blank lines",
        "header only",
        "wrong headers",
        "no email column",
        "duplicate column",
        "nul byte",
        "utf-16",
        "cp1252",
        "png",
        "pdf",
        "old xls",
        "broken zip",
        "field beyond the csv limit",
    ],
)
def test_an_unreadable_file_gets_a_clear_dutch_sentence(data, expected):
    assert expected in refusal(data)


def test_a_zip_that_is_no_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "Spil kan dit bestand niet lezen." in refusal(buffer.getvalue())


def test_a_zip_that_unpacks_to_far_too_much_is_refused_before_openpyxl_reads_it(monkeypatch):
    monkeypatch.setattr(files, "MAX_UNPACKED_BYTES", 1000)
    assert "groter dan 10 MB" in refusal(xlsx_bytes([["naam", "email"], ["A", "a@example.org"]]))


def test_a_file_over_the_size_limit():
    assert refusal(b"x" * (files.MAX_BYTES + 1)).startswith("Het bestand is groter dan 10 MB.")


def test_more_rows_than_the_limit(monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 3)
    data = csv_bytes("naam,email", *[f"P{i},p{i}@example.org" for i in range(4)])
    assert "meer dan 3 rijen" in refusal(data)
    data = csv_bytes("naam,email", *[f"P{i},p{i}@example.org" for i in range(3)])
    assert len(read_people_file(data).rows) == 3


def test_a_100k_character_value_is_read_for_its_row_to_report():
    (row,) = read_people_file(csv_bytes("naam,email", "x" * 100_000 + ",a@example.org")).rows
    assert len(row.values["name"]) == 100_000


def test_a_worksheet_with_a_long_run_of_empty_rows_stops_reading(monkeypatch):
    monkeypatch.setattr(files, "MAX_EMPTY_RUN", 3)
    data = xlsx_bytes([["naam", "email"], ["A", "a@example.org"], [], [], [], ["B", "b@example.org"]])
    assert [row.values["name"] for row in read_people_file(data).rows] == ["A"]
