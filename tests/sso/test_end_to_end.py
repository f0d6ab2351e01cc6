"""Single sign-on against a real OpenID Connect provider on loopback (oidc-provider, started per
test): Spil's 'Inloggen met je organisatie' sends the person to the provider, the provider's
sign-in page sends them back with a code, and Spil (allauth) exchanges that code with the
provider over HTTP. Nothing here is a fake."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from people.models import Membership, User
from sso.adapters import SSO_MFA_SESSION_KEY
from tests.people.factories import PASSWORD, HRAdviserFactory, OrganisationFactory, UserFactory
from tests.sso.factories import OrganisationDomainFactory
from tests.sso.oidc import account, sign_in_at_provider, sso_sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def zeist():
    organisation = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    return organisation, OrganisationDomainFactory(organisation=organisation, domain="zeist.test")


@pytest.fixture
def utrecht():
    organisation = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    return organisation, OrganisationDomainFactory(organisation=organisation, domain="utrecht.test")


def direct_provider_login(client, identity_provider) -> str:
    """Start allauth's login at one provider by its own URL, as someone who skips Spil's
    choice by email address would: the provider's authorize URL."""
    response = client.post(reverse("openid_connect_login", kwargs={"provider_id": identity_provider.provider_id}))
    assert response.status_code == 302, response.content.decode()[:1000]
    return response["Location"]


