"""The learner's certificate list: the badge image and "Toevoegen aan LinkedIn"."""

import datetime
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.utils.html import escape

from certificates import services
from certificates.models import Certificate
from certificates.templatetags.certificate_tags import linkedin_add_url

pytestmark = pytest.mark.django_db

# 23:30 UTC on 31 March is 1 April in the Netherlands: the month on the certificate.
ISSUED = datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)
EXPIRES = datetime.datetime(2028, 3, 31, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def certificate(world):
    certificate = services.issue(user=world["anna"], track=world["track"], source_key="linkedin-1")
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=ISSUED, expires_at=EXPIRES, issuing_organisation="Rijksacademie & Spil"
    )
    certificate.refresh_from_db()
    return certificate


def test_the_linkedin_url_fills_in_the_certification(certificate, settings):
    settings.SITE_URL = "https://spil.example.org"
    url = urlsplit(linkedin_add_url(certificate))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.linkedin.com", "/profile/add")
    assert parse_qsl(url.query, strict_parsing=True) == [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", "Risicomanagement voor de PMO"),
        ("organizationName", "Rijksacademie & Spil"),
        ("issueYear", "2026"),
        ("issueMonth", "4"),
        ("expirationYear", "2028"),
        ("expirationMonth", "4"),
        ("certId", certificate.number),
        ("certUrl", f"https://spil.example.org/certificates/verify/{certificate.token}/"),
    ]
    assert "organizationName=Rijksacademie+%26+Spil" in url.query, "encoded, so the & does not split it"


def test_without_expiry_linkedin_gets_no_expiration(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=None)
    certificate.refresh_from_db()
    names = [name for name, _ in parse_qsl(urlsplit(linkedin_add_url(certificate)).query)]
    assert "expirationYear" not in names
    assert "expirationMonth" not in names
    assert names == ["startTask", "name", "organizationName", "issueYear", "issueMonth", "certId", "certUrl"]


def certificate_item(html: str, certificate) -> str:
    """The list item of ``certificate`` on the learner dashboard."""
    items = re.findall(r'<li class="utrecht-unordered-list__item">.*?</li>', html, re.S)
    (item,) = [item for item in items if f"({certificate.number}, " in item]
    return item


def test_the_learner_adds_a_valid_certificate_to_linkedin(client, certificate, world):
    client.force_login(world["anna"])
    item = certificate_item(client.get("/mijn/").content.decode(), certificate)
    assert f'href="{escape(linkedin_add_url(certificate))}"' in item
    assert 'Toevoegen aan LinkedIn<span class="spil-visually-hidden">: Risicomanagement voor de PMO</span></a>' in item
    assert f'href="/certificates/badge/{certificate.token}/image.png?download=1"' in item
    assert "Badge-afbeelding (PNG) voor je wallet" in item


def test_a_revoked_certificate_is_not_offered_to_linkedin(client, certificate, world):
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    client.force_login(world["anna"])
    item = certificate_item(client.get("/mijn/").content.decode(), certificate)
    assert "linkedin" not in item.lower()
    assert "image.png" not in item


def test_the_verification_page_offers_the_badge_image_while_valid(client, certificate, world):
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert f'href="/certificates/badge/{certificate.token}/image.png?download=1"' in html
    services.revoke(actor=world["hr"], certificate_id=certificate.pk, reason="Onterecht uitgegeven")
    html = client.get(f"/certificates/verify/{certificate.token}/").content.decode()
    assert "image.png" not in html
