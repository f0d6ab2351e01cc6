"""Layout from 320 to 1920 pixels wide: Spil's own theme, the header, tables, titles, favicon."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.assessments.factories import SelfAssessmentIndexPageFactory
from tests.careers.factories import CareerMapPageFactory, RoleProfileIndexPageFactory
from tests.curriculum.factories import (
    AssignmentFactory,
    CatalogPageFactory,
    EnrolmentFactory,
    LearningTrackPageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible

WIDTHS = [320, 390, 768, 1280, 1920]
PHONES = [320, 390]
PHONE_HEADER_MAX_PX = 140
HEADER_MAX_PX = 200
ASSIGNMENTS = "Opdrachten met hun uiterste datum"
LONG_TITLE = "Managementondersteuner in een politiek-bestuurlijke omgeving"


@pytest.fixture
def world(site):
    catalog = CatalogPageFactory(parent=site, show_in_menus=True)
    SelfAssessmentIndexPageFactory(parent=site, show_in_menus=True)
    RoleProfileIndexPageFactory(parent=site, show_in_menus=True)
    CareerMapPageFactory(parent=site, show_in_menus=True)
    long_track = LearningTrackPageFactory(parent=catalog, title=LONG_TITLE)
    track = LearningTrackPageFactory(parent=catalog, title="Projectondersteuning en actielijsten")
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    hr = HRAdviserFactory(organisation=zeist, user__full_name="Hanneke van den Berg-Verhoeven").user
    learner = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user
    today = datetime.date.today()
    AssignmentFactory(user=learner, organisation=zeist, track=long_track, due_date=today + datetime.timedelta(days=20))
    AssignmentFactory(user=learner, organisation=zeist, track=track, due_date=today - datetime.timedelta(days=2))
    EnrolmentFactory(user=learner, track=track)
    return {"catalog": catalog, "hr": hr, "learner": learner}


def log_in(page, live_server, user):
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def visit(page, url):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def header_height(page) -> float:
    return page.get_by_role("banner").bounding_box()["height"]


def assert_no_sideways_scrolling(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_screen_and_keep_the_header_small(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    bound = PHONE_HEADER_MAX_PX if width in PHONES else HEADER_MAX_PX
    for url, user in [("/", None), (world["catalog"].url, None), ("/mijn/", "learner"), ("/hr/", "hr")]:
        if user:
            log_in(page, live_server, world[user])
        visit(page, url)
        assert_no_sideways_scrolling(page)
        assert header_height(page) <= bound, f"the header of {url} is {header_height(page)}px high at {width}px"
        assert_accessible(page)


@pytest.mark.parametrize("width", PHONES)
def test_phone_menu_opens_and_closes_by_keyboard(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, live_server, world["hr"])
    visit(page, "/hr/")
    menu = page.get_by_role("button", name="Menu")
    logout = page.get_by_role("button", name="Uitloggen")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(logout).to_be_hidden()
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_hidden()

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    account = page.get_by_role("navigation", name="Account")
    for name in ["Mijn Spil", "HR-overzicht", "Mijn account"]:
        expect(account.get_by_role("link", name=name)).to_be_visible()
    expect(logout).to_be_visible()
    expect(page.get_by_role("group", name="Taal")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leeraanbod")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)

    page.keyboard.press("Tab")
    expect(account.get_by_role("link", name="Mijn Spil")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(logout).to_be_hidden()


def test_without_the_menu_script_every_header_link_is_shown(page, live_server, world):
    page.route("**/js/spil.js", lambda route: route.abort())
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, live_server, world["hr"])
    visit(page, "/hr/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leeraanbod")).to_be_visible()
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


@pytest.mark.parametrize("width", [1280, 1920])
def test_account_menu_and_language_switch_share_one_row(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, world["hr"])
    visit(page, "/hr/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    links = page.get_by_role("navigation", name="Account").get_by_role("list").bounding_box()
    languages = page.get_by_role("group", name="Taal").bounding_box()
    middle = languages["y"] + languages["height"] / 2
    assert links["y"] <= middle <= links["y"] + links["height"], (links, languages)
    items = page.get_by_role("navigation", name="Account").get_by_role("listitem").all()
    middles = [box["y"] + box["height"] / 2 for box in (item.bounding_box() for item in items)]
    assert max(middles) - min(middles) <= 4, f"the account links wrap: {middles}"
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_status_column_of_my_assignments_can_be_scrolled_to_by_keyboard(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, world["learner"])
    visit(page, "/mijn/")
    region = page.get_by_role("region", name=ASSIGNMENTS)
    status = region.get_by_role("columnheader", name="Status")
    region.focus()
    expect(region).to_be_focused()
    for _ in range(20):
        page.keyboard.press("ArrowRight")
    # Keyboard scrolling is animated: wait for the column to come to rest inside the region.
    page.wait_for_function(
        """([region, column]) => column.getBoundingClientRect().right <= region.getBoundingClientRect().right + 1""",
        arg=[region.element_handle(), status.element_handle()],
    )
    box, column = region.bounding_box(), status.bounding_box()
    assert box["x"] - 1 <= column["x"]
    assert column["x"] + column["width"] <= box["x"] + box["width"] + 1
    assert column["x"] + column["width"] <= width
    assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_card_titles_break_between_words_and_pills_are_centred(page, live_server, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, world["learner"])
    visit(page, world["catalog"].url)
    split = page.evaluate(
        """() => [...document.querySelectorAll('.spil-card h3 a')].flatMap((link) => {
            const text = link.firstChild, words = [], range = document.createRange();
            for (const match of text.data.matchAll(/[^\\s-]+/g)) {
                range.setStart(text, match.index);
                range.setEnd(text, match.index + match[0].length);
                const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
                if (lines.size > 1) words.push(match[0]);
            }
            return words;
        })"""
    )
    assert split == [], f"words split across lines at {width}px: {split}"
    off_centre = page.evaluate(
        """() => {
            const pill = document.querySelector('.spil-badge'), range = document.createRange();
            range.selectNodeContents(pill);
            const box = pill.getBoundingClientRect(), text = range.getBoundingClientRect();
            return [
                Math.abs((box.left + box.right) / 2 - (text.left + text.right) / 2),
                Math.abs((box.top + box.bottom) / 2 - (text.top + text.bottom) / 2),
            ];
        }"""
    )
    assert max(off_centre) <= 1.5, f"the pill's text is off centre by {off_centre}px"
    assert_accessible(page)


def test_spil_wears_its_own_theme_and_favicon(page):
    page.goto("/")
    expect(page).to_have_title("Spil")
    html = page.locator("html")
    expect(html).to_have_class(re.compile(r"\bspil-theme\b"))
    expect(html).not_to_have_class(re.compile(r"\butrecht-theme\b"))
    assert not page.locator('link[href*="design-tokens"]').count()
    border = page.get_by_role("banner").evaluate("(header) => getComputedStyle(header).borderBottomColor")
    assert border == "rgb(11, 93, 115)", border
    icon = page.locator('link[rel="icon"]')
    expect(icon).to_have_attribute("type", "image/svg+xml")
    response = page.request.get(icon.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    legacy = page.request.get("/favicon.ico")
    assert legacy.status == 200
    assert legacy.headers["content-type"].startswith("image/svg+xml")
    assert_accessible(page)
    page.get_by_role("link", name="Toegankelijkheid").click()
    expect(page).to_have_title("Toegankelijkheidsverklaring · Spil")
    assert_accessible(page)
