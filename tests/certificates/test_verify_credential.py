"""Checking an Open Badges credential someone was given, on the public lookup page."""

import copy
import datetime
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from certificates import baking, openbadges, services, verification
from certificates.forms import CREDENTIAL_MAX_BYTES
from certificates.models import Certificate
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db

URL = "/certificates/verify/credential/"
TOO_LARGE = "Dit is groter dan 512 kB: te groot voor een credential."
NOT_JSON = "Dit is geen geldige JSON."
NOT_AN_OBJECT = "Dit is wel JSON, maar geen credential"
NUL = "Dit credential bevat een NUL-teken."
TOO_DEEP = "Dit credential is te diep genest."
UNREADABLE_FILE = "Spil kan dit bestand niet lezen."
BROKEN_PNG = "Deze PNG-afbeelding is beschadigd of onvolledig"
NO_CREDENTIAL_IN_PNG = "In deze afbeelding zit geen Open Badges-credential."
NOTHING = "Plak een credential of kies een bestand."
BOTH = "Plak een credential of kies een bestand, niet allebei."


def day(moment) -> str:
    with translation.override("nl"):
        return date_format(timezone.localtime(moment), "j F Y")


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="check-1")


@pytest.fixture
def credential(certificate):
    return openbadges.credential_for(certificate)


def paste(client, text: str, **extra):
    return client.post(URL, {"credential": text}, **extra)


def upload(client, data: bytes, name: str = "badge.json", content_type: str = "application/json", **fields):
    return client.post(URL, {"credential_file": SimpleUploadedFile(name, data, content_type), **fields})


def png_without_credential() -> bytes:
    return baking.badge_image(achievement="Zomaar een plaatje", accent_colour="#24578f", issued_at=timezone.now())


def verdict_of(response) -> str:
    """The text of the verdict region, tags removed and whitespace collapsed."""
    html = response.content.decode()
    match = re.search(r'<section class="spil-panel" aria-labelledby="uitkomst">(.*?)</section>', html, re.S)
    assert match, "no verdict on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_a_credential_spil_issued_is_trusted(client, certificate, credential):
    text = json.dumps(credential, indent=2, ensure_ascii=False)
    response = paste(client, text)
    assert response.status_code == 200
    verdict = verdict_of(response)
    assert "Echt en geldig." in verdict
    assert "Digitale handtekening Klopt " in verdict
    assert "Uitgegeven via Spil Ja" in verdict
    assert "Houder Anna de Vries" in verdict
    assert "Behaald Risicomanagement voor de PMO" in verdict
    assert f"Uitgegeven op {day(certificate.issued_at)}" in verdict
    assert f"Status bij Spil Geldig tot {day(certificate.expires_at)}" in verdict
    assert certificate.number in verdict
    html = response.content.decode()
    assert f'href="/certificates/verify/{certificate.token}/"' in html
    assert escape(text) in html, "the pasted text stays in the form"
    assert 'id="uitkomst"' in html
    assert 'role="status"' in html


def test_the_page_is_never_cached_nor_indexed(client, credential):
    response = paste(client, json.dumps(credential))
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-store" in cache_control


def test_a_tampered_credential_is_not_trusted(client, certificate, credential):
    tampered = copy.deepcopy(credential)
    tampered["credentialSubject"]["achievement"]["name"] = "Directeur van het Rijk"
    response = paste(client, json.dumps(tampered))
    assert response.status_code == 200
    verdict = verdict_of(response)
    assert "Niet te vertrouwen." in verdict
    assert "Echt" not in verdict
    assert "Digitale handtekening Klopt niet" in verdict
    assert "Behaald volgens het credential Directeur van het Rijk" in verdict
    assert "Behaald volgens Spil Risicomanagement voor de PMO" in verdict


def test_a_revoked_certificate_shows_when_it_was_revoked(client, certificate, credential, world):
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    certificate.refresh_from_db()
    response = paste(client, json.dumps(credential))
    assert response.status_code == 200
    verdict = verdict_of(response)
    assert f"Echt, maar ingetrokken op {day(certificate.revoked_at)}. Dit certificaat geldt niet meer." in verdict
    assert f"Status bij Spil Ingetrokken op {day(certificate.revoked_at)}" in verdict
    assert 'utrecht-alert--error" role="status"' in response.content.decode()
    assert "Onterecht" not in response.content.decode(), "the reason stays internal"


