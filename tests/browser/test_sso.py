"""'Inloggen met je organisatie' in Chromium, through a real OpenID Connect provider on loopback
(oidc-provider, tests/sso/oidc_provider.mjs), and the two-step verification an HR adviser must
set up first. Every Spil page on the way is checked with axe-core."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from tests.people.factories import PASSWORD, HRAdviserFactory, OrganisationFactory
from tests.sso.factories import OrganisationDomainFactory
from tests.sso.oidc import account, start_oidc_provider  # noqa: F401 - a fixture

from .conftest import assert_accessible, log_in


def test_signing_in_with_the_organisation(page, live_server, start_oidc_provider):  # noqa: F811
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    domain = OrganisationDomainFactory(organisation=zeist, domain="zeist.test")
    provider = start_oidc_provider(account("anna-0001", "anna@zeist.test", name="Anna de Boer"))
    provider.configure(zeist, domains=[domain], base_url=live_server.url)

    page.goto("/accounts/login/")
    page.get_by_role("link", name="Inloggen met je organisatie").click()
    expect(page.get_by_role("heading", level=1, name="Inloggen met je organisatie")).to_be_visible()
    assert_accessible(page)

    email = page.get_by_label("Je e-mailadres op het werk")
    email.fill("anna@gmail.example.com")
    page.get_by_role("button", name="Verder naar je organisatie").click()
    expect(page.get_by_text("kun je niet met een organisatie inloggen")).to_be_visible()
    expect(email).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    email.fill("anna@zeist.test")
    page.get_by_role("button", name="Verder naar je organisatie").click()
    # The organisation's own sign-in page, at the provider.
    expect(page).to_have_url(re.compile(rf"^{re.escape(provider.issuer)}/interaction/"))
    page.get_by_label("Gebruikersnaam").fill("anna-0001")
    page.get_by_label("Wachtwoord organisatie").fill("wachtwoord-anna-0001")
    page.get_by_role("button", name="Inloggen bij de organisatie").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server.url)}/mijn/"))
    expect(page.get_by_text("Ingelogd als Anna de Boer", exact=True)).to_be_visible()
    assert_accessible(page)


def test_an_hr_adviser_without_two_step_verification_is_sent_to_set_it_up(page, settings):
    settings.SPIL_REQUIRE_MFA = True
    adviser = HRAdviserFactory(user__email="hr@zeist.example.org").user
    set_up = re.compile(rf"{re.escape(reverse('mfa_index'))}$")

    log_in(page, adviser.email)

    expect(page).to_have_url(set_up)
    expect(page.get_by_text("Stel eerst tweestapsverificatie in.")).to_be_visible()
    assert_accessible(page)
    page.goto(reverse("hr_dashboard"))
    expect(page).to_have_url(set_up)

    page.get_by_role("link", name=re.compile("Activeren|Activate|Aanzetten", re.IGNORECASE)).first.click()
    page.wait_for_url(re.compile(r"/accounts/(reauthenticate/|2fa/totp/activate/)"))
    if "/accounts/reauthenticate/" in page.url:  # allauth confirms who it is before a security change
        assert_accessible(page)
        page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Bevestig").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
