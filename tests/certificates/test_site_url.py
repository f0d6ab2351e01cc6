"""The site's own address: production refuses to start without a public https:// SITE_URL.

(That `make run` links to the PORT it serves on is tested in tests/cms/test_site_rules.py
and, through a certificate's QR code, in tests/certificates/test_pdf_details.py.)
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

# Everything production needs but SITE_URL, and nothing from the environment of the tests.
PRODUCTION_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-check-" + "z" * 20,
    "ALLOWED_HOSTS": "spil.example.org",
    "OPEN_BADGES_SIGNING_KEY": "cHJvZHVjdGlvbi1saWtlLWtleS1mb3ItY2hlY2stMzI=",
    "PORT": "8791",
}
# Imports the settings module and prints the value, or the exception and its message.
IMPORT_SETTINGS = """
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
try:
    print(settings.SITE_URL)
except ImproperlyConfigured as error:
    print("ImproperlyConfigured:", error)
"""


def production_site_url(**env) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", IMPORT_SETTINGS],
        env={**PRODUCTION_ENV, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_production_starts_with_an_https_site_url():
    assert production_site_url(SITE_URL="https://spil.example.org/") == "https://spil.example.org"


def test_production_refuses_to_start_without_a_site_url():
    """Not the http://127.0.0.1:PORT that `make run` links to."""
    message = production_site_url()
    assert message.startswith("ImproperlyConfigured: SITE_URL must be the site's public https:// address")
    assert message.endswith("it is not set.")


@pytest.mark.parametrize("address", ["http://spil.example.org", "spil.example.org", "https://"])
def test_production_refuses_a_site_url_that_is_not_https(address):
    message = production_site_url(SITE_URL=address)
    assert message.startswith("ImproperlyConfigured: SITE_URL must be the site's public https:// address")
    assert message.endswith(f"it is {address}.")
