"""The learner dashboard's career part and its assigned learning paths."""

import datetime
import re

import pytest
from django.utils import timezone

from careers.models import CurrentRole
from curriculum.models import Enrolment, LearningPathItem
from tests.curriculum.factories import AssignmentFactory, LearningTrackPageFactory
from tests.readiness.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    return build_world(home_page)


def dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/mijn/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_next_steps_open_their_readiness(client, world):
    html = dashboard(client, world["anna"])
    assert "Je huidige functie: <strong>MO schaal 7</strong>" in html
    assert f'href="/mijn/loopbaan/volgende-stap/{world["mo8"].pk}/">MO schaal 8</a>' in html
    assert f'href="/mijn/loopbaan/volgende-stap/{world["support"].pk}/">Projectondersteuner</a>' in html
    assert 'href="/mijn/loopbaan/volgende-stap/"' in html


def test_without_a_current_role_the_dashboard_says_what_to_do(client, world):
    CurrentRole.objects.filter(user=world["anna"]).delete()
    html = dashboard(client, world["anna"])
    assert "Geef je huidige functie op, dan laat Spil zien welke stappen daarna mogelijk zijn" in html
    assert "/mijn/loopbaan/volgende-stap/" not in html


def test_an_assigned_learning_path_opens_to_its_tracks(client, world):
    anna = world["anna"]
    AssignmentFactory(user=anna, organisation=anna.memberships.first().organisation, track=None, path=world["path"])
    html = dashboard(client, anna)
    details = re.search(r"<details>(.*?)</details>", html, re.S).group(1)
    assert "Doorgroeien naar schaal 8" in details
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", details))
    assert "Notuleren en actielijsten: afgerond" in text
    assert "Plannen voor gevorderden: nog niet begonnen" in text
    assert "Plannen in de praktijk (keuzeleergang): bezig" in text
    assert f'href="{world["advanced"].url}"' in details


def test_a_waiting_request_says_how_long_it_waits(client, world):
    anna = world["anna"]
    asked = Enrolment.objects.create(user=anna, track=world["circle_track"], status=Enrolment.Status.REQUESTED)
    Enrolment.objects.filter(pk=asked.pk).update(requested_at=timezone.now() - datetime.timedelta(days=4))
    html = dashboard(client, anna)
    assert "Aangevraagd: Leerkring ondersteuners (wacht op je HR-adviseur)" in html
    assert "Wacht al 4 dagen" in html


@pytest.mark.parametrize("size", [1, 12])
def test_assigned_paths_cost_the_same_whatever_their_size(client, world, size, django_assert_max_num_queries):
    anna = world["anna"]
    organisation = anna.memberships.first().organisation
    AssignmentFactory(user=anna, organisation=organisation, track=None, path=world["path"])
    for n in range(size):
        extra = LearningTrackPageFactory(parent=world["catalog"], title=f"Extra {n}")
        LearningPathItem.objects.create(path=world["path"], track=extra, required=False, sort_order=10 + n)
        Enrolment.objects.create(user=anna, track=extra, status=Enrolment.Status.COMPLETED)
    client.force_login(anna)
    client.get("/mijn/")
    # 18 in this world: with an active enrolment, a current role and attended sessions.
    with django_assert_max_num_queries(18):
        html = client.get("/mijn/").content.decode()
    assert html.count("(keuzeleergang)") == 1 + size
