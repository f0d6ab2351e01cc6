"""Learning circles in the browser: an organiser publishes a session, learners register, the
waitlist moves up; every page is checked with axe-core, on a desktop and a phone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from circles.models import Registration
from people.models import Organisation
from tests.circles.factories import (
    CircleIndexPageFactory,
    CircleMemberFactory,
    LearningCirclePageFactory,
    OrganiserFactory,
    SessionFactory,
)
from tests.people.factories import LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in

DESKTOP, PHONE = 1280, 390


@pytest.fixture
def circles(site):
    index = CircleIndexPageFactory(parent=site, show_in_menus=True)
    organiser = OrganiserFactory(
        user__email="organisator@leerkring.example.org", user__full_name="Olga Organisator"
    ).user
    circle = LearningCirclePageFactory(
        parent=index,
        title="Leerkring projectondersteuners",
        slug="projectondersteuners",
        theme="Het vak van projectondersteuner, van gemeenten en provincies",
        organisers=[organiser],
    )
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    utrecht = OrganisationFactory(name="Provincie Utrecht", slug="provincie-utrecht", kind=Organisation.Kind.PROVINCIE)
    learners = [
        LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries").user,
        LearnerFactory(organisation=zeist, user__email="bram@zeist.example.org", user__full_name="Bram Bakker").user,
        LearnerFactory(
            organisation=utrecht, user__email="cees@utrecht.example.org", user__full_name="Cees Claassen"
        ).user,
    ]
    return {"index": index, "circle": circle, "organiser": organiser, "learners": learners}


def register(page, email, session_url):
    log_in(page, email)
    page.goto(session_url)
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^(Aanmelden|Zet me op de wachtlijst)$")).click()


def log_out(page):
    page.context.clear_cookies()


def test_an_organiser_publishes_and_the_waitlist_moves_up(page, circles):
    anna, bram, cees = circles["learners"]
    log_in(page, "organisator@leerkring.example.org")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leerkringen").click()
    assert_accessible(page)
    page.get_by_role("link", name="Leerkring projectondersteuners").click()
    page.get_by_role("link", name="Nieuwe bijeenkomst").click()
    expect(page.get_by_role("heading", level=1, name="Nieuwe bijeenkomst")).to_be_visible()
    assert_accessible(page)

    day = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    page.get_by_label("Centraal thema").fill("De functie- en taakbeschrijving")
    page.get_by_label("Datum").fill(day)
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Eindtijd").fill("09:00")
    page.get_by_label("Link naar de online bijeenkomst").fill("https://meet.example.org/juni")
    page.get_by_label("Aantal plaatsen").fill("2")
    page.get_by_role("button", name="Bijeenkomst publiceren").click()
    expect(page.get_by_text("De eindtijd ligt na de begintijd.")).to_be_visible()
    expect(page.get_by_label("Centraal thema")).to_have_value("De functie- en taakbeschrijving")
    assert_accessible(page)
    page.get_by_label("Eindtijd").fill("11:30")
    page.get_by_role("button", name="Bijeenkomst publiceren").click()
    expect(page.get_by_role("heading", level=1, name="De functie- en taakbeschrijving")).to_be_visible()
    expect(page.get_by_text("0 van 2 bezet")).to_be_visible()
    assert_accessible(page)
    session_url = page.url

    for person in (anna, bram):
        log_out(page)
        register(page, person.email, session_url)
        expect(page.get_by_text("Je bent aangemeld.").first).to_be_visible()
        expect(page.get_by_role("link", name="Naar de online bijeenkomst")).to_be_visible()
        assert_accessible(page)

    log_out(page)
    register(page, cees.email, session_url)
    expect(page.get_by_text("Je staat op de wachtlijst, als nummer 1.")).to_be_visible()
    expect(page.get_by_role("link", name="Naar de online bijeenkomst")).to_have_count(0)
    assert_accessible(page)

    log_out(page)
    log_in(page, bram.email)
    page.goto(session_url)
    page.get_by_role("button", name="Afmelden").click()
    expect(page.get_by_text("Je bent afgemeld voor deze bijeenkomst.")).to_be_visible()
    assert_accessible(page)

    log_out(page)
    log_in(page, cees.email)
    page.goto(session_url)
    expect(page.get_by_role("link", name="Naar de online bijeenkomst")).to_be_visible()
    page.goto("/leerkringen/mijn/agenda/")
    expect(page.get_by_role("heading", level=1, name="Mijn bijeenkomsten")).to_be_visible()
    expect(page.get_by_text("Je bent aangemeld", exact=True)).to_be_visible()
    assert_accessible(page)
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {anna.email: "registered", bram.email: "cancelled", cees.email: "registered"}


def test_the_organiser_moves_copies_and_cancels_a_session(page, circles):
    session = SessionFactory(circle=circles["circle"], theme="Het takenpakket", capacity=20)
    log_in(page, "organisator@leerkring.example.org")
    page.goto(f"/leerkringen/bijeenkomsten/{session.pk}/")
    page.get_by_role("link", name="Verplaatsen").click()
    assert_accessible(page)
    new_day = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    page.get_by_label("Datum").fill(new_day)
    page.get_by_label("Bericht aan de deelnemers").fill("De zaal is die dag bezet.")
    page.get_by_role("button", name="Verplaatsen").click()
    expect(page.get_by_text("De bijeenkomst is verplaatst.")).to_be_visible()

    page.get_by_role("link", name="Kopieer naar een nieuwe bijeenkomst").click()
    expect(page.get_by_label("Centraal thema")).to_have_value("Het takenpakket")
    assert_accessible(page)
    page.get_by_role("button", name="Bijeenkomst publiceren").click()
    expect(page.get_by_role("heading", level=1, name="Het takenpakket")).to_be_visible()

    page.get_by_role("link", name="Afgelasten").click()
    assert_accessible(page)
    page.get_by_role("button", name="Bijeenkomst afgelasten").click()
    expect(page.get_by_text("Deze bijeenkomst is afgelast.", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"/leerkringen/uitnodigingen/{circles['circle'].pk}/")
    page.get_by_label("E-mailadressen").fill("nieuw@gemeente.example.org")
    page.get_by_role("button", name="Uitnodigen").click()
    expect(page.get_by_role("rowheader", name="nieuw@gemeente.example.org")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_circle_pages_fit_the_screen(page, circles, width):
    circle = circles["circle"]
    anna = circles["learners"][0]
    for person in circles["learners"]:
        CircleMemberFactory(circle=circle, user=person)
    session = SessionFactory(circle=circle, theme="Functie- en taakbeschrijving van projectondersteuning")
    starts = timezone.now() - datetime.timedelta(days=40)
    SessionFactory(
        circle=circle, theme="Het takenpakket", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, anna.email)
    for url in (
        circles["index"].url,
        circle.url,
        f"/leerkringen/bijeenkomsten/{session.pk}/",
        "/leerkringen/mijn/agenda/",
    ):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
        assert_accessible(page)
    page.goto(circle.url)
    expect(page.get_by_text("gemeente: 2 leden; provincie: 1 lid")).to_be_visible()
    expect(page.get_by_text("Bram Bakker")).to_have_count(0)


def test_anonymous_visitors_see_the_circle_but_no_link(page, circles):
    session = SessionFactory(circle=circles["circle"], theme="Open bijeenkomst")
    page.goto(circles["circle"].url)
    expect(
        page.get_by_role("link", name="Log in om lid te worden en je aan te melden voor bijeenkomsten.")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Open bijeenkomst").click()
    expect(page.get_by_text("Online. De link staat hier zodra je een plaats hebt.")).to_be_visible()
    assert_accessible(page)
    assert "meet.example.org" not in page.content()
    assert session.online_url
