"""Malformed input never gets a server error.

A small crawler-fuzzer over the demo world, as an outside reviewer tried it: for each kind
of person it follows the site's own links, asks every page again with junk query values,
and submits every form it finds with junk in every field (NUL bytes, 100,000 characters,
wrong types, values that are not URLs where a URL is expected). Any 5xx or uncaught
exception is a failure. It runs against the database of the suite, so on PostgreSQL in CI,
where NUL bytes and over-long values really fail.
"""

from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from people.models import User
from tests.demo_content import shared_demo

pytestmark = pytest.mark.django_db

WHO = [
    None,
    "anna@zeist.example.org",
    "hr@zeist.example.org",
    "organisator@leerkring.example.org",
    "admin@example.org",
]
STARTS = ["/", "/mijn/", "/hr/", "/leeraanbod/", "/zelfscans/", "/functieprofielen/", "/loopbaanpaden/"]
JUNK = {
    "nul": "a\x00b",
    "long": "x" * 100_000,
    "type": "true",
    "negative": "-1",
    "huge": "9" * 30,
    "not a url": "javascript:alert(1)",
    "other host": "//evil.example.org/",
}
JUNK_QUERY = {"next": "true", "q": "a\x00", "pagina": "abc", "status": "\x00x", "page": "-1", "sort": "'"}
# Links and forms the fuzzer leaves alone: signing out ends the session it is testing with,
# the Wagtail admin is Wagtail's own (tested upstream), and downloads are not pages.
SKIP = ("/accounts/logout/", "/admin/", "/i18n/setlang/", "/static/", "/media/", "/documents/")
MAX_PAGES_PER_PERSON = 45


def links(html: str, base: str) -> list[str]:
    found = []
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urljoin(base, anchor["href"])
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or parts.path.startswith(SKIP) or parts.path.endswith(".ics"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def forms(html: str, base: str) -> list[tuple[str, list[str]]]:
    found = []
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        action = urlsplit(urljoin(base, form.get("action") or base)).path
        if action.startswith(SKIP):
            continue
        names = sorted(
            {
                field["name"]
                for field in form.find_all(["input", "textarea", "select"])
                if field.get("name") and field.get("name") != "csrfmiddlewaretoken"
            }
        )
        found.append((action, names))
    return found


def request(client: Client, method: str, url: str, data=None) -> str | None:
    """The failure, if any, as one line."""
    try:
        response = client.get(url) if method == "GET" else client.post(url, data or {})
    except Exception as error:
        return f"{method} {url}: {type(error).__name__}: {str(error)[:200]}"
    if response.status_code >= 500:
        return f"{method} {url}: {response.status_code}"
    return None


@pytest.fixture(scope="module")
def demo_content(demo_snapshot, django_db_blocker):
    """Copied in once for every reader below, rolled back after them (tests/demo_content.py)."""
    with shared_demo(demo_snapshot, django_db_blocker):
        yield


@pytest.mark.parametrize("email", WHO, ids=lambda email: email or "anonymous")
def test_no_server_error_on_malformed_input(email, demo_content, db):
    client = Client(raise_request_exception=True)
    if email:
        client.force_login(User.objects.get(email=email))
    failures, seen, queue = [], set(), list(STARTS)
    tried_forms = set()
    while queue and len(seen) < MAX_PAGES_PER_PERSON:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"GET {url}: {response.status_code}")
            continue
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        queue.extend(link for link in links(html, url) if link not in seen)
        path = urlsplit(url).path
        failures.append(request(client, "GET", f"{path}?{urlencode(JUNK_QUERY)}"))
        for action, names in forms(html, url):
            if (action, tuple(names)) in tried_forms:
                continue
            tried_forms.add((action, tuple(names)))
            for value in JUNK.values():
                failures.append(request(client, "POST", action, dict.fromkeys(names, value)))
            failures.append(request(client, "POST", action, {}))
    failures = [failure for failure in failures if failure]
    assert len(seen) > 5, "the crawl found too few pages to mean anything"
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)
