"""A small rate limit: at most so many hits per key in each fixed window of time, counted in
Django's cache, so every web process on every machine shares the count (with a shared cache
such as Redis)."""

import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Throttle:
    """Fixed windows of ``window`` seconds under the cache prefix ``scope``. Each key has its
    own count per window; the limit is given per hit, so one throttle serves keys with
    different limits."""

    scope: str
    window: int

    def current_window(self) -> int:
        return int(time.time() // self.window)

    def seconds_left(self) -> int:
        """Seconds until the next window starts and every count begins at zero again."""
        return self.window - int(time.time() % self.window)

    def hit(self, key: str, *, limit: int) -> bool:
        """Count one hit under ``key``; False once more than ``limit`` were counted in this
        window. The count is incremented atomically, so parallel requests cannot slip through."""
        cache_key = f"{self.scope}:{key}:{self.current_window()}"
        timeout = self.window + 60
        cache.add(cache_key, 0, timeout)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.add(cache_key, 1, timeout)
            count = 1
        return count <= limit
