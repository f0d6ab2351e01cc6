"""Django's cache on Redis, for a site that keeps answering while Redis is away.

Redis is the cache and the Celery broker at once. When it goes away, tasks wait in the
database outbox (outbox/); the cache behaves as an empty one: a read is a miss, a write is
dropped, and the counters behind rate limits start again from zero (the limits let requests
through rather than failing every form). A warning is logged, at most once a minute per
process. Short socket timeouts (OPTIONS in settings) keep a page from waiting on it.
"""

import logging
import time

import redis.exceptions
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
WARN_EVERY = 60.0


class TolerantRedisCache(RedisCache):
    _warned_at = 0.0

    def _unavailable(self, exc: BaseException) -> None:
        now = time.monotonic()
        if now - TolerantRedisCache._warned_at >= WARN_EVERY:
            TolerantRedisCache._warned_at = now
            logger.warning("cache unavailable, working without it: %s", exc.__class__.__name__)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return False

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return False

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return False

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return False

    def incr(self, key, delta=1, version=None):
        """Without Redis the key is missing, as after it expired: ValueError, which callers handle."""
        try:
            return super().incr(key, delta, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from exc

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except UNAVAILABLE as exc:
            self._unavailable(exc)

    def clear(self):
        try:
            return super().clear()
        except UNAVAILABLE as exc:
            self._unavailable(exc)
            return False