def test_an_expired_certificate(client, certificate, credential):
    expired = timezone.now() - datetime.timedelta(days=3)
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=expired)
    verdict = verdict_of(paste(client, json.dumps(credential)))
    assert f"Echt, maar verlopen op {day(expired)}." in verdict
    assert f"Status bij Spil Verlopen op {day(expired)}" in verdict


def test_a_superseded_certificate(client, certificate, credential):
    Certificate.objects.filter(pk=certificate.pk).update(superseded_at=timezone.now())
    verdict = verdict_of(paste(client, json.dumps(credential)))
    assert "Echt, maar vervangen door een nieuwer certificaat op" in verdict


def test_a_credential_from_elsewhere(client, certificate, credential):
    elsewhere = copy.deepcopy(credential)
    elsewhere["id"] = "https://badges.example.org/credentials/42"
    elsewhere["issuer"] = {"id": "https://badges.example.org/issuer", "type": ["Profile"], "name": "Elders"}
    elsewhere["credentialSubject"]["achievement"]["name"] = "Excel voor gevorderden"
    response = paste(client, json.dumps(elsewhere))
    assert response.status_code == 200
    verdict = verdict_of(response)
    assert "Niet door Spil uitgegeven." in verdict
    assert "Uitgegeven via Spil Nee" in verdict
    assert "Behaald volgens het credential Excel voor gevorderden" in verdict
    assert "Anna de Vries" not in verdict
    assert certificate.number not in verdict
    assert "verificatiepagina" not in verdict


def test_a_json_file_gives_the_same_verdict(client, credential):
    response = upload(client, json.dumps(credential).encode("utf-8-sig"), name="credential.json")
    assert response.status_code == 200
    assert "Echt en geldig." in verdict_of(response)


def assert_refused(response, message: str, field: str) -> None:
    """A 400 page with ``message`` as the error of ``field``, tied to it for screen readers."""
    html = response.content.decode()
    assert response.status_code == 400, html[-2000:]
    assert 'aria-labelledby="uitkomst"' not in html, "no verdict for input that could not be checked"
    error = re.search(rf'<div class="utrecht-form-field-error-message" id="id_{field}_error">(.*?)</div>', html, re.S)
    assert error, f"no error message for {field}"
    assert escape(message) in error.group(1) or message in error.group(1), error.group(1)
    widget = re.search(rf'<(?:textarea|input)[^>]*id="id_{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in widget
    assert f"id_{field}_error" in widget


NESTED = '{"a": ' * 40 + "1" + "}" * 40


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", NOTHING),
        ("   \n  ", NOTHING),
        ("{niet: json", NOT_JSON),
        ('{"id": "x",}', NOT_JSON),
        ('{"score": NaN}', NOT_JSON),
        ('{"getal": ' + "9" * 5000 + "}", NOT_JSON),
        ("[" * 100_000, NOT_JSON),
        ("[1, 2]", NOT_AN_OBJECT),
        ('"een tekst"', NOT_AN_OBJECT),
        ("null", NOT_AN_OBJECT),
        ('{"name": "a\\u0000b"}', NUL),
        (NESTED, TOO_DEEP),
        ("{" + " " * CREDENTIAL_MAX_BYTES + "}", TOO_LARGE),
        ("é" * (CREDENTIAL_MAX_BYTES // 2 + 1), TOO_LARGE),
    ],
    ids=[
        "empty",
        "blank",
        "invalid",
        "trailing-comma",
        "nan",
        "huge-number",
        "deeply-unclosed",
        "array",
        "string",
        "null",
        "escaped-nul",
        "too-deep",
        "too-large",
        "too-large-in-bytes",
    ],
)
def test_hostile_pastes_are_refused_with_a_reason(client, text, message):
    assert_refused(paste(client, text), message, "credential")


def test_json_that_is_no_credential_gets_the_checks_reason(client):
    problem = openbadges.check({"naam": "Anna"}).problem
    assert problem
    assert_refused(paste(client, '{"naam": "Anna"}'), problem, "credential")


def test_a_nul_character_typed_into_the_paste_is_no_server_error(client, credential):
    text = json.dumps(credential).replace("Risicomanagement", "Risico\x00management")
    response = paste(client, text)
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(
    ("data", "name", "content_type", "message"),
    [
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "badge.gif", "image/gif", UNREADABLE_FILE),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "certificaat.pdf", "application/pdf", UNREADABLE_FILE),
        (b"\xff\xfe{\x00}\x00", "utf16.json", "application/json", UNREADABLE_FILE),
        (b"gewoon wat tekst", "notitie.txt", "text/plain", UNREADABLE_FILE),
        (b"{niet: json", "credential.json", "application/json", NOT_JSON),
        (b'{"name": "a\x00b"}', "nul.json", "application/json", NUL),
        (b"[1]", "lijst.json", "application/json", NOT_AN_OBJECT),
        (b"{" + b" " * CREDENTIAL_MAX_BYTES + b"}", "groot.json", "application/json", TOO_LARGE),
    ],
    ids=["gif", "pdf", "utf16", "text", "invalid-json", "nul-bytes", "array", "too-large"],
)
def test_hostile_files_are_refused_with_a_reason(client, data, name, content_type, message):
    assert_refused(upload(client, data, name=name, content_type=content_type), message, "credential_file")


