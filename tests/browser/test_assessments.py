import re

import pytest
from playwright.sync_api import expect

from careers.models import RoleProfileRequirement
from curriculum.models import Enrolment, TrackCompetency
from people.models import OutgoingEmail
from tests.assessments.factories import SelfAssessmentIndexPageFactory, SelfAssessmentPageFactory, StatementFactory
from tests.careers.factories import CompetencyFactory, RoleProfileIndexPageFactory, RoleProfilePageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in


@pytest.fixture
def scan(site):
    planning = CompetencyFactory(name="Plannen", level_1="Ik volg een planning die een ander maakte.")
    notes = CompetencyFactory(name="Notuleren", level_3="Ik notuleer stuurgroepen en bewaak de actielijst.")
    index = SelfAssessmentIndexPageFactory(parent=site, show_in_menus=True)
    page = SelfAssessmentPageFactory(parent=index, title="Zelfscan PMO")
    StatementFactory(page=page, competency=planning, text="Hoe maak je een planning?", sort_order=0)
    StatementFactory(page=page, competency=notes, text="Hoe leg je een overleg vast?", sort_order=1)
    profile = RoleProfilePageFactory(parent=RoleProfileIndexPageFactory(parent=site), title="PMO praktisch")
    RoleProfileRequirement.objects.create(page=profile, competency=planning, level=3)
    RoleProfileRequirement.objects.create(page=profile, competency=notes, level=3)
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=site), title="Projectplanning")
    ModulePageFactory(parent=track)
    TrackCompetency.objects.create(page=track, competency=planning, level=3)
    zeist = OrganisationFactory()
    anna = LearnerFactory(
        organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries"
    ).user
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    return {"page": page, "profile": profile, "track": track, "anna": anna}


def test_take_a_scan_see_the_gaps_and_enrol(page, scan):
    log_in(page, "anna@zeist.example.org")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Zelfscans").click()
    assert_accessible(page)
    page.get_by_role("link", name="Zelfscan PMO").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start de zelfscan").click()

    expect(page.get_by_role("heading", level=1, name="Plannen")).to_be_visible()
    page.get_by_role("button", name="Volgende stap").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Hoe maak je een planning?").get_by_label(re.compile("Ik volg een planning")).check()
    page.get_by_role("button", name="Volgende stap").click()

    expect(page.get_by_role("heading", level=1, name="Notuleren")).to_be_visible()
    page.get_by_role("button", name="Vorige stap").click()
    expect(page.get_by_label(re.compile("Ik volg een planning"))).to_be_checked()
    page.get_by_role("button", name="Volgende stap").click()
    page.get_by_label(re.compile("Ik notuleer stuurgroepen")).check()
    assert_accessible(page)
    page.get_by_role("button", name="Inleveren en resultaat bekijken").click()

    expect(page.get_by_role("heading", level=1, name="Je resultaat")).to_be_visible()
    page.get_by_label("Vergelijk met het functieprofiel").select_option(label="PMO praktisch")
    page.get_by_role("button", name="Vergelijk").click()
    expect(page.get_by_role("img", name=re.compile("naast wat PMO praktisch vraagt"))).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Plannen: 1, gevraagd 3")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Inschrijven voor Projectplanning").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert Enrolment.objects.filter(user=scan["anna"], track=scan["track"]).exists()
    page.go_back()
    page.reload()
    page.get_by_role("link", name="Vraag je leidinggevende of een collega om een tweede blik").click()
    assert_accessible(page)
    page.get_by_label("Naam").fill("Chef")
    page.get_by_label("E-mailadres").fill("chef@zeist.example.org")
    page.get_by_label("Wie is dit voor jou?").select_option(label="Leidinggevende")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Chef krijgt een e-mail")).to_be_visible()
    body = OutgoingEmail.objects.get(to="chef@zeist.example.org").body_text
    link = re.search(r"https?://\S+(/zelfscan/tweede-blik/\S+/)", body).group(1)
    page.get_by_role("button", name="Uitloggen").click()
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Hoe werkt Anna de Vries?")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    for question in ["Hoe maak je een planning?", "Hoe leg je een overleg vast?"]:
        page.get_by_role("group", name=question).get_by_role("radio").nth(2).check()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1, name="Dank je wel")).to_be_visible()
    assert_accessible(page)
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Deze link werkt niet meer")).to_be_visible()


def test_hr_overview_passes_axe(page, scan):
    log_in(page, "hr@zeist.example.org")
    page.get_by_role("link", name="HR-overzicht").click()
    page.get_by_role("link", name="Zelfscans in je organisatie", exact=True).click()
    expect(page.get_by_text("Te weinig deelnemers")).to_be_visible()
    assert_accessible(page)
