"""A learner walks from the dashboard to a next step and how ready they are for it."""

import re

import pytest
from playwright.sync_api import expect

from tests.curriculum.factories import AssignmentFactory
from tests.readiness.world import build_world

from .conftest import assert_accessible, log_in

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def world(site):
    world = build_world(site)
    anna = world["anna"]
    AssignmentFactory(user=anna, organisation=anna.memberships.first().organisation, track=None, path=world["path"])
    return world


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_from_the_dashboard_to_a_next_step_and_its_readiness(page, world, viewport):
    page.set_viewport_size(viewport)
    log_in(page, "anna@zeist.example.org")
    expect(page.get_by_role("heading", level=1, name="Welkom, Anna")).to_be_visible()
    page.get_by_text("Doorgroeien naar schaal 8").click()  # the assigned path opens to its tracks
    expect(page.get_by_role("link", name="Plannen voor gevorderden")).to_be_visible()
    assert_accessible(page)

    career = page.get_by_role("region", name="Mijn loopbaan")
    career.get_by_role("link", name="MO schaal 8").click()
    expect(page.get_by_role("heading", level=1, name="Op weg naar MO schaal 8")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Loopbaanladder"))).to_be_visible()
    expect(page.get_by_role("list", name="Loopbaanladder als lijst")).to_contain_text("je huidige functie")
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.get_by_role("table", name="Jouw niveau naast wat MO schaal 8 vraagt")).to_be_visible()
    expect(page.get_by_text("brengt je een stap verder, tot niveau 2")).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Leerkring ondersteuners")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Je volgende stap").click()
    expect(page.get_by_role("heading", level=1, name="Je volgende stap")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Hoe ver ben je voor Projectondersteuner?").click()
    expect(page.get_by_role("heading", level=1, name="Op weg naar Projectondersteuner")).to_be_visible()
    assert_accessible(page)


def test_a_role_profile_links_to_its_tracks_circles_and_readiness(page, world):
    log_in(page, "anna@zeist.example.org")
    page.goto(world["mo8"].url)
    learning = page.get_by_role("region", name="Leren voor deze rol")
    expect(learning.get_by_role("link", name="Plannen voor gevorderden")).to_be_visible()
    expect(learning.get_by_role("link", name="Leerkring managementondersteuners")).to_be_visible()
    assert_accessible(page)
    learning.get_by_role("link", name=re.compile("Hoe ver ben jij voor MO schaal 8")).click()
    expect(page.get_by_role("heading", level=1, name="Op weg naar MO schaal 8")).to_be_visible()
