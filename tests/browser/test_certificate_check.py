"""Checking an Open Badges credential file on the public lookup page, as a visitor would."""

import copy
import json

import pytest
from playwright.sync_api import expect

from certificates import openbadges, services
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def credential_files(site, tmp_path):
    """A valid, a tampered and a revoked credential, each as a .json file."""
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=site),
        title="Risicomanagement voor de PMO",
        leads_to_certificate=True,
        certificate_validity_months=36,
    )
    zeist = OrganisationFactory(name="Gemeente Zeist")
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user
    bram = LearnerFactory(organisation=zeist, user__full_name="Bram Bakker").user
    valid = openbadges.credential_for(services.issue(user=anna, track=track, source_key="check-valid"))
    tampered = copy.deepcopy(valid)
    tampered["credentialSubject"]["achievement"]["name"] = "Directeur van het Rijk"
    revoked_certificate = services.issue(user=bram, track=track, source_key="check-revoked")
    revoked = openbadges.credential_for(revoked_certificate)
    services.revoke(
        actor=HRAdviserFactory(organisation=zeist).user, certificate_id=revoked_certificate.pk, reason="Onterecht"
    )
    files = {}
    for name, credential in {"geldig": valid, "veranderd": tampered, "ingetrokken": revoked}.items():
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(credential, indent=2, ensure_ascii=False), encoding="utf-8")
    return files


def check_file(page, path):
    page.get_by_label("Of kies een bestand").set_input_files(path)
    page.get_by_role("button", name="Badge nakijken").click()
    return page.get_by_role("region", name="Uitkomst van de controle")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_visitor_checks_credential_files(page, credential_files, viewport):
    page.set_viewport_size(viewport)
    page.goto("/certificates/verify/")
    expect(page.get_by_role("heading", name="Met een Open Badge")).to_be_visible()
    assert_accessible(page)

    verdict = check_file(page, credential_files["geldig"])
    expect(verdict.get_by_role("status")).to_contain_text("Echt en geldig.")
    expect(verdict).to_contain_text("Anna de Vries")
    expect(verdict).to_contain_text("Risicomanagement voor de PMO")
    assert_accessible(page)

    verdict = check_file(page, credential_files["veranderd"])
    expect(verdict.get_by_role("status")).to_contain_text("Niet te vertrouwen.")
    expect(verdict).to_contain_text("Klopt niet")
    expect(verdict).to_contain_text("Directeur van het Rijk")
    assert_accessible(page)

    verdict = check_file(page, credential_files["ingetrokken"])
    expect(verdict.get_by_role("status")).to_contain_text("Echt, maar ingetrokken op")
    expect(verdict).to_contain_text("Bram Bakker")
    assert_accessible(page)

    page.get_by_role("button", name="Badge nakijken").click()
    textarea = page.get_by_label("Plak het credential")
    expect(textarea).to_have_attribute("aria-invalid", "true")
    expect(textarea).to_have_accessible_description(
        "De hele JSON-tekst van de Open Badge. Hoogstens 512 kB. Plak een credential of kies een bestand."
    )
    expect(page.get_by_role("region", name="Uitkomst van de controle")).to_have_count(0)
    assert_accessible(page)

    textarea.fill('{"kapot": ')
    page.get_by_role("button", name="Badge nakijken").click()
    expect(page.get_by_label("Plak het credential")).to_have_value('{"kapot": ')
    expect(page.get_by_text("Dit is geen geldige JSON.")).to_be_visible()
    assert_accessible(page)
