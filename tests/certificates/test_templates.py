"""Certificate templates in the admin: placeholders and the accent colour are checked, the
preview shows a filled-in certificate, and the listing speaks Dutch."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from pypdf import PdfReader

from certificates.models import CertificateTemplate, validate_placeholders
from certificates.pdf import SAMPLE_LEARNER, preview_response
from common.colours import contrast_ratio, validate_contrast_with_white
from people.models import User

ADD_URL = "/admin/snippets/certificates/certificatetemplate/add/"
ALLOWED = "{naam}, {prestatie}, {datum}, {studiebelasting} en {competenties}"
GOOD_BODY = "{naam} heeft op {datum} de leergang {prestatie} afgerond ({studiebelasting} uur): {competenties}."


def messages(body: str) -> list[str]:
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_placeholders(body)
    return refused.value.messages


def test_a_text_with_known_placeholders_is_accepted():
    validate_placeholders(GOOD_BODY)
    validate_placeholders("Geen invulvelden, ook goed.")


def test_a_misspelt_placeholder_is_named_with_a_suggestion_and_the_allowed_ones():
    assert messages("Hierbij verklaren wij dat {naaam} is geslaagd.") == [
        "Het invulveld {naaam} bestaat niet. Bedoel je {naam}?",
        f"Je kunt deze invulvelden gebruiken: {ALLOWED}.",
    ]


def test_each_unknown_placeholder_is_named_once():
    found = messages("{Naam} op {datum}: {cursus}, {cursus} en {}")
    assert found[:3] == [
        "Het invulveld {Naam} bestaat niet. Bedoel je {naam}?",
        "Het invulveld {cursus} bestaat niet.",
        "Het invulveld {} bestaat niet.",
    ]
    assert len(found) == 4


@pytest.mark.parametrize(
    ("body", "brace"),
    [("Beste {naam, gefeliciteerd", "{"), ("Beste naam}, gefeliciteerd", "}"), ("Beste {{naam}}", "{")],
)
def test_an_unbalanced_brace_is_refused_and_shown_where_it_is(body, brace):
    found = messages(body)
    assert found[0].startswith(f"Er staat een losse {brace} in de tekst, bij 'Beste")
    assert found[-1] == f"Je kunt deze invulvelden gebruiken: {ALLOWED}."


def template(**fields) -> CertificateTemplate:
    values = {
        "name": "Proef",
        "title": "Certificaat",
        "body": GOOD_BODY,
        "organisation_name": "Spil",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programmamanager opleidingen",
        "accent_colour": "#24578f",
        "language": "nl",
    }
    return CertificateTemplate(**{**values, **fields})


@pytest.mark.django_db
def test_the_model_refuses_a_wrong_placeholder_on_the_body_field():
    with pytest.raises(ValidationError) as refused:
        template(body="Voor {naaam}").full_clean()
    assert "Het invulveld {naaam} bestaat niet. Bedoel je {naam}?" in refused.value.message_dict["body"]


def test_the_help_text_lists_every_placeholder():
    with translation.override("nl"):
        help_text = str(CertificateTemplate._meta.get_field("body").help_text)
    for name in ["naam", "prestatie", "datum", "studiebelasting", "competenties"]:
        assert "{" + name + "}" in help_text


def test_contrast_ratio_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert contrast_ratio("#ffffff", "#ffffff") == 1.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("colour", ["#24578f", "#000000", "#767676", "#B30000"])
def test_dark_enough_colours_are_accepted(colour):
    validate_contrast_with_white(colour)


@pytest.mark.parametrize(("colour", "shown"), [("#ffff00", "1,0"), ("#777777", "4,4"), ("#4a90e2", "3,2")])
def test_a_colour_too_light_for_white_is_refused_with_its_contrast(colour, shown):
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        validate_contrast_with_white(colour)
    assert refused.value.messages == [
        f"De kleur {colour} is te licht: tegen wit is het contrast {shown}:1 en dat moet minstens 4,5:1 zijn, "
        "anders is de tekst slecht te lezen. Kies een donkerdere kleur."
    ]


def pdf_text(response) -> str:
    return " ".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())


@pytest.mark.django_db
def test_the_preview_fills_in_a_sample_learner():
    text = pdf_text(preview_response(template=template()))
    assert "Anna de Vries heeft op" in text
    assert f"de leergang {SAMPLE_LEARNER['achievement']} afgerond (16 uur)" in text
    assert ", ".join(SAMPLE_LEARNER["competencies"]) in text
    assert "{" not in text
    assert "VOORB" in text


@pytest.fixture
def editor(client, db):
    admin = User.objects.create_superuser(email="redactie@example.org", password="x" * 12, full_name="Redactie")
    client.force_login(admin)
    return admin


def form(**fields) -> dict:
    values = {
        "name": "Spil (proef)",
        "title": "Certificaat",
        "body": GOOD_BODY,
        "organisation_name": "Spil",
        "signatory_name": "Marieke Dekker",
        "signatory_role": "Programmamanager opleidingen",
        "accent_colour": "#24578f",
        "language": "nl",
    }
    return {**values, **fields}


def test_the_admin_refuses_a_misspelt_placeholder_and_keeps_the_text(client, editor):
    body = "Hierbij verklaren wij dat {naaam} de leergang {prestatie} heeft afgerond."
    response = client.post(ADD_URL, form(body=body))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het invulveld {naaam} bestaat niet. Bedoel je {naam}?" in html
    assert f"Je kunt deze invulvelden gebruiken: {ALLOWED}." in html
    assert body in html
    assert not CertificateTemplate.objects.exists()

    response = client.post(ADD_URL, form(body=body.replace("{naaam}", "{naam}")))
    assert response.status_code == 302
    assert CertificateTemplate.objects.get().body.startswith("Hierbij verklaren wij dat {naam}")


def test_the_admin_offers_a_colour_picker_and_refuses_a_light_colour(client, editor):
    html = client.get(ADD_URL).content.decode()
    assert 'type="color" name="accent_colour" value="#24578f"' in html
    response = client.post(ADD_URL, form(accent_colour="#ffff00"))
    assert response.status_code == 200
    assert "De kleur #ffff00 is te licht" in response.content.decode()
    assert not CertificateTemplate.objects.exists()


def test_a_second_default_for_a_language_is_refused_in_dutch(client, editor):
    template(name="Eerste", is_default=True).save()
    response = client.post(ADD_URL, form(is_default="on"))
    assert response.status_code == 200
    assert "Deze taal heeft al een standaardsjabloon." in response.content.decode()
    assert CertificateTemplate.objects.count() == 1


def test_the_listing_says_ja_and_laatst_gewijzigd(client, editor):
    template(is_default=True).save()
    html = client.get("/admin/snippets/certificates/certificatetemplate/").content.decode()
    assert "Laatst gewijzigd" in html
    assert "Standaard voor deze taal" in html
    assert ">Ja<" in html.replace("\n", "").replace(" ", "")
    assert "True" not in html
