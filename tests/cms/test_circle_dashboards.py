"""Attended learning-circle sessions on /mijn/ (with their hours), and circle participation
on /hr/ for the adviser's own people only: a circle spans organisations."""

import datetime

import pytest

from tests.circles.factories import AttendanceFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def circle_world(home_page):
    zeist, utrecht = OrganisationFactory(name="Gemeente Zeist"), OrganisationFactory(name="Provincie Utrecht")
    anna = LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user
    bram = LearnerFactory(organisation=utrecht, user__full_name="Bram Jansen").user
    circle = LearningCirclePageFactory(title="Leerkring projectondersteuners")
    past = SessionFactory(circle=circle, theme="Het takenpakket van een ondersteuner")
    past.starts_at -= datetime.timedelta(days=30)
    past.ends_at = past.starts_at + datetime.timedelta(minutes=90)
    past.save()
    for person in (anna, bram):
        CircleMemberFactory(circle=circle, user=person)
        AttendanceFactory(session=past, user=person)
    return {
        "anna": anna,
        "bram": bram,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
    }


def test_the_learner_sees_attended_sessions_with_their_hours(client, circle_world):
    client.force_login(circle_world["anna"])
    page = client.get("/mijn/").content.decode()
    assert "Het takenpakket van een ondersteuner" in page
    assert "1.5 uur" in page or "1,5 uur" in page
    client.force_login(circle_world["hr_zeist"])
    assert "Het takenpakket van een ondersteuner" not in client.get("/mijn/").content.decode()


@pytest.mark.parametrize(("adviser", "own", "other"), [("hr_zeist", "anna", "bram"), ("hr_utrecht", "bram", "anna")])
def test_hr_sees_only_their_own_peoples_circle_participation(client, circle_world, adviser, own, other):
    client.force_login(circle_world[adviser])
    page = client.get("/hr/").content.decode()
    assert "Deelname aan leerkringen" in page
    assert circle_world[own].get_full_name() in page
    assert circle_world[other].get_full_name() not in page
