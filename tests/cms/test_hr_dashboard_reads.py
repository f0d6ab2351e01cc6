"""The narrow reads behind the HR dashboard: the waiting requests counted without loading them
(``curriculum.selectors.pending_request_counts``) and the people list with its memberships
and current roles as plain values (``cms.selectors.hr_people_page``)."""

import datetime

import pytest
from django.utils import timezone

from cms import selectors as cms_selectors
from curriculum import selectors, services
from curriculum.models import Enrolment
from people.models import Membership
from tests.careers.factories import CurrentRoleFactory, RoleProfileIndexPageFactory, RoleProfilePageFactory
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

# Late in the evening in the Netherlands, early the next day in UTC: the local day counts.
LATE = timezone.make_aware(datetime.datetime(2026, 3, 2, 23, 30))


@pytest.fixture
def world(home_page):
    catalog = CatalogPageFactory(parent=home_page)
    track = LearningTrackPageFactory(parent=catalog, title="Notuleren", requires_approval=True)
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist", request_decision_days=5)
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht")
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna Aalbers", team="PMO").user
    kees = LearnerFactory(organisation=zeist, user__full_name="Kees Kok").user
    MembershipFactory(user=kees, organisation=utrecht, role=Membership.Role.LEARNER)  # no deadline of Zeist's
    bram = LearnerFactory(organisation=utrecht).user
    hr = HRAdviserFactory(organisation=zeist, user__full_name="Zara Zwart").user
    for person, when in ((anna, LATE), (kees, LATE - datetime.timedelta(days=3)), (bram, LATE)):
        enrolment = services.enrol(user=person, track=track)
        Enrolment.objects.filter(pk=enrolment.pk).update(requested_at=when)
    return {"zeist": zeist, "utrecht": utrecht, "anna": anna, "kees": kees, "hr": hr}


@pytest.mark.parametrize("day", [0, 1, 3, 5, 6, 8, 9, 20])
def test_the_counts_are_those_of_the_listed_requests(world, day):
    today = LATE.date() + datetime.timedelta(days=day)
    for organisations in ([world["zeist"]], None):
        listed = selectors.pending_requests(decider=world["hr"], organisations=organisations, today=today)
        counts = selectors.pending_request_counts(decider=world["hr"], organisations=organisations, today=today)
        assert counts.count == len(listed) == 2
        assert counts.oldest_days == listed[0].age_days
        assert counts.overdue == sum(1 for enrolment in listed if enrolment.is_overdue)


def test_no_request_counts_none(world):
    counts = selectors.pending_request_counts(decider=world["hr"], organisations=[OrganisationFactory()])
    assert counts == (0, None, 0)


def test_the_people_list_shows_memberships_and_roles_as_values(world, home_page, django_assert_num_queries):
    profile = RoleProfilePageFactory(parent=RoleProfileIndexPageFactory(parent=home_page), title="Projectsecretaris")
    CurrentRoleFactory(user=world["anna"], profile=profile)
    with django_assert_num_queries(3):
        page, roles = cms_selectors.hr_people_page(
            adviser=world["hr"], page_number=None, organisations=[world["zeist"]], count=3
        )
        rows = {person.get_full_name(): person.visible_memberships for person in page.object_list}
    # Only memberships of the adviser's organisations: Kees's membership of Utrecht is not shown.
    assert rows == {
        "Anna Aalbers": [("Gemeente Zeist", "PMO", "Deelnemer")],
        "Kees Kok": [("Gemeente Zeist", "", "Deelnemer")],
        "Zara Zwart": [("Gemeente Zeist", "P&O", "HR-adviseur")],
    }
    assert roles[world["anna"].pk].profile_title == "Projectsecretaris"
    assert not roles[world["anna"].pk].is_confirmed
    assert world["kees"].pk not in roles
