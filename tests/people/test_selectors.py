import pytest
from django.contrib.auth.models import AnonymousUser

from people import selectors
from people.models import Membership
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Gemeente Utrecht")
    return {
        "zeist": zeist,
        "utrecht": utrecht,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
        "anna": LearnerFactory(organisation=zeist).user,
        "bram": LearnerFactory(organisation=utrecht).user,
    }


def test_hr_adviser_sees_the_people_of_their_own_organisation(world):
    visible = set(selectors.users_visible_to_hr(adviser=world["hr_zeist"]))
    assert world["anna"] in visible
    assert world["hr_zeist"] in visible


def test_hr_adviser_never_sees_people_of_another_organisation(world):
    visible = selectors.users_visible_to_hr(adviser=world["hr_zeist"])
    assert world["bram"] not in visible
    assert world["hr_utrecht"] not in visible
    assert not selectors.can_hr_see(adviser=world["hr_zeist"], person=world["bram"])
    assert not selectors.users_visible_to_hr(adviser=world["hr_zeist"], organisation=world["utrecht"]).exists()


def test_a_learner_is_no_hr_adviser_and_sees_nobody(world):
    assert not selectors.organisations_advised_by(adviser=world["anna"]).exists()
    assert not selectors.users_visible_to_hr(adviser=world["anna"]).exists()
    assert not selectors.can_hr_see(adviser=world["anna"], person=world["anna"])


def test_an_inactive_adviser_sees_nobody(world):
    adviser = world["hr_zeist"]
    adviser.is_active = False
    adviser.save()
    assert not selectors.users_visible_to_hr(adviser=adviser).exists()


def test_inactive_people_are_left_out(world):
    world["anna"].is_active = False
    world["anna"].save()
    assert world["anna"] not in selectors.users_visible_to_hr(adviser=world["hr_zeist"])


def test_an_adviser_of_two_organisations_sees_both_without_duplicates(world):
    adviser = world["hr_zeist"]
    Membership.objects.create(user=adviser, organisation=world["utrecht"], role=Membership.Role.HR)
    LearnerFactory(user=world["anna"], organisation=world["utrecht"])
    visible = list(selectors.users_visible_to_hr(adviser=adviser))
    assert world["bram"] in visible
    assert visible.count(world["anna"]) == 1


def test_visibility_costs_one_query_whatever_the_number_of_people(world, django_assert_num_queries):
    for _ in range(30):
        LearnerFactory(organisation=world["zeist"])
    with django_assert_num_queries(1):
        people = list(selectors.users_visible_to_hr(adviser=world["hr_zeist"]))
    assert len(people) == 32


def test_roles_and_organisations_of_a_user(world):
    assert selectors.roles_of(user=world["hr_zeist"]) == {Membership.Role.HR}
    assert list(selectors.organisations_advised_by(adviser=world["hr_utrecht"])) == [world["utrecht"]]
    assert selectors.roles_of(user=AnonymousUser()) == set()
    assert not selectors.organisations_advised_by(adviser=AnonymousUser()).exists()
