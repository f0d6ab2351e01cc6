"""The full-page cache for anonymous readers (cms/pagecache.py, issue 17).

Kept: anonymous GETs of pages that ask for it, per content version, language and address.
Never kept or served: anything for a request with a session or message cookie, a page that
sets a cookie (a form's CSRF token), a private answer, a refusal or redirect. A page signed-in
people read first never reaches the anonymous readers after them.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from careers.models import RoleProfilePage
from circles.models import LearningCirclePage
from cms import pagecache
from curriculum.models import LearningTrackPage
from tests.cms.test_anonymous_cookies import anonymous_pages
from tests.demo_content import shared_demo
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_on(settings):
    settings.SPIL_PAGE_CACHE_SECONDS = 300
    settings.SPIL_PAGE_CACHE_SHARED_SECONDS = 60
    cache.clear()
    return settings


def stored_entries():
    """Every page the cache holds now (the test cache is Django's local-memory cache)."""
    return [
        cache.get(key.split(":", 2)[2])
        for key in list(cache._cache)
        if ":pagecache:" in key and ":pagecache:version" not in key
    ]


@pytest.fixture(scope="class")
def demo_content(demo_snapshot, django_db_blocker):
    """Copied in once for the tests of a class, rolled back after them (tests/demo_content.py)."""
    with shared_demo(demo_snapshot, django_db_blocker):
        yield


@pytest.fixture
def demo(demo_content, db):
    return None


class TestWithTheDemoContent:
    """The tests that read the demo content, made once for all of them (``demo``)."""

    def test_an_anonymous_page_is_rendered_once_then_served_whole(self, client, cache_on, demo):
        for name, url in anonymous_pages().items():
            first = client.get(url)
            assert first.status_code == 200, (name, url)
            assert first["X-Spil-Cache"] == "miss", (name, url)
            assert first["Cache-Control"] == "public, max-age=0, s-maxage=60", (name, url)
            with CaptureQueriesContext(connection) as queries:
                second = client.get(url)
            assert second["X-Spil-Cache"] == "hit", (name, url)
            assert len(queries) == 0, (name, [q["sql"] for q in queries])
            assert second.content == first.content, (name, url)
            # The headers the inner middleware set are replayed, the outer ones made afresh.
            for header in ("Content-Language", "Vary", "X-Frame-Options", "Cache-Control", "Content-Type"):
                assert second[header] == first[header], (name, header)
            for header in ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options"):
                assert second[header], (name, header)
            assert int(second["Content-Length"]) == len(second.content)
            assert not second.cookies

    def test_a_signed_in_persons_page_never_reaches_anonymous_readers(self, client, cache_on, demo):
        """The person reads every page first (with a session, forms and their name in the menu);
        afterwards no stored page, and no page an anonymous reader gets, holds their name, email,
        session key or CSRF token."""
        person = UserFactory(full_name="Wilhelmina Zonderland", email="wilhelmina@voorbeeld.nl")
        signed_in = client.__class__()
        signed_in.force_login(person)
        pages = anonymous_pages()
        secrets = {"Wilhelmina", "Zonderland", "wilhelmina@voorbeeld.nl", signed_in.cookies["sessionid"].value}
        for name, url in pages.items():
            response = signed_in.get(url)
            assert response.status_code == 200, (name, url)
            assert "X-Spil-Cache" not in response, (name, url)
            assert "private" in response["Cache-Control"], (name, url)
            assert "Zonderland" in response.content.decode(), (name, "the menu names the person")
            token = signed_in.cookies.get("csrftoken")
            if token:
                secrets.add(token.value)
        assert stored_entries() == [], "nothing a signed-in person read was stored"

        for name, url in pages.items():
            for _ in range(2):
                html = client.get(url).content.decode()
                leaked = [secret for secret in secrets if secret in html]
                assert not leaked, (name, url, leaked)
                assert "csrfmiddlewaretoken" not in html, (name, url)
        # And the signed-in person still gets their own page, never the stored one.
        for name, url in pages.items():
            response = signed_in.get(url)
            assert "X-Spil-Cache" not in response
            assert "Zonderland" in response.content.decode(), (name, url)
        for _status, headers, body in stored_entries():
            text = body.decode()
            assert not [secret for secret in secrets if secret in text]
            assert not [value for header, value in headers if header.lower() == "set-cookie"]

    def test_publishing_makes_every_stored_page_out_of_date(self, client, cache_on, demo):
        track = LearningTrackPage.objects.live().filter(locale__language_code="nl").first()
        profile = RoleProfilePage.objects.live().filter(locale__language_code="nl").first()
        for url in (track.url, profile.url):
            client.get(url)
            assert client.get(url)["X-Spil-Cache"] == "hit"

        track.title = "Een geheel nieuwe titel"
        track.save_revision().publish()

        fresh = client.get(track.url)
        assert fresh["X-Spil-Cache"] == "miss"
        assert "Een geheel nieuwe titel" in fresh.content.decode()
        # Another page may show the track (lists, the menu): it is rendered again too.
        assert client.get(profile.url)["X-Spil-Cache"] == "miss"

        assert client.get(track.url)["X-Spil-Cache"] == "hit"
        track.unpublish()
        assert client.get(track.url).status_code == 404

    def test_each_language_is_kept_apart(self, client, cache_on, demo):
        url = anonymous_pages()["catalogue"]
        dutch = client.get(url)
        client.cookies["django_language"] = "en"
        english = client.get(url)
        assert english["X-Spil-Cache"] == "miss"
        assert english["Content-Language"] == "en"
        assert client.get(url)["X-Spil-Cache"] == "hit"
        del client.cookies["django_language"]
        again = client.get(url)
        assert again["X-Spil-Cache"] == "hit"
        assert again["Content-Language"] == "nl"
        assert again.content == dutch.content
        # An unknown language in the cookie is the default language, not a new entry per value.
        client.cookies["django_language"] = "xx-nonsense"
        assert client.get(url)["X-Spil-Cache"] == "hit"
        del client.cookies["django_language"]

        # A request with a session or messages cookie is neither served nor stored.
        home = anonymous_pages()["home"]
        client.cookies["sessionid"] = "not-a-real-session"
        assert "X-Spil-Cache" not in client.get(home)
        assert "X-Spil-Cache" not in client.get(home)
        del client.cookies["sessionid"]
        assert client.get(home)["X-Spil-Cache"] == "miss"
        client.cookies["messages"] = "anything"
        assert "X-Spil-Cache" not in client.get(home)

    def test_restricted_pages_and_queries_outside_pages_are_not_stored(self, client, cache_on, demo):
        track = LearningTrackPage.objects.live().filter(locale__language_code="nl").first()
        client.get(track.url)
        assert client.get(track.url)["X-Spil-Cache"] == "hit"
        # Made private by an editor: no longer served from the cache, to anybody.
        before = pagecache.content_version()
        restriction = PageViewRestriction.objects.create(page=track, restriction_type=PageViewRestriction.GROUPS)
        assert pagecache.content_version() != before
        assert client.get(track.url).status_code == 302
        # Choosing the groups is a change of its own (a many-to-many, no save of the restriction).
        before = pagecache.content_version()
        restriction.groups.add(Group.objects.create(name="Alleen deze groep"))
        assert pagecache.content_version() != before
        cache.clear()
        assert client.get(track.url).status_code == 302
        assert stored_entries() == []
        # Views outside Wagtail are not kept unless they ask: the verification page must show a
        # revocation at once.
        response = client.get("/certificates/verify/?code=ABC")
        assert "X-Spil-Cache" not in response
        assert client.get("/nergens-te-vinden/").status_code == 404
        assert stored_entries() == []

        # Switched off, nothing is kept.
        cache_on.SPIL_PAGE_CACHE_SECONDS = 0
        url = anonymous_pages()["home"]
        client.get(url)
        response = client.get(url)
        assert "X-Spil-Cache" not in response
        assert "public" not in response.get("Cache-Control", "")
        assert stored_entries() == []


def test_circle_pages_are_kept_for_a_minute_at_most(cache_on):
    assert LearningCirclePage.page_cache_seconds == 60
    request = anonymous_request()
    pagecache.mark_cacheable(request, LearningCirclePage.page_cache_seconds)
    assert getattr(request, pagecache.REQUEST_ATTRIBUTE) == 60
    cache_on.SPIL_PAGE_CACHE_SECONDS = 30
    pagecache.mark_cacheable(request, LearningCirclePage.page_cache_seconds)
    assert getattr(request, pagecache.REQUEST_ATTRIBUTE) == 30


# The middleware on its own, with views that do what a page could do.


def run_through_middleware(view, request):
    return pagecache.AnonymousPageCacheMiddleware(view)(request)


def anonymous_request(path="/een-pagina/"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.csp_nonce = "ignored"
    return request


def test_a_page_that_sets_a_cookie_is_not_stored(cache_on):
    def view_with_a_form(request):
        pagecache.mark_cacheable(request)
        response = HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')
        response.set_cookie("csrftoken", "x")
        return response

    assert "X-Spil-Cache" not in run_through_middleware(view_with_a_form, anonymous_request())
    assert "X-Spil-Cache" not in run_through_middleware(view_with_a_form, anonymous_request())


@pytest.mark.parametrize(
    ("header", "value"),
    [("Cache-Control", "private"), ("Cache-Control", "no-store"), ("Vary", "Cookie, Authorization")],
)
def test_private_or_otherwise_varying_answers_are_not_stored(cache_on, header, value):
    def view(request):
        pagecache.mark_cacheable(request)
        response = HttpResponse("inhoud")
        response[header] = value
        return response

    assert "X-Spil-Cache" not in run_through_middleware(view, anonymous_request())


def test_a_nonce_is_never_served_twice(cache_on):
    from csp.middleware import CSPMiddleware

    def page(request):
        pagecache.mark_cacheable(request)
        return HttpResponse(f'<script nonce="{request.csp_nonce}" src="/static/x.js"></script>')

    chain = CSPMiddleware(pagecache.AnonymousPageCacheMiddleware(page))
    seen = []
    for expected in ("miss", "hit", "hit"):
        request = anonymous_request()
        del request.csp_nonce
        response = chain(request)
        assert response["X-Spil-Cache"] == expected
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        seen.append(nonce)
    assert len(set(seen)) == 3


def test_a_message_for_one_reader_is_not_kept(client, cache_on, rf):
    def view(request):
        from django.contrib import messages

        pagecache.mark_cacheable(request)
        messages.info(request, "Alleen voor jou")
        return HttpResponse(str([str(m) for m in get_messages(request)]))

    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    chain = pagecache.AnonymousPageCacheMiddleware(SessionMiddleware(MessageMiddleware(view)))
    request = anonymous_request()
    chain(request)
    assert stored_entries() == []


def test_the_page_tree_counts_as_content(cache_on, db):
    before = pagecache.content_version()
    Page.objects.get(depth=1).save()
    assert pagecache.content_version() != before
