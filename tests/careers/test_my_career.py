"""'Mijn loopbaan' (/mijn/loopbaan/): what it shows, at a cost that does not grow with the
rows of the person's record."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import CurrentRole, DevelopmentConversation
from tests.careers.factories import CareerStepFactory, DevelopmentConversationFactory
from tests.people.factories import HRAdviserFactory, UserFactory
from tests.readiness.world import build_world

pytestmark = pytest.mark.django_db

WITHDRAWN = DevelopmentConversation.Status.WITHDRAWN


@pytest.fixture
def world(home_page):
    world = build_world(home_page)
    anna = world["anna"]
    organisation = anna.memberships.first().organisation
    world["membership"] = anna.memberships.first()
    world["adviser"] = HRAdviserFactory(organisation=organisation, user__full_name="Hanna HR").user
    CurrentRole.objects.filter(user=anna).update(
        confirmed_by=world["adviser"], confirmed_at=datetime.datetime.now(datetime.UTC)
    )
    return world


def add_rows(world, n: int) -> None:
    for i in range(n):
        CareerStepFactory(
            user=world["anna"],
            from_profile=world["mo6"],
            to_profile=world["mo7"],
            date=datetime.date(2020, 1, 1 + i),
            note=f"Stap {n}-{i}",
            recorded_by=UserFactory(full_name=f"Adviseur {n}-{i}"),
        )
        DevelopmentConversationFactory(
            membership=world["membership"],
            target_profile=world["support"],
            status=WITHDRAWN,
            outcome_notes=f"Notitie {n}-{i}",
        )


def page(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/mijn/loopbaan/")
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_my_career_shows_the_record_and_costs_the_same_whatever_its_rows(client, world):
    add_rows(world, 1)
    client.force_login(world["anna"])
    client.get("/mijn/loopbaan/")
    few, html = page(client)
    assert f'href="{world["mo7"].url}">MO schaal 7</a>' in html
    assert "Bevestigd door Hanna HR op" in html
    for text in ["Stap 1-0", "Adviseur 1-0", "Notitie 1-0"]:
        assert text in html
    assert f'href="{world["mo8"].url}">MO schaal 8</a>: Je neemt meer regie over het werk van je team.' in html
    assert f'<option value="{world["mo8"].pk}" selected>MO schaal 8</option>' in html, "the first next step"
    assert f'<option value="{world["mo7"].pk}" selected>MO schaal 7</option>' in html, "the current role"
    add_rows(world, 5)
    many, html = page(client)
    assert many == few
    for i in range(5):
        for text in [f"Stap 5-{i}", f"Adviseur 5-{i}", f"Notitie 5-{i}"]:
            assert text in html
    assert html.count('<td class="utrecht-table__cell">MO schaal 6</td>') == 6


def test_without_a_current_role_there_are_no_next_steps(client, world):
    CurrentRole.objects.filter(user=world["anna"]).delete()
    client.force_login(world["anna"])
    html = client.get("/mijn/loopbaan/").content.decode()
    assert "Er is nog geen huidige functie opgegeven." in html
    assert "Mogelijke volgende stappen" not in html
    assert "Huidige functie opgeven" in html


def test_declaring_a_role_from_the_lean_choices_saves_it(client, world):
    CurrentRole.objects.filter(user=world["anna"]).delete()
    client.force_login(world["anna"])
    response = client.post("/mijn/loopbaan/", {"profile": world["mo8"].pk, "since": "2025-03-01"})
    assert response.status_code == 302
    assert CurrentRole.objects.get(user=world["anna"]).profile == world["mo8"]
