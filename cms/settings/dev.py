"""Local development (`make run`): debug on, mail to the console, SQLite unless DATABASE_URL."""

import base64
import hashlib

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, MIDDLEWARE, OPEN_BADGES_SIGNING_KEY, PRIVATE_STORAGE, SECRET_KEY

DEBUG = True
# A development-only key; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The site's own 404 page, as users see it, rather than Django's debug page (?debug-404 shows that).
MIDDLEWARE = [*MIDDLEWARE, "cms.middleware.SiteNotFoundMiddleware"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SEED_DEMO_ALLOWED = True
# A development-only badge signing key derived from the development SECRET_KEY.
OPEN_BADGES_SIGNING_KEY = (
    OPEN_BADGES_SIGNING_KEY or base64.b64encode(hashlib.sha256(SECRET_KEY.encode()).digest()).decode()
)
# Without REDIS_URL tasks run inline. A task that fails for good then marks its row failed
# (the progress page says so and offers a retry) instead of raising into the request.
CELERY_TASK_EAGER_PROPAGATES = False
# `make run` keeps its demo logins usable without setting up two-step verification.
SPIL_REQUIRE_MFA = False
# Passkeys on http://localhost:$PORT (a browser refuses them on 127.0.0.1, which is no domain).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