def signed_in_user(client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_first_sign_in_creates_the_account_in_the_organisation(client, home_page, start_oidc_provider, zeist):
    organisation, domain = zeist
    provider = start_oidc_provider(account("anna-0001", "Anna@Zeist.test", name="Anna de Boer"))
    identity_provider = provider.configure(organisation, domains=[domain])

    response = sso_sign_in(client, "anna@zeist.test", sub="anna-0001", next_url="/leeraanbod/")

    assert response.status_code == 302
    assert response["Location"] == "/leeraanbod/"
    user = signed_in_user(client)
    assert user is not None
    assert user.email == "anna@zeist.test"
    assert user.full_name == "Anna de Boer"
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert list(Membership.objects.filter(user=user).values_list("organisation__name", "role")) == [
        ("Gemeente Zeist", Membership.Role.LEARNER)
    ]
    social = SocialAccount.objects.get(user=user)
    assert (social.provider, social.uid) == (identity_provider.provider_id, "anna-0001")
    assert client.session[SSO_MFA_SESSION_KEY] is False  # the provider asserted a password only

    # Signing in again reaches the same account, through the same provider and subject.
    client.logout()
    response = sso_sign_in(client, "anna@zeist.test", sub="anna-0001")
    assert response.status_code == 302
    assert signed_in_user(client) == user
    assert User.objects.count() == 1
    assert Membership.objects.filter(user=user).count() == 1


def test_another_organisations_provider_asserting_the_same_address_is_refused(
    client, home_page, start_oidc_provider, zeist, utrecht
):
    """The same oidc-provider instance serves a second organisation (its own client) and a
    second instance has its own 'anna': neither reaches Anna's account."""
    shared = start_oidc_provider(account("anna-0001", "anna@zeist.test"))
    zeist_provider = shared.configure(zeist[0], domains=[zeist[1]])
    utrecht_provider = shared.configure(utrecht[0], domains=[utrecht[1]])
    assert zeist_provider.provider_id != utrecht_provider.provider_id
    sso_sign_in(client, "anna@zeist.test", sub="anna-0001")
    anna = signed_in_user(client)
    client.logout()

    callback = sign_in_at_provider(direct_provider_login(client, utrecht_provider), sub="anna-0001")
    response = client.get(callback.removeprefix("http://testserver"))
    assert response.status_code == 403
    assert "Via Gemeente Utrecht log je alleen in met een adres op utrecht.test" in response.content.decode()
    assert signed_in_user(client) is None

    other = start_oidc_provider(account("iemand-anders", "anna@zeist.test"))
    other_provider = other.configure(OrganisationFactory(name="Gemeente Nep", slug="nep"), domains=[])
    callback = sign_in_at_provider(direct_provider_login(client, other_provider), sub="iemand-anders")
    response = client.get(callback.removeprefix("http://testserver"))
    assert response.status_code == 403
    assert signed_in_user(client) is None
    assert list(SocialAccount.objects.values_list("user", "provider")) == [(anna.pk, zeist_provider.provider_id)]


def test_a_first_sign_in_with_an_address_that_has_an_account_is_refused(
    client, home_page, start_oidc_provider, utrecht
):
    """Accounts are known by provider and subject, never by address: an account that exists
    with the address (here made with a password) is not signed in, nor linked."""
    piet = UserFactory(email="piet@utrecht.test")
    provider = start_oidc_provider(account("piet-0042", "piet@utrecht.test"))
    provider.configure(utrecht[0], domains=[utrecht[1]])

    response = sso_sign_in(client, "piet@utrecht.test", sub="piet-0042")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Er is al een Spil-account met het e-mailadres piet@utrecht.test" in html
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()
    assert not Membership.objects.filter(user=piet).exists()


def test_a_signed_in_person_links_their_organisation_account_and_then_signs_in_with_it(
    client, home_page, start_oidc_provider, utrecht
):
    piet = UserFactory(email="piet@utrecht.test")
    provider = start_oidc_provider(account("piet-0042", "piet@utrecht.test"))
    identity_provider = provider.configure(utrecht[0], domains=[utrecht[1]])
    client.force_login(piet)

    response = sso_sign_in(client, "piet@utrecht.test", sub="piet-0042")

    assert response.status_code == 302
    assert SocialAccount.objects.get(provider=identity_provider.provider_id, uid="piet-0042").user == piet
    assert Membership.objects.filter(user=piet, organisation=utrecht[0], role=Membership.Role.LEARNER).exists()
    client.logout()
    sso_sign_in(client, "piet@utrecht.test", sub="piet-0042")
    assert signed_in_user(client) == piet


def test_linking_an_organisation_account_that_names_someone_elses_address_is_refused(
    client, home_page, start_oidc_provider, utrecht
):
    UserFactory(email="piet@utrecht.test")
    someone = UserFactory(email="iemand@example.org")
    provider = start_oidc_provider(account("piet-0042", "piet@utrecht.test"))
    provider.configure(utrecht[0], domains=[utrecht[1]])
    client.force_login(someone)

    response = sso_sign_in(client, "piet@utrecht.test", sub="piet-0042")

    assert response.status_code == 403
    assert "hoort al bij een ander Spil-account" in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_mandatory_single_sign_on_refuses_the_password_and_lets_the_provider_in(
    client, home_page, start_oidc_provider, zeist
):
    organisation, domain = zeist
    legacy = UserFactory(email="kees@zeist.test")
    provider = start_oidc_provider(account("anna-0001", "anna@zeist.test"))
    provider.configure(organisation, domains=[domain], required=True)

    for password in (PASSWORD, "een-fout-wachtwoord"):  # the same answer, right or wrong
        response = client.post(reverse("account_login"), {"login": legacy.email, "password": password})
        assert response.status_code == 200
        assert "log je in met je organisatie, niet met een wachtwoord" in response.content.decode()
        assert signed_in_user(client) is None

    response = sso_sign_in(client, "anna@zeist.test", sub="anna-0001")
    assert response.status_code == 302
    assert signed_in_user(client).email == "anna@zeist.test"


def test_an_address_outside_the_providers_domains_is_refused(client, home_page, start_oidc_provider, zeist):
    organisation, domain = zeist
    provider = start_oidc_provider(account("anna-0001", "anna@prive.test"))
    provider.configure(organisation, domains=[domain])
    OrganisationDomainFactory(organisation=organisation, domain="prive.test")  # not allowed for the provider

    response = sso_sign_in(client, "anna@zeist.test", sub="anna-0001")

    assert response.status_code == 403
    assert "Je organisatie gaf het e-mailadres anna@prive.test door" in response.content.decode()
    assert not User.objects.exists()


def test_a_provider_that_is_not_in_use_signs_nobody_in(client, home_page, start_oidc_provider, zeist):
    provider = start_oidc_provider(account("anna-0001", "anna@zeist.test"))
    identity_provider = provider.configure(zeist[0], domains=[zeist[1]])
    identity_provider.is_active = False
    identity_provider.save()

    response = client.post(reverse("sso:login"), {"email": "anna@zeist.test"})
    assert response.status_code == 200
    assert "kun je niet met een organisatie inloggen" in response.content.decode()
    login_url = reverse("openid_connect_login", kwargs={"provider_id": identity_provider.provider_id})
    assert client.post(login_url).status_code == 404


@pytest.mark.parametrize(
    ("amr", "sent_to_set_up"), [(("pwd", "otp"), False), (("pwd", "mfa"), False), (("pwd",), True)]
)
def test_a_second_factor_at_the_provider_counts_for_an_hr_adviser(
    client, home_page, start_oidc_provider, zeist, settings, amr, sent_to_set_up
):
    settings.SPIL_REQUIRE_MFA = True
    organisation, domain = zeist
    provider = start_oidc_provider(account("hanna-0007", "hanna@zeist.test", amr=amr))
    identity_provider = provider.configure(organisation, domains=[domain])
    hanna = HRAdviserFactory(user__email="hanna@zeist.test", organisation=organisation).user
    SocialAccount.objects.create(user=hanna, provider=identity_provider.provider_id, uid="hanna-0007")

    sso_sign_in(client, "hanna@zeist.test", sub="hanna-0007")

    assert signed_in_user(client) == hanna
    response = client.get("/hr/")
    if sent_to_set_up:
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_index")
    else:
        assert response.status_code == 200
