"""The content security policy: strict with nonces on the site, looser in the Wagtail admin.

The browser check (tests/browser/test_csp.py) proves nothing the site does is blocked; these
tests prove the policy is there and strict, and that no template carries inline code that
it would block.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory

from cms.security import SpilCSPMiddleware
from tests.people.factories import UserFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered by WeasyPrint into a PDF, never served to a browser (certificates/pdf.py).
NOT_SERVED = {"certificates/pdf.html"}
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE_TAG = re.compile(r"<style\b", re.IGNORECASE)
# Attributes the policy refuses: style="..." and event handlers such as onclick="...".
INLINE_ATTRIBUTE = re.compile(r"\s(style|on[a-z]+)\s*=", re.IGNORECASE)


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def served_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name not in NOT_SERVED:
            yield name, path.read_text(encoding="utf-8")


def test_site_pages_get_the_strict_policy(client, home_page):
    response = client.get("/")

    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_an_inline_script_runs_only_with_the_nonce_of_its_response(rf: RequestFactory):
    """A template that writes an inline script gives it the request's nonce, and the header
    names that nonce (and only it): an injected script without it is blocked."""
    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">spil()</script>')
    request = rf.get("/")
    middleware = SpilCSPMiddleware(lambda request: HttpResponse(template.render({}, request)))

    response = middleware(request)
    second = middleware(rf.get("/"))

    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert len(nonce) >= 16
    script_src = directives(response["Content-Security-Policy"])["script-src"]
    assert script_src == ["'self'", f"'nonce-{nonce}'"]
    assert f"'nonce-{nonce}'" not in second["Content-Security-Policy"], "a nonce is never used twice"


@pytest.mark.django_db
def test_the_wagtail_admin_gets_its_own_looser_policy(client, home_page):
    client.force_login(UserFactory(is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"], "the admin's inline scripts need it"
    assert not any(value.startswith("'nonce-") for value in policy["script-src"]), "a nonce would disable it"
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_admin_policy_stays_under_admin(client, home_page):
    """Only paths under /admin/ get the looser policy, not a page whose slug starts alike."""
    response = client.get("/administratie/")

    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_page_preview_in_the_admin_gets_the_site_policy(client, home_page):
    """Wagtail renders a preview through the middleware with the page's own address, so the
    editor sees the page under the policy its readers get."""
    client.force_login(UserFactory(is_superuser=True))
    url = f"/admin/pages/{home_page.pk}/edit/preview/"
    data = {"title": home_page.title, "slug": home_page.slug, "introduction": "Voorbeeld", "body-count": "0"}
    assert client.post(url, data).json()["is_valid"]

    response = client.get(url)

    assert response.status_code == 200
    assert "Voorbeeld" in response.content.decode()
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(("name", "source"), list(served_templates()), ids=lambda value: str(value)[:60])
def test_templates_carry_no_inline_code_the_policy_would_block(name, source):
    for match in SCRIPT_TAG.finditer(source):
        attributes = match.group(1)
        is_data = re.search(r'type="application/(ld\+)?json"', attributes)
        assert "src=" in attributes or "nonce=" in attributes or is_data, (
            f'{name}: an inline <script> needs nonce="{{{{ CSP_NONCE }}}}", or move it to static/js/'
        )
    assert not STYLE_TAG.search(source), f"{name}: move the <style> to static/css/"
    found = INLINE_ATTRIBUTE.search(source)
    assert not found, f"{name}: the policy blocks {found.group(1)}=...; use a class and static/css or static/js"
