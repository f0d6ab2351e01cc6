import io

import openpyxl
import pytest

from tests.people.factories import HRAdviserFactory, OrganisationFactory


@pytest.fixture
def world(db):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr": HRAdviserFactory(organisation=zeist, user__full_name="Hanna Roos").user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
    }


def csv_bytes(*lines: str, delimiter: str = ",", bom: bool = False) -> bytes:
    text = "\r\n".join(line.replace(",", delimiter) for line in lines) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode()


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
