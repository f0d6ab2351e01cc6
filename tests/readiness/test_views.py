"""HTTP behaviour of the next-step pages: refusals, what they show, constant query counts."""

import pytest
from django.urls import reverse

from careers.models import CurrentRole
from tests.careers.factories import RoleProfilePageFactory
from tests.people.factories import LearnerFactory

from .test_selectors import grow

pytestmark = pytest.mark.django_db

NEXT_STEPS = "/mijn/loopbaan/volgende-stap/"


def readiness_url(profile) -> str:
    return f"/mijn/loopbaan/volgende-stap/{profile.pk}/"


def test_the_addresses():
    assert reverse("readiness:next_steps") == NEXT_STEPS
    assert reverse("readiness:role", args=[7]) == "/mijn/loopbaan/volgende-stap/7/"


@pytest.mark.parametrize("url", [NEXT_STEPS, "/mijn/loopbaan/volgende-stap/1/"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_unknown_unpublished_or_other_pages_are_a_404(client, world):
    client.force_login(world["anna"])
    draft = RoleProfilePageFactory(parent=world["index"], title="MO schaal 10", live=False)
    for page_id in (draft.pk, world["advanced"].pk, world["index"].pk, 999999):
        assert client.get(f"/mijn/loopbaan/volgende-stap/{page_id}/").status_code == 404


def test_the_readiness_page_shows_the_learners_own_readiness(client, world):
    client.force_login(world["anna"])
    response = client.get(readiness_url(world["mo8"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Op weg naar MO schaal 8" in html
    assert "Je neemt meer regie over het werk van je team." in html  # what the step changes
    assert "Doorgroeien naar schaal 8" in html
    assert "1 van 2 verplichte leergangen afgerond" in html
    assert "1 van 3 competenties op niveau" in html
    assert "Leergangen die dit niveau halen:" in html
    assert "brengt je een stap verder, tot niveau 2" in html
    assert "SPIL-2026-0001-ANNA" in html
    assert "Certificaat van het leerpad Doorgroeien naar schaal 8" in html
    assert "Risico&#x27;s in je team" in html  # the session she attended
    assert 'role="img"' in html
    assert 'href="/mijn/loopbaan/volgende-stap/"' in html


def test_a_learner_never_sees_another_learners_data(client, world):
    """The view takes a role, never a person: Bram, on the same page, sees his own."""
    client.force_login(world["bram"])
    html = client.get(readiness_url(world["mo8"])).content.decode()
    assert "SPIL-2026-0001-ANNA" not in html
    assert "Risico&#x27;s in je team" not in html
    assert "SPIL-2026-0002-BRAM" in html
    assert "3 van 3 competenties op niveau" in html
    assert "Bram was hier" in html
    # Bram's own current role is scale 6: this step is not described from it.
    assert "is deze stap niet als loopbaanpad beschreven" in html


def test_without_a_scan_the_page_asks_for_one(client, world):
    client.force_login(LearnerFactory().user)
    html = client.get(readiness_url(world["mo8"])).content.decode()
    assert "Je hebt nog geen zelfscan gedaan." in html
    assert f'href="{world["scan"].url}"' in html
    assert "Geef je huidige functie op" in html


def test_next_steps_lead_to_the_readiness_of_each(client, world):
    client.force_login(world["anna"])
    html = client.get(NEXT_STEPS).content.decode()
    assert f'href="{readiness_url(world["mo8"])}"' in html
    assert f'href="{readiness_url(world["support"])}"' in html
    assert "Loopbaanladder" in html


def test_without_a_current_role_the_next_steps_page_says_how_to_set_it(client, world):
    CurrentRole.objects.filter(user=world["anna"]).delete()
    client.force_login(world["anna"])
    html = client.get(NEXT_STEPS).content.decode()
    assert "Spil weet nog niet welke functie je nu hebt." in html
    assert 'href="/mijn/loopbaan/#functie-opgeven"' in html
    assert "Loopbaanladder" not in html


@pytest.mark.parametrize("size", [0, 12])
def test_the_readiness_page_costs_the_same_whatever_the_amount_of_data(
    client, world, size, django_assert_max_num_queries
):
    grow(world, size)
    client.force_login(world["anna"])
    client.get(readiness_url(world["mo8"]))
    # 15 for the readiness itself, 1 for the role; the rest is the session, the user, the
    # site and its menu, and (3) the request form for a development conversation.
    with django_assert_max_num_queries(26):
        response = client.get(readiness_url(world["mo8"]))
    assert response.content.decode().count("SPIL-2026-") == 1 + size


@pytest.mark.parametrize("size", [0, 12])
def test_the_next_steps_page_costs_the_same_whatever_the_number_of_roles(
    client, world, size, django_assert_max_num_queries
):
    for n in range(size):
        RoleProfilePageFactory(parent=world["index"], title=f"Rol {n}", salary_scale=n % 10 + 1)
    client.force_login(world["anna"])
    client.get(NEXT_STEPS)
    with django_assert_max_num_queries(10):
        assert client.get(NEXT_STEPS).status_code == 200
