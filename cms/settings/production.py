"""Production: every security value must come from the environment, or start-up stops."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CONTENT_SECURITY_POLICY,
    DEBUG,
    OPEN_BADGES_SIGNING_KEY,
    SECRET_KEY,
    SPIL_ADMIN_CONTENT_SECURITY_POLICY,
    env,
)

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
if not OPEN_BADGES_SIGNING_KEY:
    raise ImproperlyConfigured("OPEN_BADGES_SIGNING_KEY must hold the base64 of a 32-byte Ed25519 private key.")
# The address the environment gives, not the one base.py derives from PORT for `make run`.
if urlsplit(env("SITE_URL")).scheme != "https" or not urlsplit(env("SITE_URL")).hostname:
    raise ImproperlyConfigured(
        "SITE_URL must be the site's public https:// address, such as https://spil.example.org "
        f"(used in mails, certificates and their QR codes); it is {env('SITE_URL') or 'not set'}."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host names this site answers to.")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
SEED_DEMO_ALLOWED = False
# HR advisers, organisers, editors and admins use two-step verification (sso.middleware).
SPIL_REQUIRE_MFA = True
# Wagtail's live preview shows pages in a same-origin frame, so X_FRAME_OPTIONS stays
# SAMEORIGIN (base.py) rather than the DENY that check --deploy would like.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Over https only: a stray http:// address in content is fetched over https, not in the clear.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}
SPIL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**SPIL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], "upgrade-insecure-requests": True},
}
