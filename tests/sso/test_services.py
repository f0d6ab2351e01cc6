"""Joining an organisation by a verified address, and allauth's SocialApp kept in step with
the identity provider."""

import re

import pytest
from allauth.socialaccount.models import SocialApp
from django.core import mail

from people.models import Membership, User
from sso import services
from sso.models import IdentityProvider
from tests.people.factories import OrganisationFactory, UserFactory
from tests.sso.factories import CLIENT_SECRET, IdentityProviderFactory, OrganisationDomainFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Sanne Smit",
    "email": "Sanne@Zeist.example.org",
    "password1": "een-lang-wachtwoord-2026",
    "password2": "een-lang-wachtwoord-2026",
}


def test_an_address_at_a_registered_domain_joins_the_organisation_once_it_is_verified(
    client, home_page, django_capture_on_commit_callbacks
):
    zeist = OrganisationDomainFactory(domain="zeist.example.org").organisation
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/signup/", SIGNUP)
    user = User.objects.get(email__iexact=SIGNUP["email"])
    assert not Membership.objects.filter(user=user).exists(), "an unverified address joins nothing"

    link = re.search(r"(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)

    assert list(Membership.objects.filter(user=user).values_list("organisation", "role")) == [
        (zeist.pk, Membership.Role.LEARNER)
    ]
    # Confirming again (or another address at the domain) adds nothing.
    services.join_organisation_by_email(user=user, email="sanne.smit@zeist.example.org")
    assert Membership.objects.filter(user=user).count() == 1


def test_an_address_elsewhere_joins_nothing(home_page):
    OrganisationDomainFactory(domain="zeist.example.org")
    user = UserFactory(email="sanne@gmail.example.com")
    assert services.join_organisation_by_email(user=user, email=user.email) is None
    assert services.join_organisation_by_email(user=user, email="sanne@sub.zeist.example.org") is None
    assert not Membership.objects.exists()


def test_an_existing_role_stays_as_it_is():
    domain = OrganisationDomainFactory(domain="zeist.example.org")
    user = UserFactory(email="hr@zeist.example.org")
    Membership.objects.create(user=user, organisation=domain.organisation, role=Membership.Role.HR)
    services.join_organisation_by_email(user=user, email=user.email)
    assert sorted(Membership.objects.filter(user=user).values_list("role", flat=True)) == ["hr", "learner"]


def test_saving_a_provider_creates_allauths_app_with_the_secret():
    provider = IdentityProviderFactory(issuer="https://login.zeist.example.org/.well-known/openid-configuration")
    app = SocialApp.objects.get()
    assert provider.social_app == app
    assert (app.provider, app.provider_id) == ("openid_connect", provider.provider_id)
    assert app.client_id == provider.client_id
    assert app.secret == CLIENT_SECRET
    assert app.name == provider.organisation.name
    assert app.settings["server_url"] == "https://login.zeist.example.org"
    assert app.settings["oauth_pkce_enabled"] is True
    assert app.settings["email_authentication"] is False


def test_an_empty_secret_keeps_the_stored_one_and_a_new_one_replaces_it():
    provider = IdentityProviderFactory()
    provider.client_id = "nieuwe-client"
    services.save_identity_provider(identity_provider=provider, secret="")
    app = SocialApp.objects.get()
    assert (app.client_id, app.secret) == ("nieuwe-client", CLIENT_SECRET)
    services.save_identity_provider(identity_provider=provider, secret="een-nieuw-geheim-0123456789")
    assert SocialApp.objects.get().secret == "een-nieuw-geheim-0123456789"


def test_a_new_issuer_gets_a_new_provider_id():
    """Subjects of another issuer name other people: they must not reach the accounts
    linked through the old one."""
    provider = IdentityProviderFactory(issuer="https://login.zeist.example.org")
    old = provider.provider_id
    provider.issuer = "https://nieuw.zeist.example.org"
    services.save_identity_provider(identity_provider=provider)
    provider.refresh_from_db()
    assert provider.provider_id != old
    assert SocialApp.objects.get().provider_id == provider.provider_id
    assert SocialApp.objects.count() == 1


def test_deleting_a_provider_or_its_organisation_removes_the_app():
    IdentityProviderFactory().delete()
    assert not SocialApp.objects.exists()
    organisation = OrganisationFactory()
    IdentityProviderFactory(organisation=organisation)
    organisation.delete()
    assert not SocialApp.objects.exists()
    assert not IdentityProvider.objects.exists()
