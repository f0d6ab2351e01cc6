import datetime
import re

import pytest
from playwright.sync_api import expect

from common.jobs import FAILURE_REASON
from curriculum.models import Assignment, AssignmentBatch
from tests.curriculum.factories import (
    CatalogPageFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
    assignment_block,
    knowledge_check,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in


@pytest.fixture
def catalogue(site):
    catalog = CatalogPageFactory(parent=site, show_in_menus=True)
    track = LearningTrackPageFactory(
        parent=catalog, title="Notuleren en actielijsten", summary="Vastleggen wat besloten is.", study_load_hours=6
    )
    ModulePageFactory(parent=track, title="Waarom notuleren")
    ModulePageFactory(
        parent=track, title="De actielijst", body=[("paragraph", "<p>Actie, eigenaar, datum.</p>"), knowledge_check()]
    )
    ModulePageFactory(parent=track, title="In de praktijk", body=[assignment_block()])
    LearningTrackPageFactory(
        parent=catalog, title="Agile werken in projecten", format="klassikaal", summary="Scrum en kanban."
    )
    path = LearningPathFactory(title="Van projectondersteuner naar PMO'er")
    LearningPathItemFactory(path=path, track=track)
    return {"catalog": catalog, "track": track, "path": path}


def test_learner_finds_enrols_and_finishes_a_track(page, catalogue):
    LearnerFactory(user__email="anna@zeist.example.org", user__full_name="Anna de Vries")
    log_in(page, "anna@zeist.example.org")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Leeraanbod").click()
    assert_accessible(page)
    page.get_by_label("Zoeken").fill("notuleren")
    page.get_by_role("button", name="Toon leergangen").click()
    expect(page.get_by_role("heading", level=2, name="1 leergang")).to_be_visible()
    page.get_by_role("link", name="Notuleren en actielijsten").click()
    assert_accessible(page)
    page.get_by_role("button", name="Inschrijven").click()

    expect(page.get_by_role("heading", level=1, name="Waarom notuleren")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Module afronden").click()

    expect(page.get_by_role("heading", level=1, name="De actielijst")).to_be_visible()
    page.get_by_role("group", name=re.compile("Wat hoort op een actielijst")).get_by_label("Alleen besluiten").check()
    page.get_by_role("group", name=re.compile("Wanneer stuur je")).get_by_label("Na een maand").check()
    page.get_by_role("button", name="Module afronden").click()
    expect(page.get_by_role("alert")).to_contain_text("Nog niet afgerond")
    expect(
        page.get_by_role("group", name=re.compile("Wat hoort op een actielijst")).get_by_label("Alleen besluiten")
    ).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Actie, eigenaar en datum").check()
    page.get_by_label("Binnen twee werkdagen").check()
    page.get_by_role("button", name="Module afronden").click()

    expect(page.get_by_role("heading", level=1, name="In de praktijk")).to_be_visible()
    page.get_by_role("button", name="Module afronden").click()
    expect(page.get_by_text("Schrijf je reflectie op om deze opdracht af te ronden.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Wat ging goed?").fill("De actielijst was binnen een dag rond.")
    page.get_by_role("button", name="Module afronden").click()

    expect(page.get_by_text("Gefeliciteerd! Je hebt de leergang 'Notuleren en actielijsten' afgerond.")).to_be_visible()
    expect(page.get_by_text("3 van 3 verplichte modules afgerond")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Mijn Spil").click()
    expect(page.get_by_role("region", name="Afgeronde leergangen")).to_contain_text("Notuleren en actielijsten")
    assert_accessible(page)


def test_hr_assigns_a_path_to_everyone_and_follows_it(page, catalogue):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    learners = [LearnerFactory(organisation=zeist).user for _ in range(3)]
    log_in(page, "hr@zeist.example.org")
    page.get_by_role("link", name="HR-overzicht").click()
    assert_accessible(page)
    page.get_by_role("link", name="Leerpad of leergang toewijzen").click()
    assert_accessible(page)
    page.get_by_label("Leerpad").select_option(label="Van projectondersteuner naar PMO'er")
    page.get_by_label("Uiterste datum").fill("2001-01-01")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text("De uiterste datum ligt in het verleden.")).to_be_visible()
    assert_accessible(page)
    due = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    page.get_by_label("Uiterste datum").fill(due)
    page.get_by_label("Iedereen in de organisatie").check()
    page.get_by_role("button", name="Toewijzen").click()

    expect(page.get_by_role("status")).to_contain_text("Klaar: 3 mensen hebben de opdracht gekregen.")
    assert_accessible(page)
    assert Assignment.objects.filter(user__in=learners).count() == 3
    page.get_by_role("link", name="Bekijk wie er begonnen, bezig, klaar of te laat is").click()
    expect(page.get_by_role("link", name="Niet begonnen (3)")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text(learners[0].full_name)
    assert_accessible(page)


def test_hr_retries_a_failed_assignment(page, catalogue):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    adviser = HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org").user
    learner = LearnerFactory(organisation=zeist).user
    batch = AssignmentBatch.objects.create(
        organisation=zeist,
        assigned_by=adviser,
        track=catalogue["track"],
        due_date=datetime.date.today() + datetime.timedelta(days=30),
        audience=AssignmentBatch.Audience.ALL,
    )
    AssignmentBatch.mark_failed(batch.pk, reason=str(FAILURE_REASON))
    log_in(page, "hr@zeist.example.org")
    page.goto(f"/hr/toewijzingen/{batch.pk}/")
    expect(page.get_by_role("status")).to_contain_text(f"Mislukt: {FAILURE_REASON}")
    assert_accessible(page)
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(page.get_by_role("status")).to_contain_text("Klaar: 1 persoon heeft de opdracht gekregen.")
    assert Assignment.objects.filter(user=learner, track=catalogue["track"]).exists()
    assert_accessible(page)
