"""The organiser's pages and the members' side after a session, in the browser: the
dashboard, a circle's numbers, taking attendance with a walk-in, the check-in code, the
report with a material, the feedback; a member checks in, gives feedback and answers the
intake. Every page is checked with axe-core, on a desktop and, where the layout changes,
on a phone."""

import re

import pytest
from playwright.sync_api import expect

from circles.models import Attendance, Feedback, IntakeQuestion
from tests.circles.factories import (
    AttendanceFactory,
    CircleIndexPageFactory,
    FeedbackFactory,
    IntakeAnswerFactory,
    IntakeQuestionFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    RegistrationFactory,
)
from tests.circles.organiser_factories import member, past_session, registered, running_session
from tests.people.factories import OrganisationFactory

from .conftest import assert_accessible, log_in
from .test_layout import assert_no_sideways_scrolling

DESKTOP, PHONE = 1280, 390


@pytest.fixture
def circle_world(site):
    index = CircleIndexPageFactory(parent=site, show_in_menus=True)
    organiser = OrganiserFactory(
        user__email="organisator@leerkring.example.org", user__full_name="Olga Organisator"
    ).user
    circle = LearningCirclePageFactory(
        parent=index, title="Leerkring projectondersteuners", slug="projectondersteuners", organisers=[organiser]
    )
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    provincie = OrganisationFactory(name="Provincie Utrecht", slug="provincie-utrecht", kind="provincie")
    running = running_session(circle, theme="Functie- en taakbeschrijving")
    anna = registered(running, organisation=zeist, email="anna@zeist.example.org", full_name="Anna de Vries")
    bram = registered(running, organisation=provincie, email="bram@utrecht.example.org", full_name="Bram Bakker")
    held = past_session(circle, days=2, theme="Het takenpakket van een ondersteuner")
    question = IntakeQuestionFactory(circle=circle, question="Hoeveel jaar werk je als ondersteuner?")
    IntakeQuestionFactory(
        circle=circle, question="Hoeveel projecten ondersteun je?", kind=IntakeQuestion.Kind.NUMBER, choices=""
    )
    for n, value in enumerate(["0-5 jaar", "0-5 jaar", "5-10 jaar", "Meer dan 10 jaar", "0-5 jaar"]):
        person = member(circle, organisation=provincie if n % 2 else zeist)
        IntakeAnswerFactory(question=question, user=person, value=value)
        RegistrationFactory(session=held, user=person)
        AttendanceFactory(session=held, user=person)
        FeedbackFactory(session=held, user=person, rating=3 + n % 3, comment="Veel herkenning" if n == 1 else "")
    RegistrationFactory(session=held, user=anna)
    AttendanceFactory(session=held, user=anna)
    return {"circle": circle, "organiser": organiser, "running": running, "held": held, "anna": anna, "bram": bram}


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_organiser_dashboard_and_a_circles_numbers(page, circle_world, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "organisator@leerkring.example.org")
    page.goto("/leerkringen/beheer/")
    expect(page.get_by_role("heading", level=1, name="Leerkringen beheren")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    page.get_by_role("link", name="Leerkring projectondersteuners").click()
    expect(page.get_by_role("heading", level=1, name="Leerkring projectondersteuners")).to_be_visible()
    expect(page.get_by_role("img", name="Aanmeldingen, wachtlijst en aanwezigheid per bijeenkomst")).to_be_visible()
    expect(page.get_by_role("table", name="Aanmeldingen, wachtlijst en aanwezigheid per bijeenkomst")).to_be_visible()
    expect(page.get_by_role("table", name="Leden per soort organisatie")).to_be_visible()
    expect(page.get_by_role("img", name="Hoeveel jaar werk je als ondersteuner?")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_organiser_takes_attendance_with_a_walk_in(page, circle_world, width):
    page.set_viewport_size({"width": width, "height": 900})
    running = circle_world["running"]
    log_in(page, "organisator@leerkring.example.org")
    page.goto(f"/leerkringen/beheer/bijeenkomst/{running.pk}/aanwezigheid/")
    expect(page.get_by_role("heading", level=1, name=re.compile("^Aanwezigheid: Functie"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Aanwezigheid van Anna de Vries").get_by_label("Aanwezig", exact=True).check()
    page.get_by_role("group", name="Aanwezigheid van Bram Bakker").get_by_label("Afwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_text("De aanwezigheid is opgeslagen.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Caroline uit Zeist")
    page.get_by_role("button", name="Toevoegen als aanwezig").click()
    expect(page.get_by_text("Caroline uit Zeist staat op de lijst als aanwezig.")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    assert Attendance.objects.get(session=running, name="Caroline uit Zeist").status == "present"
    assert Attendance.objects.get(session=running, user=circle_world["anna"]).status == "present"
    assert Attendance.objects.get(session=running, user=circle_world["bram"]).status == "absent"

    page.get_by_role("link", name="Aanwezigheidscode", exact=True).click()
    expect(page.get_by_role("button", name="Nieuwe code maken")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


def test_the_organiser_publishes_the_report_and_reads_the_feedback(page, circle_world):
    held = circle_world["held"]
    log_in(page, "organisator@leerkring.example.org")
    page.goto(f"/leerkringen/beheer/bijeenkomst/{held.pk}/verslag/")
    assert_accessible(page)
    page.get_by_role("textbox", name="Verslag").fill(
        "Velen voelen zich de spin in het web.\n\n- Twee voorbeelden\n- Kleine groepen"
    )
    page.get_by_role("button", name="Publiceren voor de leden").click()
    expect(page.get_by_text("Het verslag is opgeslagen en staat voor de leden klaar.")).to_be_visible()
    page.get_by_label("Titel").fill("Opname van de bijeenkomst")
    page.get_by_label("Of een link").fill("https://example.org/opname")
    page.get_by_role("button", name="Toevoegen", exact=True).click()
    expect(page.get_by_role("link", name="Opname van de bijeenkomst")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Feedback", exact=True).click()
    expect(page.get_by_text("Veel herkenning")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Aantal beoordelingen per waardering"))).to_be_visible()
    assert_accessible(page)


def test_a_member_checks_in_gives_feedback_and_answers_the_intake(page, circle_world):
    from circles import attendance

    running, held = circle_world["running"], circle_world["held"]
    code = attendance.check_in_code(actor=circle_world["organiser"], session=running)
    attendance.save_report(
        actor=circle_world["organiser"], session=held, report="<p>De spin in het web.</p>", publish=True
    )
    log_in(page, "anna@zeist.example.org")

    page.goto(f"/leerkringen/bijeenkomsten/{running.pk}/")
    page.get_by_label("Aanwezigheidscode").fill("AAAAAA" if code != "AAAAAA" else "BBBBBB")
    page.get_by_role("button", name="Inchecken").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Aanwezigheidscode").fill(code.lower())
    page.get_by_role("button", name="Inchecken").click()
    expect(page.get_by_text("Je bent ingecheckt: je aanwezigheid is vastgelegd.").first).to_be_visible()
    assert_accessible(page)

    page.goto(f"/leerkringen/bijeenkomsten/{held.pk}/")
    expect(page.get_by_text("De spin in het web.")).to_be_visible()
    page.get_by_role("link", name="Feedback geven").click()
    assert_accessible(page)
    page.get_by_label("4 - goed").check()
    page.get_by_label("Toelichting").fill("Fijn om te horen hoe het bij anderen gaat.")
    page.get_by_role("button", name="Feedback versturen").click()
    expect(page.get_by_text("Je hebt feedback gegeven op deze bijeenkomst. Dank je wel!")).to_be_visible()
    assert Feedback.objects.get(session=held, user=circle_world["anna"]).rating == 4

    page.goto(f"/leerkringen/mijn/intake/{circle_world['circle'].pk}/")
    expect(page.get_by_role("img", name="Hoeveel jaar werk je als ondersteuner?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Hoeveel jaar werk je als ondersteuner?").get_by_label("5-10 jaar").check()
    page.get_by_role("spinbutton", name="Hoeveel projecten ondersteun je?").fill("12")
    page.get_by_role("button", name="Antwoorden opslaan").click()
    expect(page.get_by_text("Dank je wel: je antwoorden zijn opgeslagen.")).to_be_visible()
    assert_accessible(page)
