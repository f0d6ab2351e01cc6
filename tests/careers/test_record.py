"""Career records: who may see and change them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from careers import services
from careers.models import CareerStep, CurrentRole
from tests.careers.factories import RoleProfilePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 1)


@pytest.fixture
def world(profile_index):
    zeist, utrecht = OrganisationFactory(), OrganisationFactory()
    return {
        "scale6": RoleProfilePageFactory(parent=profile_index, title="MO schaal 6", salary_scale=6),
        "scale7": RoleProfilePageFactory(parent=profile_index, title="MO schaal 7", salary_scale=7),
        "anna": LearnerFactory(organisation=zeist).user,
        "bram": LearnerFactory(organisation=utrecht).user,
        "hr_zeist": HRAdviserFactory(organisation=zeist).user,
        "hr_utrecht": HRAdviserFactory(organisation=utrecht).user,
    }


def test_declaring_a_role_needs_a_new_confirmation_when_it_changes(world):
    role = services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    services.confirm_current_role(adviser=world["hr_zeist"], person=world["anna"])
    role.refresh_from_db()
    assert role.is_confirmed
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    role.refresh_from_db()
    assert role.is_confirmed, "declaring the same role again keeps the confirmation"
    services.declare_current_role(user=world["anna"], profile=world["scale7"], since=DAY)
    role.refresh_from_db()
    assert not role.is_confirmed


def test_hr_of_another_organisation_cannot_confirm_or_record(world):
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    with pytest.raises(PermissionDenied):
        services.confirm_current_role(adviser=world["hr_utrecht"], person=world["anna"])
    with pytest.raises(PermissionDenied):
        services.record_career_step(
            adviser=world["hr_utrecht"], person=world["anna"], to_profile=world["scale7"], date=DAY
        )
    with pytest.raises(PermissionDenied):
        services.record_career_step(adviser=world["bram"], person=world["anna"], to_profile=world["scale7"], date=DAY)
    assert not CareerStep.objects.exists()


def test_recording_a_step_moves_the_current_role(world):
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    step = services.record_career_step(
        adviser=world["hr_zeist"],
        person=world["anna"],
        to_profile=world["scale7"],
        date=DAY + datetime.timedelta(days=400),
        note="Bevorderd",
    )
    assert step.from_profile == world["scale6"]
    assert step.recorded_by == world["hr_zeist"]
    role = CurrentRole.objects.get(user=world["anna"])
    assert role.profile == world["scale7"]
    assert role.confirmed_by == world["hr_zeist"]


def test_a_step_in_the_past_does_not_replace_the_current_role(world):
    services.declare_current_role(user=world["anna"], profile=world["scale7"], since=DAY)
    step = services.record_career_step(
        adviser=world["hr_zeist"],
        person=world["anna"],
        to_profile=world["scale6"],
        date=DAY - datetime.timedelta(days=700),
    )
    assert step.from_profile is None
    assert CurrentRole.objects.get(user=world["anna"]).profile == world["scale7"]


def test_learner_sees_and_declares_their_own_record(client, world):
    client.force_login(world["anna"])
    response = client.post("/mijn/loopbaan/", {"profile": world["scale6"].pk, "since": "2025-03-01"})
    assert response.status_code == 302
    html = client.get("/mijn/loopbaan/").content.decode()
    assert "MO schaal 6" in html
    assert "Nog niet bevestigd door HR" in html


def test_declaring_with_bad_input_keeps_the_input_and_explains(client, world):
    client.force_login(world["anna"])
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = client.post("/mijn/loopbaan/", {"profile": world["scale6"].pk, "since": future})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze datum ligt in de toekomst." in html
    assert f'value="{future}"' in html
    response = client.post("/mijn/loopbaan/", {"profile": "999999", "since": "gisteren"})
    assert response.status_code == 400
    assert not CurrentRole.objects.exists()


def test_hr_of_the_organisation_sees_confirms_and_records(client, world):
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    client.force_login(world["hr_zeist"])
    url = f"/hr/mensen/{world['anna'].pk}/loopbaan/"
    assert client.get(url).status_code == 200
    assert client.post(url + "bevestigen/").status_code == 302
    assert CurrentRole.objects.get(user=world["anna"]).is_confirmed
    response = client.post(url, {"to_profile": world["scale7"].pk, "date": "2026-01-01", "note": "Nieuwe rol"})
    assert response.status_code == 302
    assert CareerStep.objects.get(user=world["anna"]).note == "Nieuwe rol"


@pytest.mark.parametrize("viewer", ["hr_utrecht", "bram", "anonymous"])
def test_nobody_else_sees_or_changes_a_career_record(client, world, viewer):
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    if viewer != "anonymous":
        client.force_login(world[viewer])
    url = f"/hr/mensen/{world['anna'].pk}/loopbaan/"
    expected = 302 if viewer == "anonymous" else 404
    assert client.get(url).status_code == expected
    assert client.post(url + "bevestigen/").status_code == expected
    assert client.post(url, {"to_profile": world["scale7"].pk, "date": "2026-01-01"}).status_code == expected
    assert not CurrentRole.objects.get(user=world["anna"]).is_confirmed
    assert not CareerStep.objects.exists()


def test_an_unknown_person_is_a_404(client, world):
    client.force_login(world["hr_zeist"])
    assert client.get("/hr/mensen/987654/loopbaan/").status_code == 404


def test_hr_dashboard_lists_only_the_own_organisation(client, world):
    client.force_login(world["hr_zeist"])
    html = client.get("/hr/").content.decode()
    assert world["anna"].full_name in html
    assert world["bram"].full_name not in html


def test_hr_dashboard_is_refused_to_learners(client, world):
    client.force_login(world["anna"])
    assert client.get("/hr/").status_code == 403


@pytest.mark.parametrize("size", [5, 40])
def test_hr_dashboard_queries_are_constant(client, world, size, django_assert_max_num_queries):
    organisation = world["hr_zeist"].memberships.first().organisation
    for _ in range(size):
        person = LearnerFactory(organisation=organisation).user
        CurrentRole.objects.create(user=person, profile=world["scale6"], since=DAY)
    client.force_login(world["hr_zeist"])
    client.get("/hr/")
    # 21: four of them read the learning-circle participation of the organisation's people,
    # one the development conversations that wait; the insights come from the cache.
    with django_assert_max_num_queries(21):
        response = client.get("/hr/")
    people_table = response.content.decode().split('id="mensen"', 1)[1]
    assert people_table.count("MO schaal 6") == size


def test_learner_dashboard_shows_the_career_summary(client, world):
    services.declare_current_role(user=world["anna"], profile=world["scale6"], since=DAY)
    client.force_login(world["anna"])
    html = client.get("/mijn/").content.decode()
    assert "MO schaal 6" in html
