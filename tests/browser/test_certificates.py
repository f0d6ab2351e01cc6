import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

from .conftest import assert_accessible, log_in


@pytest.fixture
def track(site):
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=site),
        title="Risicomanagement voor de PMO",
        leads_to_certificate=True,
        certificate_validity_months=36,
    )
    ModulePageFactory(parent=track, title="Risico's herkennen")
    return track


def test_finishing_a_track_gives_a_pdf_that_verifies(page, track, tmp_path):
    zeist = OrganisationFactory()
    LearnerFactory(organisation=zeist, user__email="anna@zeist.example.org", user__full_name="Anna de Vries")
    HRAdviserFactory(organisation=zeist, user__email="hr@zeist.example.org")
    log_in(page, "anna@zeist.example.org")
    page.goto(track.url)
    page.get_by_role("button", name="Inschrijven").click()
    page.get_by_role("button", name="Module afronden").click()
    expect(page.get_by_text("Gefeliciteerd!")).to_be_visible()

    page.get_by_role("link", name="Mijn Spil").click()
    certificates = page.get_by_role("region", name="Afgeronde leergangen")
    expect(certificates).to_contain_text("Risicomanagement voor de PMO")
    assert_accessible(page)
    with page.expect_download() as download_info:
        certificates.get_by_role("link", name="Download PDF van Risicomanagement voor de PMO").click()
    path = tmp_path / "certificaat.pdf"
    download_info.value.save_as(path)
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Anna de Vries" in text
    assert "Risicomanagement voor de PMO" in text
    number = re.search(r"SPIL-\d{4}-\d{4}-[A-Z2-7]{4}", text).group(0)
    url = re.search(r"https?://\S+/certificates/verify/[A-Za-z0-9_-]+/", text).group(0)

    page.goto(url[url.index("/certificates/") :])
    expect(page.get_by_role("status")).to_contain_text("Geldig")
    expect(page.get_by_text(number)).to_be_visible()
    assert_accessible(page)

    page.goto("/certificates/verify/")
    assert_accessible(page)
    page.get_by_label("Certificaatnummer").fill(number)
    page.get_by_label("Achternaam van de houder").fill("de Vries")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_role("status")).to_contain_text("Geldig")

    page.goto("/")
    page.get_by_role("button", name="Uitloggen").click()
    log_in(page, "hr@zeist.example.org")
    page.goto("/hr/certificaten/")
    expect(page.get_by_role("table").first).to_contain_text("Anna de Vries")
    assert_accessible(page)
    page.get_by_text("Intrekken").first.click()
    page.get_by_label("Reden van intrekking").fill("Onterecht uitgegeven")
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text(f"Certificaat {number} is ingetrokken.")).to_be_visible()
    page.goto(url[url.index("/certificates/") :])
    expect(page.get_by_role("status")).to_contain_text("Ingetrokken")
