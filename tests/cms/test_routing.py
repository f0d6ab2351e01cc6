"""The site and page routes kept per content version (cms/routing.py, issue 17)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms import routing
from cms.pagecache import content_changed
from tests.cms.factories import ContentPageFactory
from tests.people.factories import UserFactory

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
    # Without any signal (a raw update): the route is kept, the page is read with live=True.
    Page.objects.filter(slug="tijdelijk").update(live=False)
    assert client.get("/tijdelijk/").status_code == 404


def test_a_kept_page_is_served_without_reading_the_page_or_its_privacy(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Over", slug="over")
    first = client.get(page.url)  # routed through the tree; the route is kept
    second = client.get(page.url)  # the page is read and kept
    with CaptureQueriesContext(connection) as queries:
        third = client.get(page.url)
    assert first.content == second.content == third.content
    touched = [q["sql"] for q in queries if '"wagtailcore_page"' in q["sql"] or "pageviewrestriction" in q["sql"]]
    assert not touched, touched


def test_a_kept_page_is_a_fresh_object_for_every_request(client, home_page, rf):
    page = ContentPageFactory(parent=home_page, title="Over", slug="over")
    client.get(page.url)
    client.get(page.url)
    request = rf.get(page.url)
    routing.keep_site(request)
    one, two = routing.kept_route(request, "over/"), routing.kept_route(request, "over/")
    assert one.page is not two.page
    one.page.title = "Veranderd in één verzoek"
    assert routing.kept_route(request, "over/").page.title == "Over"


def test_a_raw_update_to_a_kept_page_shows_after_content_changed(client, home_page):
    ContentPageFactory(parent=home_page, title="Tijdelijk", slug="tijdelijk")
    client.get("/tijdelijk/")
    client.get("/tijdelijk/")
    Page.objects.filter(slug="tijdelijk").update(live=False)
    content_changed()  # what a change without the model signals must call (the module's doc)
    assert client.get("/tijdelijk/").status_code == 404


def test_a_private_page_is_refused_every_time_also_when_kept(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(3):
        response = client.get(page.url)
        assert response.status_code == 302
        assert "/login" in response["Location"]


def test_a_page_made_private_after_it_was_kept_is_refused_at_once(client, home_page):
    page = ContentPageFactory(parent=home_page, title="Open", slug="open")
    for _ in range(3):
        assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Alleen HR"))
    assert client.get(page.url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(page.url).status_code == 403, "a signed-in outsider gets the refusal, not a login loop"


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


def test_a_site_a_signed_in_view_looked_up_is_kept_for_the_next_request(client, home_page):
    """The learner dashboard links to tracks ({% pageurl %}), which needs the site: looked up on
    the first request in a process when no page view kept it, then kept."""
    from tests.curriculum.factories import CatalogPageFactory, EnrolmentFactory, LearningTrackPageFactory

    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=home_page))
    learner = UserFactory()
    EnrolmentFactory(user=learner, track=track)
    client.force_login(learner)
    with CaptureQueriesContext(connection) as first:
        assert track.url in client.get("/mijn/").content.decode()
    assert [q for q in first if '"wagtailcore_site"' in q["sql"]]
    with CaptureQueriesContext(connection) as second:
        assert track.url in client.get("/mijn/").content.decode()
    assert not [q for q in second if '"wagtailcore_site"' in q["sql"]]
