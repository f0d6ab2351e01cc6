"""The catalogue in pages (issue 17): 24 tracks a page, the filters kept in the page links,
any ``?pagina=`` answered, and the same queries however many tracks there are."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from curriculum.models import Enrolment
from curriculum.selectors import CATALOG_PAGE_SIZE
from tests.curriculum.factories import LearningTrackPageFactory
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached(settings):
    settings.SPIL_PAGE_CACHE_SECONDS = 0
    settings.SPIL_FRAGMENT_CACHE_SECONDS = 0


def make_tracks(catalog, count, *, start=1, **fields):
    """Tracks titled "Leergang 001" and on, so that the title order is the number order."""
    return [
        LearningTrackPageFactory(parent=catalog, title=f"Leergang {n:03d}", **fields)
        for n in range(start, start + count)
    ]


def titles(content: str) -> list[str]:
    return re.findall(r'<a class="utrecht-link" href="[^"]*">(Leergang \d+)</a>', content)


def page_links(content: str) -> dict[str, str]:
    """rel -> the query string of the "Vorige" and "Volgende" links."""
    return {rel: html.unescape(href) for rel, href in re.findall(r'rel="(prev|next)" href="([^"]*)"', content)}


def test_thirty_tracks_make_two_pages(client, catalog):
    make_tracks(catalog, 30)
    first = client.get(catalog.url).content.decode()
    assert CATALOG_PAGE_SIZE == 24
    assert titles(first) == [f"Leergang {n:03d}" for n in range(1, 25)]
    assert "30 leergangen, pagina 1 van 2" in first
    assert page_links(first) == {"next": "?pagina=2"}
    second = client.get(catalog.url, {"pagina": "2"}).content.decode()
    assert titles(second) == [f"Leergang {n:03d}" for n in range(25, 31)]
    assert "30 leergangen, pagina 2 van 2" in second
    assert page_links(second) == {"prev": "?pagina=1"}
    assert 'aria-current="page">Pagina 2 van 2<' in second


def test_one_page_shows_no_page_links(client, catalog):
    make_tracks(catalog, 3)
    content = client.get(catalog.url).content.decode()
    assert len(titles(content)) == 3
    assert "3 leergangen</h2>" in content
    assert "Paginering" not in content


def test_the_page_links_keep_the_filters(client, catalog):
    make_tracks(catalog, 30, format="klassikaal", scale_min=6)
    make_tracks(catalog, 5, start=31, format="e-learning")
    make_tracks(catalog, 2, start=36, format="klassikaal", scale_min=10)
    content = client.get(catalog.url, {"format": "klassikaal", "scale": "8", "onbekend": "blijft"}).content.decode()
    assert "30 leergangen, pagina 1 van 2" in content
    assert page_links(content) == {"next": "?format=klassikaal&scale=8&onbekend=blijft&pagina=2"}
    second = client.get(catalog.url, {"format": "klassikaal", "scale": "8", "pagina": "2"}).content.decode()
    assert titles(second) == [f"Leergang {n:03d}" for n in range(25, 31)]
    assert page_links(second) == {"prev": "?format=klassikaal&scale=8&pagina=1"}


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("abc", 1),
        ("0", 1),
        ("-3", 1),
        ("2.5", 1),
        ("1\x00", 1),
        ("9" * 100_000, 1),
        ("", 1),
        ("3", 2),
        ("99999", 2),
        ("99999999999999999999999999", 2),
    ],
)
def test_any_page_number_answers(client, catalog, value, shown):
    make_tracks(catalog, 30)
    response = client.get(catalog.url, {"pagina": value})
    assert response.status_code == 200
    assert f"30 leergangen, pagina {shown} van 2" in response.content.decode()


def test_an_empty_catalogue_answers_any_page(client, catalog):
    for value in ("1", "5", "x"):
        content = client.get(catalog.url, {"pagina": value}).content.decode()
        assert "0 leergangen</h2>" in content
        assert "Geen leergangen gevonden" in content


def count_queries(client, url, params=None) -> int:
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def test_the_queries_do_not_grow_with_the_tracks(client, catalog):
    learner = LearnerFactory().user
    tracks = make_tracks(catalog, 30)
    for track in tracks[::3]:
        Enrolment.objects.create(user=learner, track=track)
    client.force_login(learner)
    with_thirty = count_queries(client, catalog.url), count_queries(client, catalog.url, {"pagina": "2"})
    for track in make_tracks(catalog, 30, start=31)[::3]:
        Enrolment.objects.create(user=learner, track=track)
    with_sixty = count_queries(client, catalog.url), count_queries(client, catalog.url, {"pagina": "2"})
    assert with_thirty == with_sixty


def test_search_results_come_in_pages(client, catalog):
    make_tracks(catalog, 30, summary="Scrum en kanban in de praktijk.")
    make_tracks(catalog, 10, start=31, summary="Notuleren en actielijsten bijhouden.")
    first = client.get(catalog.url, {"q": "scrum"}).content.decode()
    assert "30 leergangen, pagina 1 van 2" in first
    assert page_links(first) == {"next": "?q=scrum&pagina=2"}
    second = client.get(catalog.url, {"q": "scrum", "pagina": "2"}).content.decode()
    shown = titles(first) + titles(second)
    assert len(titles(second)) == 6
    assert sorted(shown) == [f"Leergang {n:03d}" for n in range(1, 31)]
    assert page_links(second) == {"prev": "?q=scrum&pagina=1"}


def test_the_learners_enrolment_shows_on_its_page(client, catalog):
    learner = LearnerFactory().user
    tracks = make_tracks(catalog, 30)
    Enrolment.objects.create(user=learner, track=tracks[26], status=Enrolment.Status.ACTIVE)
    client.force_login(learner)
    first = client.get(catalog.url).content.decode()
    assert "Je bent ingeschreven" not in first
    second = client.get(catalog.url, {"pagina": "2"}).content.decode()
    card = second.split("Leergang 027</a>")[1].split("</li>")[0]
    assert "Je bent ingeschreven" in card
    assert second.count("Je bent ingeschreven") == 1
