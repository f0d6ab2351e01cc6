"""Production settings: the security values they set, as Django loads them.

``check --deploy`` itself runs in tests/cms/test_settings.py (with --fail-level INFO); this
checks what that check does not: HSTS, the content security policy, documents and uploads.
"""

import json

from tests.cms.test_settings import PRODUCTION_ENV, manage

SCRIPT = """
import json
from django.conf import settings as s
names = [
    "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
    "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS", "MIDDLEWARE", "CONTENT_SECURITY_POLICY", "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAILDOCS_INLINE_CONTENT_TYPES", "WAGTAILDOCS_DOCUMENT_FORM_BASE", "WAGTAILIMAGES_EXTENSIONS",
    "DATA_UPLOAD_MAX_MEMORY_SIZE", "WAGTAILDOCS_MAX_UPLOAD_SIZE",
]
print(json.dumps({name: getattr(s, name) for name in names}, default=str))
"""


def test_production_settings_switch_every_protection_on():
    result = manage("shell", "-c", SCRIPT, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])

    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "SAMEORIGIN"
    assert "cms.security.SpilCSPMiddleware" in values["MIDDLEWARE"]
    assert "cms.security.PermissionsPolicyMiddleware" in values["MIDDLEWARE"]
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives.get("upgrade-insecure-requests") is True
    assert values["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert values["WAGTAILDOCS_INLINE_CONTENT_TYPES"] == []
    assert values["WAGTAILDOCS_DOCUMENT_FORM_BASE"] == "cms.documents.DocumentForm"
    assert "svg" not in values["WAGTAILIMAGES_EXTENSIONS"]
    assert values["DATA_UPLOAD_MAX_MEMORY_SIZE"] <= 10 * 1024 * 1024
    assert values["WAGTAILDOCS_MAX_UPLOAD_SIZE"] <= 50 * 1024 * 1024
