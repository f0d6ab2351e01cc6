"""Mandatory single sign-on: no password opens, resets, creates or adds an address for the
organisation's domains; the refusal points to 'Inloggen met je organisatie'."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from people.models import User
from sso import selectors
from tests.people.factories import PASSWORD, UserFactory
from tests.sso.factories import IdentityProviderFactory, OrganisationDomainFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Voor e-mailadressen van Gemeente Zeist log je in met je organisatie, niet met een wachtwoord."


@pytest.fixture
def mandatory(home_page):
    domain = OrganisationDomainFactory(domain="zeist.example.org", organisation__name="Gemeente Zeist")
    return IdentityProviderFactory(organisation=domain.organisation, domains=[domain], required=True)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("password", [PASSWORD, "niet-het-goede-wachtwoord"])
def test_the_password_is_refused_before_it_is_checked(client, mandatory, password):
    user = UserFactory(email="kees@zeist.example.org")
    response = client.post(reverse("account_login"), {"login": user.email.upper(), "password": password})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert "Inloggen met je organisatie" in response.content.decode()
    assert not signed_in(client)


def test_another_address_of_the_same_person_does_not_open_the_door(client, mandatory):
    user = UserFactory(email="kees@prive.example.com")
    EmailAddress.objects.create(user=user, email="kees@zeist.example.org", verified=True)
    response = client.post(reverse("account_login"), {"login": "kees@prive.example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("sso:login")
    assert not signed_in(client)
    assert REFUSAL in client.get(response["Location"]).content.decode()


def test_a_password_reset_is_refused(client, mandatory, django_capture_on_commit_callbacks):
    UserFactory(email="kees@zeist.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "kees@zeist.example.org"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not mail.outbox


def test_an_account_with_a_password_cannot_be_created(client, mandatory):
    data = {
        "full_name": "Kees Jansen",
        "email": "kees@zeist.example.org",
        "password1": "een-lang-wachtwoord-2026",
        "password2": "een-lang-wachtwoord-2026",
    }
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not User.objects.exists()


def test_an_address_of_the_domain_cannot_be_added_to_an_account(client, mandatory):
    user = UserFactory(email="kees@prive.example.com")
    client.force_login(user)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "kees@zeist.example.org"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not EmailAddress.objects.filter(email="kees@zeist.example.org").exists()


def test_when_sso_is_optional_or_not_in_use_the_password_works(client, mandatory):
    user = UserFactory(email="kees@zeist.example.org")
    mandatory.required = False
    mandatory.save()
    assert client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}).status_code == 302
    assert signed_in(client)
    client.logout()
    mandatory.required, mandatory.is_active = True, False
    mandatory.save()
    assert client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}).status_code == 302
    assert signed_in(client)


def test_other_domains_are_not_affected(client, mandatory):
    user = UserFactory(email="bram@utrecht.example.org")
    assert client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}).status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize(
    ("amr", "asserted"),
    [
        (["pwd", "otp"], True),
        (["mfa"], True),
        (["hwk"], True),
        (["swk", "pin"], True),
        ("mfa", True),
        (["pwd"], False),
        (["pin"], False),
        ([], False),
        (None, False),
        ([1, {"mfa": 1}], False),
    ],
)
def test_which_amr_values_count_as_a_second_factor(amr, asserted):
    assert selectors.asserts_mfa(extra_data={"id_token": {"amr": amr}, "userinfo": {"amr": ["mfa"]}}) is asserted


def test_amr_only_counts_from_the_id_token():
    assert selectors.asserts_mfa(extra_data={"userinfo": {"amr": ["mfa"]}}) is False
    assert selectors.asserts_mfa(extra_data=None) is False
