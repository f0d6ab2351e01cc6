"""Benchmark settings: production-like (no debug, no manifest lookups on disk) but self-contained.

Used only by ``benchmarks.run`` against a throw-away SQLite database; never deploy with these.
"""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import PRIVATE_STORAGE

DEBUG = False
SECRET_KEY = "benchmark-only-insecure-key-never-used-outside-benchmarks"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "benchmarks.urls"
WSGI_APPLICATION = "benchmarks.wsgi.application"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SEED_DEMO_ALLOWED = False
OPEN_BADGES_SIGNING_KEY = "YmVuY2htYXJrLW9ubHktYmFkZ2Utc2lnbmluZy1rZXk="
