"""'Inloggen met je organisatie' without a provider behind it; the way through a real one is
in test_end_to_end.py."""

import pytest
from django.urls import reverse

from sso import views
from tests.sso.factories import IdentityProviderFactory, OrganisationDomainFactory

pytestmark = pytest.mark.django_db


def test_the_login_page_offers_it(client, home_page):
    html = client.get(reverse("account_login") + "?next=/hr/").content.decode()
    assert "Inloggen met je organisatie" in html
    assert f'href="{reverse("sso:login")}?next=/hr/"' in html


def test_the_page_asks_for_the_work_address(client, home_page):
    response = client.get(reverse("sso:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je e-mailadres op het werk" in html
    assert 'autocomplete="email"' in html


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul je e-mailadres op het werk in."),
        ("geen-adres", "Vul een e-mailadres in"),
        ("anna@gmail.example.com", "Voor adressen op gmail.example.com kun je niet met een organisatie inloggen"),
    ],
)
def test_an_address_without_a_provider_gets_a_clear_answer(client, home_page, email, message):
    response = client.post(reverse("sso:login"), {"email": email})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_domain_of_the_organisation_that_the_provider_does_not_allow_is_not_sent_there(client, home_page):
    provider = IdentityProviderFactory()
    OrganisationDomainFactory(organisation=provider.organisation, domain="extern.example.org")
    response = client.post(reverse("sso:login"), {"email": "anna@extern.example.org"})
    assert response.status_code == 200


def test_an_unreachable_provider_is_said_so(client, home_page):
    provider = IdentityProviderFactory(issuer="http://127.0.0.1:9")  # nothing listens on the discard port
    domain = provider.allowed_domains.get()
    response = client.post(reverse("sso:login"), {"email": f"anna@{domain.domain}"})
    assert response.status_code == 200
    assert "is nu niet bereikbaar" in response.content.decode()


def test_attempts_are_limited_per_address(client, home_page, monkeypatch):
    monkeypatch.setattr(views, "START_LIMIT_PER_ADDRESS", 2)
    for _ in range(2):
        assert client.post(reverse("sso:login"), {"email": "anna@gmail.example.com"}).status_code == 200
    assert client.post(reverse("sso:login"), {"email": "anna@gmail.example.com"}).status_code == 429
