"""Settings of the load test (``benchmarks.loadtest``): the benchmark settings made production-like.

What ``benchmarks.settings`` simplifies for one-process benchmarks is put back as the real site
runs: PostgreSQL with persistent connections, the shared Redis cache, Celery through Redis to a
real worker (never eager), sessions in the database. The runner sets ``DATABASE_URL`` (its own
copy of the population) and ``REDIS_URL`` (a Redis database of its own) in the environment of
gunicorn and of the worker; never deploy with these settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from benchmarks.settings import *  # noqa: F403
from benchmarks.settings import DATABASES, SPIL_RATE_LIMITS
from cms.settings.base import CACHES as SITE_CACHES

REDIS_URL = os.environ.get("REDIS_URL", "")
if not REDIS_URL:
    # Without Redis, Celery would run tasks inside the request and the cache would be per
    # process: exactly what the load test must not measure.
    raise ImproperlyConfigured("benchmarks.settings_load needs REDIS_URL (the runner sets it).")
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):
    raise ImproperlyConfigured("benchmarks.settings_load needs a PostgreSQL DATABASE_URL (the runner sets it).")

# Persistent connections, checked before reuse, as base.py gives PostgreSQL (repeated here, so a
# change to the benchmark settings cannot quietly give the load test a connection per request).
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# The cache the real site uses: base.py's Redis cache (REDIS_URL is set when it is read), which
# benchmarks.settings replaced by a per-process one. Rate-limit counts, kept HR figures and
# whole anonymous pages are shared by every gunicorn worker and the Celery worker.
CACHES = SITE_CACHES

# Celery through Redis to the worker the runner starts: a page that queues work pays for the
# publish only, as in production.
CELERY_BROKER_URL = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = False

# Sessions as the site keeps them with Redis: read from the cache, written through to the
# database (base.py, cms/sessions.py). The runner writes the prepared sessions to the
# database only; the first request of each reads it there and puts it in the cache.
SESSION_ENGINE = "cms.sessions"

# Mail is rendered, stored and queued as always; only the SMTP conversation is skipped, and the
# worker does not print thousands of mails to the console.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

# The whole-page cache for anonymous readers (cms/pagecache.py) is read from the environment
# variable SPIL_PAGE_CACHE_SECONDS by base.py: the runner starts gunicorn with it on and off.

# Rate limits: the whole load comes from one loopback address and a few hundred accounts that
# click far faster than people, so the site's per-address and per-account limits, which stop a
# script on the real site, would answer most of it with 429. Real traffic comes from many
# addresses and people; what the limits themselves cost (a cache increment per request) is
# kept by raising the numbers rather than switching the middleware off.
SPIL_RATE_LIMITS = {
    kind: {**limit, "per_account": 1_000_000, "per_address": 1_000_000} for kind, limit in SPIL_RATE_LIMITS.items()
}
