"""Email domains and identity providers in the Wagtail admin: for the platform admin only.
The client secret goes to allauth's SocialApp and never comes back on a page."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from people.models import User
from sso.models import IdentityProvider, OrganisationDomain
from tests.people.factories import PASSWORD, HRAdviserFactory, OrganisationFactory, UserFactory
from tests.sso.factories import CLIENT_SECRET, IdentityProviderFactory, OrganisationDomainFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, home_page):
    user = User.objects.create_superuser(email="beheer@example.org", password=PASSWORD, full_name="Beheer")
    client.force_login(user)
    return user


def test_the_platform_admin_registers_a_domain_in_lower_case(client, admin):
    zeist = OrganisationFactory(name="Gemeente Zeist")
    assert client.get(reverse("organisation_domains:index")).status_code == 200
    response = client.post(reverse("organisation_domains:add"), {"organisation": zeist.pk, "domain": " Zeist.NL "})
    assert response.status_code == 302, response.context["form"].errors
    assert OrganisationDomain.objects.get().domain == "zeist.nl"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("anna@zeist.nl", "zonder naam en zonder"),
        ("https://zeist.nl", "zonder https://"),
        ("zeist", "geen geldige domeinnaam"),
    ],
)
def test_a_domain_that_is_not_one_is_refused_with_a_reason(client, admin, value, message):
    response = client.post(
        reverse("organisation_domains:add"), {"organisation": OrganisationFactory().pk, "domain": value}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OrganisationDomain.objects.exists()


def test_a_domain_belongs_to_one_organisation(client, admin):
    OrganisationDomainFactory(domain="zeist.nl")
    response = client.post(
        reverse("organisation_domains:add"), {"organisation": OrganisationFactory().pk, "domain": "ZEIST.nl"}
    )
    assert response.status_code == 200
    assert OrganisationDomain.objects.count() == 1


def provider_form(organisation, domains, **changes) -> dict:
    return {
        "organisation": organisation.pk,
        "issuer": "https://login.zeist.nl/",
        "client_id": "spil",
        "client_secret": "",
        "allowed_domains": [domain.pk for domain in domains],
        "is_active": "on",
        **changes,
    }


def test_the_platform_admin_configures_a_provider_and_allauth_gets_its_app(client, admin):
    domain = OrganisationDomainFactory(domain="zeist.nl")
    response = client.post(
        reverse("identity_providers:add"),
        provider_form(domain.organisation, [domain], client_secret="geheim-van-de-provider-1234"),
    )
    assert response.status_code == 302, response.context["form"].errors
    provider = IdentityProvider.objects.get()
    app = SocialApp.objects.get()
    assert provider.social_app == app
    assert provider.issuer == "https://login.zeist.nl"
    assert (app.provider, app.provider_id, app.client_id) == ("openid_connect", provider.provider_id, "spil")
    assert app.secret == "geheim-van-de-provider-1234"
    assert list(provider.allowed_domains.all()) == [domain]


def test_a_new_provider_needs_a_secret_and_domains_of_its_own_organisation(client, admin):
    domain = OrganisationDomainFactory(domain="zeist.nl")
    elsewhere = OrganisationDomainFactory(domain="utrecht.nl")
    response = client.post(reverse("identity_providers:add"), provider_form(domain.organisation, [domain, elsewhere]))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "client_secret" in errors
    assert "utrecht.nl" in str(errors["allowed_domains"])
    response = client.post(
        reverse("identity_providers:add"),
        provider_form(domain.organisation, [domain], issuer="http://login.zeist.nl", client_secret="x" * 20),
    )
    assert "issuer" in response.context["form"].errors
    assert not IdentityProvider.objects.exists()
    assert not SocialApp.objects.exists()


def test_the_secret_is_never_shown_back(client, admin):
    provider = IdentityProviderFactory()
    for url in [
        reverse("identity_providers:index"),
        reverse("identity_providers:edit", args=[provider.pk]),
        reverse("identity_providers:inspect", args=[provider.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert CLIENT_SECRET not in response.content.decode(), url
        assert CLIENT_SECRET[:-4] not in response.content.decode(), url
    inspect = client.get(reverse("identity_providers:inspect", args=[provider.pk])).content.decode()
    assert f"/accounts/oidc/{provider.provider_id}/login/callback/" in inspect


def test_editing_without_a_secret_keeps_it(client, admin):
    provider = IdentityProviderFactory()
    domains = list(provider.allowed_domains.all())
    response = client.post(
        reverse("identity_providers:edit", args=[provider.pk]),
        provider_form(provider.organisation, domains, client_id="andere-client", required="on"),
    )
    assert response.status_code == 302, response.context["form"].errors
    app = SocialApp.objects.get()
    assert (app.client_id, app.secret) == ("andere-client", CLIENT_SECRET)
    provider.refresh_from_db()
    assert provider.required


def editor_with_every_permission_on_these_models() -> User:
    user = UserFactory()
    group = Group.objects.create(name="Redactie")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="sso"),
    )
    user.groups.add(group)
    return user


@pytest.mark.parametrize("who", ["redacteur", "HR-adviseur van een andere organisatie"])
def test_nobody_else_sees_or_changes_them(client, home_page, who):
    provider = IdentityProviderFactory()
    domain = provider.allowed_domains.get()
    user = editor_with_every_permission_on_these_models() if who == "redacteur" else HRAdviserFactory().user
    client.force_login(user)
    urls = [
        reverse("identity_providers:index"),
        reverse("identity_providers:add"),
        reverse("identity_providers:edit", args=[provider.pk]),
        reverse("identity_providers:inspect", args=[provider.pk]),
        reverse("identity_providers:delete", args=[provider.pk]),
        reverse("organisation_domains:index"),
        reverse("organisation_domains:add"),
        reverse("organisation_domains:edit", args=[domain.pk]),
        reverse("organisation_domains:delete", args=[domain.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), f"{who} reached {url}"
        assert CLIENT_SECRET not in response.content.decode()
    response = client.post(
        reverse("identity_providers:edit", args=[provider.pk]),
        provider_form(provider.organisation, [domain], client_secret="overgenomen-geheim-0000", issuer="https://x.nl"),
    )
    assert response.status_code in (302, 403)
    client.post(reverse("identity_providers:delete", args=[provider.pk]))
    client.post(reverse("organisation_domains:delete", args=[domain.pk]))
    provider.refresh_from_db()
    assert provider.issuer != "https://x.nl"
    assert SocialApp.objects.get().secret == CLIENT_SECRET
    assert OrganisationDomain.objects.filter(pk=domain.pk).exists()
