"""The rules of provisioning: tokens, and which organisation may change what of an account."""

import pytest
from allauth.usersessions.models import UserSession
from django.core.exceptions import ValidationError

from common.tokens import hash_token
from insights.selectors import data_version
from people.models import Membership
from provisioning import selectors, services
from provisioning.models import ProvisionedAccount, ScimToken
from tests.people.factories import LearnerFactory, UserFactory

from .factories import ProvisionedAccountFactory, ScimTokenFactory

pytestmark = pytest.mark.django_db


def test_a_token_is_kept_as_a_hash_and_a_short_prefix(zeist):
    token, secret = services.create_token(organisation=zeist, description="Entra", created_by=None)

    assert secret.startswith("scim_")
    assert len(secret) > 40
    stored = ScimToken.objects.get()
    assert stored.token_hash == hash_token(secret)
    assert stored.prefix == secret[:11]
    assert secret not in str(ScimToken.objects.values().get())
    assert selectors.token_for_secret(secret=secret) == token


def test_a_revoked_token_is_found_no_more(zeist):
    token, secret = services.create_token(organisation=zeist, description="Entra", created_by=None)

    assert services.revoke_token(token=token, revoked_by=None) is True
    assert services.revoke_token(token=token, revoked_by=None) is False
    assert selectors.token_for_secret(secret=secret) is None
    assert token.get_status_display() == "Ingetrokken"


def test_token_use_is_written_at_most_once_a_minute(zeist, django_assert_num_queries):
    token = ScimTokenFactory(organisation=zeist)
    with django_assert_num_queries(1):
        services.record_token_use(token=token)
    with django_assert_num_queries(0):
        services.record_token_use(token=token)
    token.refresh_from_db()
    assert token.last_used_at is not None


def people(organisation, **values):
    defaults = {"full_name": "Anna de Vries", "active": True, "team": "", "external_id": "anna"}
    return services.provision_person(organisation=organisation, email="anna@zeist.nl", **{**defaults, **values})


def update(account, **values):
    user = account.user
    current = {
        "email": user.email,
        "full_name": user.full_name,
        "active": account.active,
        "team": "",
        "external_id": "",
    }
    return services.update_person(account=account, **{**current, **values})


def test_a_person_of_two_organisations_is_not_deactivated_by_one(zeist, utrecht):
    account = people(zeist)
    LearnerFactory(user=account.user, organisation=utrecht)
    UserSession.objects.create(user=account.user, session_key="x" * 32, ip="127.0.0.1", user_agent="test")

    update(account, active=False)

    account.user.refresh_from_db()
    assert account.user.is_active is True
    assert UserSession.objects.filter(user=account.user).exists()
    assert ProvisionedAccount.objects.get(pk=account.pk).active is False


def test_nor_renamed_by_one(zeist, utrecht):
    account = people(zeist)
    LearnerFactory(user=account.user, organisation=utrecht)

    update(account, email="other@zeist.nl", full_name="Someone Else", team="PMO")

    account.user.refresh_from_db()
    assert (account.user.email, account.user.full_name) == ("anna@zeist.nl", "Anna de Vries")
    # What belongs to this organisation does change.
    assert Membership.objects.get(user=account.user, organisation=zeist).team == "PMO"
    assert Membership.objects.get(user=account.user, organisation=utrecht).team == ""


def test_a_new_team_outdates_the_hr_figures(zeist):
    """The figures count per team: a team changed by the identity provider is a change of data."""
    account = people(zeist)
    before = data_version()
    update(account, team="Programmabureau")
    assert data_version() != before
    assert Membership.objects.get(user=account.user, organisation=zeist).team == "Programmabureau"


def test_the_last_organisation_to_deactivate_a_person_switches_the_account_off(zeist, utrecht):
    account = people(zeist)
    elsewhere = ProvisionedAccountFactory(user=account.user, organisation=utrecht)

    services.remove_person(account=elsewhere)
    account.user.refresh_from_db()
    assert account.user.is_active is True

    update(account, active=False)
    account.user.refresh_from_db()
    assert account.user.is_active is False


def test_a_platform_admin_is_never_switched_off_by_an_organisation(zeist):
    admin = UserFactory(email="anna@zeist.nl", is_staff=True, is_superuser=True)
    account = people(zeist)
    assert account.user == admin

    update(account, active=False, full_name="Renamed")

    admin.refresh_from_db()
    assert admin.is_active is True
    assert admin.full_name != "Renamed"


def test_not_stating_active_leaves_the_account_on(zeist):
    account = people(zeist, active=None)

    assert account.user.is_active is True
    assert account.active is None
    update(account, active=False)
    update(account, active=None)
    account.user.refresh_from_db()
    assert account.user.is_active is True


@pytest.mark.parametrize(
    "values",
    [
        {"full_name": "x" * 201},
        {"team": "x" * 121},
        {"external_id": "x" * 256},
        {"full_name": "\x00"},
        {"email": "no address"},
        {"email": "a" * 250 + "@zeist.nl"},
    ],
)
def test_values_spil_cannot_keep_are_refused(zeist, values):
    with pytest.raises(ValidationError):
        services.provision_person(
            organisation=zeist,
            **{"email": "anna@zeist.nl", "full_name": "A", "active": True, "team": "", "external_id": "", **values},
        )
    assert not ProvisionedAccount.objects.exists()
