"""Sessions read from the shared cache, written through to the database and kept in the cache
for minutes at most (cms/sessions.py, issue 17)."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import sessions
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cached_sessions(settings):
    settings.SESSION_ENGINE = "cms.sessions"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()


def session_reads(queries) -> int:
    return sum("django_session" in query["sql"] for query in queries)


def test_a_signed_in_page_reads_the_session_from_the_cache(client):
    client.force_login(UserFactory())
    client.get("/mijn/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/mijn/").status_code == 200
    assert session_reads(captured.captured_queries) == 0


def test_the_session_is_written_to_the_database_too(client):
    user = UserFactory()
    client.force_login(user)
    stored = Session.objects.get(session_key=client.session.session_key)
    assert str(stored.get_decoded()["_auth_user_id"]) == str(user.pk)


def test_the_cache_keeps_a_session_for_minutes_not_for_its_whole_life(settings):
    settings.SESSION_COOKIE_AGE = 14 * 24 * 3600
    store = sessions.SessionStore()
    store["reason"] = "test"
    store.save()
    expires = cache._expire_info[cache.make_key(store.cache_key)]
    assert expires - time.time() <= sessions.CACHED_SECONDS
    assert store.get_expiry_age() == 14 * 24 * 3600  # the cookie and the database keep the session's age


def test_signing_out_ends_the_session_in_the_cache_and_the_database(client):
    client.force_login(UserFactory())
    key = client.session.session_key
    assert client.get("/mijn/").status_code == 200
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    client.cookies["sessionid"] = key  # the old cookie, sent again
    assert client.get("/mijn/").status_code == 302


def test_a_copy_left_in_the_cache_lapses_within_minutes(client, monkeypatch):
    """Signing out while the cache could not be reached deletes the session in the database
    only; the copy the cache still holds lets the cookie in for minutes at most."""
    client.force_login(UserFactory())
    key = client.session.session_key
    assert client.get("/mijn/").status_code == 200  # the session is in the cache
    Session.objects.filter(session_key=key).delete()  # as a sign-out without the cache
    later = time.time() + sessions.CACHED_SECONDS + 1
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later)
    assert client.get("/mijn/").status_code == 302
