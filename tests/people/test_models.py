import pytest
from django.db import IntegrityError

from people.models import Membership, User
from tests.people.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_is_stored_lowercase():
    user = User.objects.create_user(email="Anna@Zeist.Example.org", password="x" * 12, full_name="Anna de Vries")
    assert User.USERNAME_FIELD == "email"
    assert user.email == "anna@zeist.example.org"
    assert user.check_password("x" * 12)
    assert not user.is_staff
    assert not user.is_superuser


def test_superuser_is_staff():
    admin = User.objects.create_superuser(email="admin@example.org", password="x" * 12, full_name="Beheer")
    assert admin.is_staff
    assert admin.is_superuser


def test_names_for_display():
    user = UserFactory.build(full_name="Anna de Vries", email="anna@example.org")
    assert str(user) == "Anna de Vries"
    assert user.get_short_name() == "Anna"
    nameless = UserFactory.build(full_name="", email="x@example.org")
    assert nameless.get_full_name() == "x@example.org"
    assert nameless.get_short_name() == "x@example.org"


def test_creating_a_user_without_email_is_refused():
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password="x")


def test_a_person_holds_a_role_in_an_organisation_once():
    membership = MembershipFactory(role=Membership.Role.HR)
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=membership.user, organisation=membership.organisation, role=Membership.Role.HR)


def test_a_person_may_hold_several_roles_and_organisations():
    user = UserFactory()
    zeist, utrecht = OrganisationFactory(), OrganisationFactory()
    Membership.objects.create(user=user, organisation=zeist, role=Membership.Role.LEARNER)
    Membership.objects.create(user=user, organisation=zeist, role=Membership.Role.HR)
    Membership.objects.create(user=user, organisation=utrecht, role=Membership.Role.ORGANISER)
    assert user.memberships.count() == 3
