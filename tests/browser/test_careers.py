import re

import pytest
from playwright.sync_api import expect

from careers.models import CareerPath, Family, PMOLevel
from tests.careers.factories import (
    CareerMapPageFactory,
    CareerPathFactory,
    CompetencyFactory,
    MethodFactory,
    RequirementFactory,
    RoleProfileIndexPageFactory,
    RoleProfilePageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in


@pytest.fixture
def careers(site):
    index = RoleProfileIndexPageFactory(parent=site, show_in_menus=True)
    CareerMapPageFactory(parent=site, show_in_menus=True)
    support = RoleProfilePageFactory(
        parent=index, title="Projectondersteuner", family=Family.PROJECT_SUPPORT, salary_scale=8
    )
    practical = RoleProfilePageFactory(
        parent=index, title="PMO praktisch", family=Family.PMO, pmo_level=PMOLevel.PRACTICAL, salary_scale=None
    )
    mo7 = RoleProfilePageFactory(parent=index, title="Managementondersteuner schaal 7", salary_scale=7)
    for name, level in [("Plannen", 3), ("Notuleren", 2), ("Stakeholders betrekken", 1)]:
        RequirementFactory(page=support, competency=CompetencyFactory(name=name), level=level)
    support.methods.add(MethodFactory(name="Prince2"))
    support.save_revision().publish()
    CareerPathFactory(from_profile=support, to_profile=practical, description="Je bewaakt meer projecten tegelijk.")
    CareerPathFactory(
        from_profile=mo7, to_profile=support, kind=CareerPath.Kind.LATERAL, description="Van de lijn naar een project."
    )
    return {"support": support, "practical": practical, "mo7": mo7}


def test_profile_index_and_profile_page(page, careers):
    page.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Functieprofielen").click()
    expect(page.get_by_role("heading", level=2, name="PMO")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Projectondersteuner").click()
    expect(page.get_by_role("heading", level=1, name="Projectondersteuner")).to_be_visible()
    expect(page.get_by_role("img", name="Vereiste competentieniveaus als staafdiagram")).to_be_visible()
    expect(page.get_by_role("table", name="Vereiste competentieniveaus")).to_be_visible()
    expect(page.get_by_role("link", name="PMO praktisch")).to_be_visible()
    assert_accessible(page)


def test_career_map_nodes_are_links(page, careers):
    page.goto("/loopbaanpaden/")
    expect(page.get_by_role("heading", level=1, name="Loopbaanpaden")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name=re.compile("Kaart van de loopbaanpaden")).get_by_role(
        "link", name="PMO praktisch"
    ).click()
    expect(page.get_by_role("heading", level=1, name="PMO praktisch")).to_be_visible()


def test_learner_declares_a_role_and_hr_confirms_it(page, careers):
    zeist = OrganisationFactory(name="Gemeente Zeist")
    LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org", user__full_name="Hanna Bakker")

    log_in(page, "anna@zeist.example.org")
    expect(page.get_by_role("heading", level=1, name="Welkom, Anna")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Naar mijn loopbaan").click()
    page.get_by_label("Mijn huidige functie").select_option(label="Projectondersteuner")
    page.get_by_label("Sinds").fill("2024-03-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Nog niet bevestigd door HR")).to_be_visible()
    expect(page.get_by_role("link", name="PMO praktisch")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Sinds").fill("2999-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Deze datum ligt in de toekomst.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "hr@zeist.example.org")
    page.get_by_role("link", name="HR-overzicht").click()
    people_table = page.get_by_role("table", name=re.compile(r"^\d+ (persoon|mensen)$"))
    expect(people_table).to_contain_text("te bevestigen")
    assert_accessible(page)
    page.get_by_role("link", name="Anna de Vries").click()
    assert_accessible(page)
    page.get_by_role("button", name="Bevestig: Projectondersteuner").click()
    expect(page.get_by_text("Bevestigd door Hanna Bakker")).to_be_visible()
    page.get_by_label("Nieuwe functie").select_option(label="PMO praktisch")
    page.get_by_label("Ingangsdatum").fill("2025-06-01")
    page.get_by_label("Toelichting").fill("Doorgegroeid na de leergang")
    page.get_by_role("button", name="Stap vastleggen").click()
    expect(page.get_by_role("cell", name="Doorgegroeid na de leergang")).to_be_visible()
    assert_accessible(page)
