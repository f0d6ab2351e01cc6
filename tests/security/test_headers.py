"""Security headers on the responses people get: pages, sign-in, errors, downloads, the admin."""

import pytest

from tests.people.factories import UserFactory
from tests.security.conftest import PDF


@pytest.fixture
def responses(client, home_page, pdf_document):
    anonymous = {
        "home page": client.get("/"),
        "login": client.get("/accounts/login/"),
        "not found": client.get("/bestaat-niet/"),
        "document": client.get(pdf_document.url),
    }
    client.force_login(UserFactory(is_superuser=True))
    return {**anonymous, "admin": client.get("/admin/")}


def test_every_response_carries_the_security_headers(responses):
    for name, response in responses.items():
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
        assert response["X-Frame-Options"] == "SAMEORIGIN", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert "geolocation=()" in response["Permissions-Policy"], name
        assert "publickey-credentials-get=(self)" in response["Permissions-Policy"], name
        if name == "document":  # Wagtail's own, stricter policy for a file: nothing may run or load
            assert response["Content-Security-Policy"] == "default-src 'none'"
        else:
            assert "frame-ancestors 'self'" in response["Content-Security-Policy"], name


def test_hsts_on_https_with_the_production_values(client, home_page, settings):
    """production.py's values (tests/security/test_deploy.py checks it sets these)."""
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_documents_are_downloaded_never_shown_as_a_page(client, pdf_document):
    response = client.get(pdf_document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
