"""Test settings: fast hashing, local-memory cache and mail, plain static files.

Tasks run eagerly unless a test asks for the real worker (the ``celery_worker`` marker in
tests/conftest.py), which then consumes from REDIS_URL.
"""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "common.storage.PrivateInMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = True
WAGTAILADMIN_BASE_URL = "http://testserver"
SEED_DEMO_ALLOWED = True
OPEN_BADGES_SIGNING_KEY = "dGVzdC1vbmx5LWJhZGdlLXNpZ25pbmcta2V5LTMyYnk="
# Tests that need two-step verification switch it on with the settings fixture.
SPIL_REQUIRE_MFA = False
# Off: a test changes rows without publishing and reads the page again. tests/cms/test_page_cache.py
# switches it on where it is the subject.
SPIL_PAGE_CACHE_SECONDS = 0
