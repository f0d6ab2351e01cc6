"""Sessions read from the shared cache and written through to the database (Django's
``cached_db`` engine), with each session kept in the cache for ``CACHED_SECONDS`` at most.

Why the limit: the shared cache tolerates an outage (cms/cache.py), so signing out while Redis
cannot be reached deletes the session from the database only. Were Redis to come back with its
data, the cached copy would let that session's cookie in again until the session's own expiry
(weeks). Kept for minutes instead, such a copy lapses minutes after the sign-out; the price is
one database read per signed-in person per ``CACHED_SECONDS``.
"""

from django.conf import settings
from django.contrib.sessions.backends import cached_db
from django.core.cache import caches

CACHED_SECONDS = 5 * 60


class _Capped:
    """A cache that keeps what is set in it for ``CACHED_SECONDS`` at most."""

    def __init__(self, cache):
        self._cache = cache

    def __getattr__(self, name):
        return getattr(self._cache, name)

    def __contains__(self, key) -> bool:
        return key in self._cache

    @staticmethod
    def _timeout(timeout):
        return CACHED_SECONDS if timeout is None else min(timeout, CACHED_SECONDS)

    def set(self, key, value, timeout=None, version=None):
        return self._cache.set(key, value, self._timeout(timeout), version)

    async def aset(self, key, value, timeout=None, version=None):
        return await self._cache.aset(key, value, self._timeout(timeout), version)


class SessionStore(cached_db.SessionStore):
    def __init__(self, session_key=None):
        super().__init__(session_key)
        self._cache = _Capped(caches[settings.SESSION_CACHE_ALIAS])
