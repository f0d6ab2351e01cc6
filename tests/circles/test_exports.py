"""The attendance list as CSV (streamed) and XLSX (openpyxl, read back here)."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from circles import attendance
from circles.models import Registration, Session
from tests.circles.factories import AttendanceFactory, RegistrationFactory, SessionFactory
from tests.circles.organiser_factories import member, organised_circle, past_session
from tests.people.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HEADERS = [
    "Bijeenkomst",
    "Datum",
    "Begin",
    "Einde",
    "Naam",
    "E-mailadres",
    "Organisatie",
    "Aanmelding",
    "Aanwezigheid",
    "Vastgelegd",
    "Uren",
]


@pytest.fixture
def world(home_page):
    organiser, circle = organised_circle(title="Leerkring projectondersteuners", slug="projectondersteuners")
    zeist = OrganisationFactory(name="Gemeente Zeist")
    first = past_session(circle, days=30, hours=1.5, theme="Het takenpakket")
    second = past_session(circle, days=10, hours=2, theme="Functie- en taakbeschrijving")
    SessionFactory(circle=circle, theme="Afgelast", status=Session.Status.CANCELLED)
    anna = member(circle, organisation=zeist, full_name="Anna de Wit", email="anna@zeist.example.org")
    bram = member(circle, full_name="Bram Smit", email="bram@utrecht.example.org")
    for session in (first, second):
        RegistrationFactory(session=session, user=anna)
        RegistrationFactory(session=session, user=bram)
    AttendanceFactory(session=first, user=anna)
    AttendanceFactory(session=first, user=bram, status="absent")
    attendance.add_walk_in(actor=organiser, session=second, name='=HYPERLINK("x")', email="gast@example.org")
    return {"organiser": organiser, "circle": circle, "first": first, "second": second, "anna": anna}


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_the_circle_csv_lists_everyone_per_session(client, world):
    client.force_login(world["organiser"])
    response = client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/aanwezigheid.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv"
    today = timezone.localdate()
    assert response["Content-Disposition"] == (
        f'attachment; filename="aanwezigheid-projectondersteuners-tot-{today:%Y-%m-%d}.csv"'
    )
    rows = csv_rows(response)
    assert rows[0] == HEADERS
    first_day = timezone.localtime(world["first"].starts_at)
    assert rows[1] == [
        "Het takenpakket",
        f"{first_day:%d-%m-%Y}",
        f"{first_day:%H:%M}",
        f"{first_day + datetime.timedelta(hours=1.5):%H:%M}",
        "Anna de Wit",
        "anna@zeist.example.org",
        "Gemeente Zeist",
        "Aangemeld",
        "Aanwezig",
        "Door de organisator",
        "1,5",
    ]
    # Per session: the registered by name, then who came without registering.
    assert [(r[0], r[4], r[8], r[10]) for r in rows[2:]] == [
        ("Het takenpakket", "Bram Smit", "Afwezig", "0"),
        ("Functie- en taakbeschrijving", "Anna de Wit", "Niet vastgelegd", "0"),
        ("Functie- en taakbeschrijving", "Bram Smit", "Niet vastgelegd", "0"),
        ("Functie- en taakbeschrijving", '\'=HYPERLINK("x")', "Aanwezig", "2"),
    ]
    assert rows[5][7] == "Niet aangemeld"
    assert all("Afgelast" not in row[0] for row in rows)


def test_the_session_csv_holds_that_session_only(client, world):
    client.force_login(world["organiser"])
    response = client.get(f"/leerkringen/beheer/bijeenkomst/{world['second'].pk}/aanwezigheid.csv")
    rows = csv_rows(response)
    assert {row[0] for row in rows[1:]} == {"Functie- en taakbeschrijving"}
    assert len(rows) == 4
    day = timezone.localtime(world["second"].starts_at).date()
    assert f"aanwezigheid-projectondersteuners-{day:%Y-%m-%d}.csv" in response["Content-Disposition"]


def test_the_xlsx_reads_back_with_dates_times_and_hours_as_values(client, world):
    client.force_login(world["organiser"])
    response = client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/aanwezigheid.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "aanwezigheid-projectondersteuners-tot-" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.title == "Leerkring projectondersteuners"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    first_day = timezone.localtime(world["first"].starts_at)
    theme, day, begin, _end, name, email, organisation, registration, status, method, hours = rows[1]
    assert (theme, name, email, organisation, registration, status, method, hours) == (
        "Het takenpakket",
        "Anna de Wit",
        "anna@zeist.example.org",
        "Gemeente Zeist",
        "Aangemeld",
        "Aanwezig",
        "Door de organisator",
        1.5,
    )
    assert day.date() == first_day.date()
    assert (begin.hour, begin.minute) == (first_day.hour, first_day.minute)
    assert len(rows) == 6
    # A formula typed as a name stays text.
    walk_in = next(row for row in rows if row[4].startswith("'="))
    assert walk_in[8] == "Aanwezig"
    assert sheet["A2"].data_type == "s"
    assert sheet["E6"].data_type == "s"


def test_the_session_xlsx_holds_that_session_only(client, world):
    client.force_login(world["organiser"])
    response = client.get(f"/leerkringen/beheer/bijeenkomst/{world['first'].pk}/aanwezigheid.xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [row[4] for row in rows[1:]] == ["Anna de Wit", "Bram Smit"]


def test_a_person_in_two_organisations_shows_both(client, world):
    LearnerFactory(user=world["anna"], organisation=OrganisationFactory(name="Provincie Utrecht"))
    client.force_login(world["organiser"])
    rows = csv_rows(client.get(f"/leerkringen/beheer/bijeenkomst/{world['first'].pk}/aanwezigheid.csv"))
    assert rows[1][6] == "Gemeente Zeist, Provincie Utrecht"


@pytest.mark.parametrize("size", [2, 30])
def test_the_exports_cost_the_same_queries_for_any_size(client, world, size, django_assert_max_num_queries):
    for days in (40, 50):
        session = past_session(world["circle"], days=days)
        for _ in range(size):
            person = member(world["circle"])
            RegistrationFactory(session=session, user=person, status=Registration.Status.REGISTERED)
            AttendanceFactory(session=session, user=person)
    client.force_login(world["organiser"])
    for extension in ("csv", "xlsx"):
        with django_assert_max_num_queries(9):
            response = client.get(f"/leerkringen/beheer/kring/{world['circle'].pk}/aanwezigheid.{extension}")
            content = b"".join(response.streaming_content)
        assert content


def test_only_the_circles_organisers_export(client, world):
    urls = [
        f"/leerkringen/beheer/kring/{world['circle'].pk}/aanwezigheid.csv",
        f"/leerkringen/beheer/kring/{world['circle'].pk}/aanwezigheid.xlsx",
        f"/leerkringen/beheer/bijeenkomst/{world['first'].pk}/aanwezigheid.csv",
        f"/leerkringen/beheer/bijeenkomst/{world['first'].pk}/aanwezigheid.xlsx",
    ]
    for url in urls:
        assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(world["anna"])
    assert {client.get(url).status_code for url in urls} == {403}
    other, _circle = organised_circle()
    client.force_login(other)
    assert {client.get(url).status_code for url in urls} == {404}
