"""The platform admin writes a certificate template in the Wagtail admin, as an editor would."""

import io
import re

from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import CertificateTemplate
from tests.people.factories import UserFactory

from .conftest import assert_accessible, assert_accessible_when_still, log_in

BODY = "Hierbij verklaren wij dat {naaam} op {datum} de leergang {prestatie} met goed gevolg heeft afgerond."


def test_a_misspelt_placeholder_is_refused_and_the_text_is_kept(page, site):
    UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    log_in(page, "admin@example.org")
    page.goto("/admin/")
    page.get_by_role("button", name="Certificaten").click()
    page.get_by_role("link", name="Sjablonen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Certificaatsjablonen")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("certificaatsjabloon toevoegen", re.IGNORECASE)).first.click()
    expect(page.get_by_role("heading", name="Certificaatsjabloon", exact=True)).to_be_visible()
    assert page.get_by_label("Accentkleur").get_attribute("type") == "color"
    expect(page.get_by_text("{studiebelasting} (de studiebelasting in uren)").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("textbox", name=re.compile("^Naam van het sjabloon")).fill("Rijksleergang (Nederlands)")
    page.get_by_role("textbox", name=re.compile("^Titel op het certificaat")).fill("Certificaat rijksleergang")
    text = page.get_by_role("textbox", name=re.compile(r"^Tekst"))
    text.fill(BODY)
    page.get_by_label("Uitgevende organisatie").fill("Spil, leren en loopbaan bij de overheid")
    page.get_by_label("Accentkleur").fill("#1d3f6e")
    page.get_by_label("Naam ondertekenaar").fill("Marieke Dekker")
    page.get_by_label("Functie ondertekenaar").fill("Programmamanager opleidingen")
    page.get_by_role("checkbox", name="Standaard voor deze taal").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Het invulveld {naaam} bestaat niet. Bedoel je {naam}?")).to_be_visible()
    expect(
        page.get_by_text("Je kunt deze invulvelden gebruiken: {naam}, {prestatie}, {datum}, {studiebelasting} en")
    ).to_be_visible()
    expect(text).to_have_value(BODY)
    expect(page.get_by_role("textbox", name=re.compile("^Naam van het sjabloon"))).to_have_value(
        "Rijksleergang (Nederlands)"
    )
    assert not CertificateTemplate.objects.exists()
    assert_accessible_when_still(page)

    text.fill(BODY.replace("{naaam}", "{naam}"))
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").or_(page.get_by_role("alert")).first).to_contain_text("aangemaakt")
    row = page.get_by_role("row", name=re.compile("Rijksleergang"))
    expect(row).to_contain_text("Ja")
    assert_accessible_when_still(page)
    template = CertificateTemplate.objects.get()
    assert template.body.startswith("Hierbij verklaren wij dat {naam} op {datum}")
    assert (template.accent_colour, template.is_default) == ("#1d3f6e", True)

    # The preview panel shows the PDF filled in for a sample learner.
    row.get_by_role("link", name="Rijksleergang (Nederlands)").click()
    with page.expect_response(
        lambda response: "/preview/" in response.url and response.request.method == "GET"
    ) as shown:
        page.get_by_role("button", name="Toon/verberg voorvertoning").click()
    assert shown.value.headers["content-type"] == "application/pdf"
    # Chromium hands the PDF to its viewer: read the same preview again for its text.
    pdf = page.request.get(shown.value.url).body()
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Hierbij verklaren wij dat Anna de Vries op" in text
    assert "de leergang Notuleren en actielijsten met goed gevolg" in text
    # Leave the editor while the live server still runs: it releases its editing session.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