def test_an_empty_file_is_refused(client):
    response = upload(client, b"", name="leeg.json")
    assert response.status_code == 400
    assert 'id="id_credential_file_error"' in response.content.decode()


def test_a_png_without_a_credential(client):
    assert_refused(
        upload(client, png_without_credential(), "badge.png", "image/png"), NO_CREDENTIAL_IN_PNG, "credential_file"
    )


@pytest.mark.parametrize("cut", [8, 20, 33, 100, -13, -1])
def test_a_truncated_png_is_refused(client, credential, cut):
    baked = baking.bake(png_without_credential(), credential)
    response = upload(client, baked[:cut], "badge.png", "image/png")
    assert_refused(response, BROKEN_PNG, "credential_file")


def test_a_png_with_a_damaged_chunk_is_refused(client, credential):
    baked = bytearray(baking.bake(png_without_credential(), credential))
    baked[baked.index(b"openbadgecredential") + 40] ^= 0xFF
    assert_refused(upload(client, bytes(baked), "badge.png", "image/png"), BROKEN_PNG, "credential_file")


def test_a_png_whose_credential_is_hostile_is_refused(client):
    nested = json.loads(NESTED)
    baked = baking.bake(png_without_credential(), nested)
    assert_refused(upload(client, baked, "badge.png", "image/png"), TOO_DEEP, "credential_file")


def test_both_a_paste_and_a_file(client, credential):
    text = json.dumps(credential)
    response = upload(client, text.encode(), credential=text)
    assert_refused(response, BOTH, "credential_file")
    assert escape(text) in response.content.decode()


def test_the_pasted_text_is_kept_and_escaped(client):
    text = '{"name": "<script>alert(1)</script>"'
    response = paste(client, text)
    assert_refused(response, NOT_JSON, "credential")
    html = response.content.decode()
    assert escape(text) in html
    assert "<script>alert(1)</script>" not in html


def test_the_lookup_page_offers_both_ways(client):
    html = client.get("/certificates/verify/").content.decode()
    assert '<form class="utrecht-form spil-form spil-narrow" method="get" action="/certificates/verify/"' in html
    assert f'action="{URL}#open-badge" enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert '<label class="utrecht-form-label" for="id_credential">Plak het credential' in html
    assert 'aria-describedby="id_credential_file_helptext"' in html
    assert "Hoogstens 512 kB." in html
    assert "noindex" not in html, "the lookup page itself may be found"


def test_a_post_needs_the_csrf_token(credential):
    client = Client(enforce_csrf_checks=True)
    assert paste(client, json.dumps(credential)).status_code == 403


def test_opening_the_check_address_leads_to_the_lookup_page(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/certificates/verify/"


def test_checks_are_rate_limited_per_address(client, credential, settings, frozen_window):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    text = json.dumps(credential)
    office = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    statuses = {paste(client, text, **office).status_code for _ in range(verification.CHECK_LIMIT_PER_ADDRESS)}
    assert statuses == {200}
    response = paste(client, text, **office)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Vanaf jouw internetadres zijn de afgelopen tijd te veel credentials gecontroleerd." in html
    assert "Probeer het over 10 minuten opnieuw" in html
    assert response["Retry-After"] == "590"
    assert escape(text) in html, "the pasted text stays"
    assert 'aria-labelledby="uitkomst"' not in html
    assert paste(client, text, HTTP_X_FORWARDED_FOR="198.51.100.4").status_code == 200
    assert paste(client, "{kapot", **office).status_code == 429, "bad input counts too"


def test_a_stranger_can_check_without_logging_in(client, world):
    """Anyone may check: here a credential of someone else's certificate, by a visitor."""
    other = services.issue(user=LearnerFactory(organisation=world["zeist"]).user, track=world["track"], source_key="x")
    response = paste(client, json.dumps(openbadges.credential_for(other)))
    assert "Echt en geldig." in verdict_of(response)
