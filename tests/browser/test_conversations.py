"""A development conversation in the browser: the learner asks for one from 'Mijn loopbaan'
(first with a message that is too long), the HR adviser plans it and records the outcome
with a career step, and the learner sees the new role and the next steps. Every page is
checked with axe-core, on a desktop and on a phone."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from careers.models import CurrentRole, Family
from tests.careers.factories import CareerPathFactory, RoleProfileIndexPageFactory, RoleProfilePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in
from .test_layout import assert_no_sideways_scrolling

DESKTOP, PHONE = 1280, 390


@pytest.fixture
def world(site):
    index = RoleProfileIndexPageFactory(parent=site)
    support = RoleProfilePageFactory(
        parent=index, title="Projectondersteuner", family=Family.PROJECT_SUPPORT, salary_scale=8
    )
    practical = RoleProfilePageFactory(
        parent=index, title="PMO praktisch", family=Family.PROJECT_SUPPORT, salary_scale=9
    )
    tactical = RoleProfilePageFactory(
        parent=index, title="PMO tactisch", family=Family.PROJECT_SUPPORT, salary_scale=10
    )
    CareerPathFactory(from_profile=support, to_profile=practical, description="Je bewaakt meer projecten tegelijk.")
    CareerPathFactory(from_profile=practical, to_profile=tactical, description="Je richt de projectbeheersing in.")
    zeist = OrganisationFactory(name="Gemeente Zeist")
    anna = LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org", user__full_name="Hanna Bakker")
    CurrentRole.objects.create(user=anna.user, profile=support, since=datetime.date(2024, 3, 1))


def check(page) -> None:
    assert_no_sideways_scrolling(page)
    assert_accessible(page)


def chosen(page, label):
    """The selected option of the select with this label."""
    return page.get_by_label(label).locator("option:checked")


def switch_to(page, email: str) -> None:
    page.context.clear_cookies()
    log_in(page, email)


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_learner_asks_adviser_records_a_step_learner_moves_on(page, world, width):
    page.set_viewport_size({"width": width, "height": 900})
    # The first request to a fresh live server loads every URL pattern: slow on a busy machine.
    page.goto("/accounts/login/", timeout=90_000)
    log_in(page, "anna@zeist.example.org")

    # The learner asks, first with a message longer than allowed.
    page.goto("/mijn/loopbaan/")
    expect(page.get_by_role("heading", level=3, name="Ontwikkelgesprek aanvragen")).to_be_visible()
    expect(chosen(page, "Over welke functie wil je praten?")).to_have_text("PMO praktisch")
    check(page)
    message = page.get_by_label("Bericht voor je HR-adviseur")
    # The browser stops at 2000 characters (maxlength); what another client sends is refused too.
    message.evaluate("area => area.removeAttribute('maxlength')")
    message.fill("Ik wil groeien. " + "x" * 2000)
    page.get_by_role("button", name="Vraag een ontwikkelgesprek aan").click()
    expect(page.get_by_role("heading", level=1, name="Ontwikkelgesprek aanvragen")).to_be_visible()
    expect(page.get_by_text("Deze tekst is te lang: hoogstens 2000 tekens, dit zijn er 2016.")).to_be_visible()
    message = page.get_by_label("Bericht voor je HR-adviseur")
    expect(message).to_have_attribute("aria-invalid", "true")
    check(page)
    message.fill("Ik wil groeien naar PMO praktisch.")
    page.get_by_role("button", name="Vraag een ontwikkelgesprek aan").click()
    expect(page.get_by_text("is naar je HR-adviseur gestuurd")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Mijn loopbaan")).to_be_visible()
    expect(page.get_by_role("table", name="Je ontwikkelgesprekken, nieuwste eerst")).to_contain_text("Aangevraagd")
    check(page)
    page.get_by_role("link", name="Mijn ontwikkelgesprekken").click()
    expect(page.get_by_role("button", name="Aanvraag intrekken")).to_be_visible()
    check(page)

    # The adviser plans it and records the outcome with a career step.
    switch_to(page, "hr@zeist.example.org")
    page.goto("/hr/gesprekken/")
    requests = page.get_by_role("table", name="Open aanvragen voor een ontwikkelgesprek, oudste eerst")
    expect(requests).to_contain_text("PMO praktisch")
    expect(requests).to_contain_text("vandaag")
    check(page)
    requests.get_by_role("link", name="Anna de Vries").click()
    expect(page.get_by_role("heading", level=1, name="Ontwikkelgesprek met Anna de Vries")).to_be_visible()
    expect(page.get_by_text("Ik wil groeien naar PMO praktisch.")).to_be_visible()
    check(page)
    page.get_by_label("Afgesproken datum").fill("2001-01-01")
    page.get_by_role("button", name="Datum opslaan").click()
    expect(page.get_by_text("Deze datum ligt in het verleden.")).to_be_visible()
    check(page)
    soon = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_label("Afgesproken datum").fill(soon.isoformat())
    page.get_by_role("button", name="Datum opslaan").click()
    expect(page.get_by_text("De datum is opgeslagen.")).to_be_visible()
    page.get_by_label("Stap gezet").check()
    expect(chosen(page, re.compile(r"^Nieuwe functie"))).to_have_text("PMO praktisch")
    page.get_by_label("Toelichting").fill("Gefeliciteerd, je start volgende maand.")
    page.get_by_role("button", name="Uitkomst vastleggen").click()
    expect(page.get_by_text("De uitkomst is vastgelegd.")).to_be_visible()
    expect(page.get_by_role("button", name="Uitkomst vastleggen")).to_have_count(0)
    check(page)

    # The learner sees the outcome, the new role and the next step from it.
    switch_to(page, "anna@zeist.example.org")
    page.goto("/mijn/loopbaan/")
    expect(page.get_by_role("link", name="PMO praktisch").first).to_be_visible()
    expect(page.get_by_role("table", name="Loopbaanstappen, nieuwste eerst")).to_contain_text("PMO praktisch")
    expect(page.get_by_role("table", name="Je ontwikkelgesprekken, nieuwste eerst")).to_contain_text("Stap gezet")
    next_steps = page.get_by_role("region", name="Mogelijke volgende stappen")
    expect(next_steps.get_by_role("link", name="PMO tactisch")).to_be_visible()
    expect(chosen(page, "Over welke functie wil je praten?")).to_have_text("PMO tactisch")
    check(page)
