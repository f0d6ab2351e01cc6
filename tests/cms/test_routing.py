"""The site and page routes kept per content version (cms/routing.py, issue 17)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from cms import routing
from tests.cms.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    routing.forget()
    yield
    routing.forget()


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_kept_route_saves_the_walk_through_the_tree(client, home_page):
    parent = ContentPageFactory(parent=home_page, title="Over", slug="over")
    page = ContentPageFactory(parent=parent, title="Het team", slug="team")
    first, walked = queries_of(client, page.url)
    second, kept = queries_of(client, page.url)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert kept <= walked - 3, (walked, kept)


def test_a_moved_or_renamed_page_is_routed_anew(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Oud", slug="oud")
    client.get("/oud/")
    assert client.get("/oud/").status_code == 200
    page.slug = "nieuw"
    page.save_revision().publish()
    assert client.get("/oud/").status_code == 404
    assert client.get("/nieuw/").status_code == 200


def test_a_kept_page_that_is_no_longer_live_is_not_served(client, home_page):
    ContentPageFactory(parent=home_page, title="Tijdelijk", slug="tijdelijk")
    client.get("/tijdelijk/")
    # Without any signal (a raw update): the kept route still checks that the page is live.
    Page.objects.filter(slug="tijdelijk").update(live=False)
    assert client.get("/tijdelijk/").status_code == 404


def test_the_site_is_kept_per_host_and_renewed_when_saved(client, home_page):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not [q for q in queries if '"wagtailcore_site"' in q["sql"]]
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Spil proef"
    site.save()
    assert client.get("/").status_code == 200
    assert routing._sites.items, "kept again after the change"
    assert next(iter(routing._sites.items.values()))["site_name"] == "Spil proef"


def test_each_language_routes_on_its_own(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Over", slug="over")
    client.get(page.url)
    client.cookies["django_language"] = "en"
    assert client.get(page.url).status_code == 200
    languages = {key[1] for key in routing._routes.items}
    assert languages == {"nl", "en"}


def test_the_kept_routes_are_bounded():
    kept = routing._Kept(3)
    for number in range(10):
        kept.put("v1", number, number)
    assert list(kept.items) == [7, 8, 9]
    assert kept.get("v2", 9) is routing.MISSING
    assert not kept.items, "a new content version starts afresh"


def test_without_the_shared_cache_nothing_kept_is_used(client, home_page, monkeypatch):
    ContentPageFactory(parent=home_page, title="Over", slug="over")
    monkeypatch.setattr(routing, "request_version", lambda request: routing.UNKNOWN_VERSION)
    client.get("/over/")
    assert client.get("/over/").status_code == 200
    assert not routing._routes.items
    assert not routing._sites.items
