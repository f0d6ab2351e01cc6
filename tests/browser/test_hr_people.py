"""The HR adviser's people pages in the browser: the list of the organisation's people with
search and team filter, changing a team (with an error first), and removing a person after
the confirmation page. Every page is checked with axe-core, on a desktop and on a phone."""

import pytest
from playwright.sync_api import expect

from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

from .conftest import assert_accessible, log_in
from .test_layout import assert_no_sideways_scrolling

DESKTOP, PHONE = 1280, 390


@pytest.fixture
def people(site):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org", user__full_name="Hanna Bakker")
    anna = LearnerFactory(
        organisation=zeist,
        team="Programmabureau",
        user__email="anna@zeist.example.org",
        user__full_name="Anna de Vries",
    ).user
    kees = LearnerFactory(
        organisation=zeist, team="Projectbureau", user__email="kees@zeist.example.org", user__full_name="Kees Jansen"
    ).user
    MembershipFactory(user=kees, organisation=zeist, role=Membership.Role.ORGANISER, team="Projectbureau")
    bram = LearnerFactory(
        organisation=OrganisationFactory(name="Gemeente Utrecht", slug="utrecht"),
        user__email="bram@utrecht.example.org",
        user__full_name="Bram Smit",
    ).user
    return {"zeist": zeist, "anna": anna, "kees": kees, "bram": bram}


def check(page) -> None:
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_hr_changes_a_team_and_removes_a_person(page, people, width):
    zeist, anna, kees = people["zeist"], people["anna"], people["kees"]
    page.set_viewport_size({"width": width, "height": 900})
    # The first request to a fresh live server loads every URL pattern: slow on a busy machine.
    page.goto("/accounts/login/", timeout=90_000)
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/mensen/")
    expect(page.get_by_role("heading", level=1, name="Mensen in je organisatie")).to_be_visible()
    table = page.get_by_role("table", name="3 mensen")
    expect(table.get_by_role("link", name="Anna de Vries", exact=True)).to_be_visible()
    expect(page.get_by_text("Bram Smit")).to_have_count(0)
    check(page)

    # Search, then the team filter.
    page.get_by_label("Zoek op naam of e-mailadres").fill("kees@")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("table", name="1 persoon gevonden")).to_be_visible()
    page.get_by_role("link", name="Wis filters").click()
    page.get_by_label("Team").select_option("Programmabureau")
    page.get_by_role("button", name="Zoeken").click()
    found = page.get_by_role("table", name="1 persoon gevonden")
    expect(found.get_by_role("link", name="Anna de Vries", exact=True)).to_be_visible()
    check(page)

    # Change Anna's team: first too long, then right.
    page.get_by_role("link", name="Team en geschiedenis van Anna de Vries").click()
    expect(page.get_by_role("heading", level=1, name="Team en rollen van Anna de Vries")).to_be_visible()
    team = page.get_by_label("Team of afdeling")
    expect(team).to_have_value("Programmabureau")
    check(page)
    # The browser stops at 120 characters (maxlength); what another client sends is refused too.
    team.evaluate("input => input.removeAttribute('maxlength')")
    team.fill("P" * 121)
    page.get_by_role("button", name="Team opslaan").click()
    expect(page.get_by_text("Een teamnaam is hoogstens 120 tekens lang.")).to_be_visible()
    expect(team).to_have_attribute("aria-invalid", "true")
    check(page)
    team.fill("Projectbureau")
    page.get_by_role("button", name="Team opslaan").click()
    expect(page.get_by_text("Anna de Vries zit nu in team 'Projectbureau' van Gemeente Zeist.")).to_be_visible()
    history = page.get_by_role("table", name="Wijzigingen in team en rollen, nieuwste eerst")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Team van 'Programmabureau' naar 'Projectbureau'")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Hanna Bakker")
    check(page)
    assert Membership.objects.get(user=anna, organisation=zeist).team == "Projectbureau"

    # Remove Kees, after the confirmation page.
    page.get_by_role("link", name="Terug naar de mensen in je organisatie").click()
    page.get_by_role("link", name="Verwijderen Kees Jansen uit de organisatie").click()
    expect(page.get_by_role("heading", level=1, name="Kees Jansen uit de organisatie verwijderen")).to_be_visible()
    expect(page.get_by_text("Het account blijft bestaan")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Verwijder Kees Jansen uit Gemeente Zeist").click()
    expect(page.get_by_text("Kees Jansen is uit Gemeente Zeist verwijderd.")).to_be_visible()
    expect(
        page.get_by_role("table", name="2 mensen").get_by_role("link", name="Kees Jansen", exact=True)
    ).to_have_count(0)
    check(page)
    assert not Membership.objects.filter(user=kees, organisation=zeist).exists()
    assert User.objects.filter(pk=kees.pk).exists()
