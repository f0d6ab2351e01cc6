"""Site-wide rate limits (common.ratelimit, cms.middleware.RateLimitMiddleware): per account
when signed in, per client address only for anonymous requests, the address taken as
ALLAUTH_TRUSTED_PROXY_COUNT says, and counted in the cache every process shares."""

import json
import subprocess
import sys
import types
import uuid

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import resolve

from common import ratelimit, throttle
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

# Inside one fixed window of 600 seconds, so no test straddles two.
FROZEN_TIME = 1_800_000_000.0 + 10
LIMITS = {
    "form": {"per_account": 5, "per_address": 8, "window": 600},
    "download": {"per_account": 3, "per_address": 3, "window": 600},
}
OFFICE = "203.0.113.7"
PROXY = "192.0.2.1"
# A cheap form submission anyone may make, signed in or not.
FORM = "/i18n/setlang/"


@pytest.fixture(autouse=True)
def small_limits(settings, monkeypatch, home_page):
    settings.SPIL_RATE_LIMITS = LIMITS
    monkeypatch.setattr(throttle, "time", types.SimpleNamespace(time=lambda: FROZEN_TIME))


def post(client, **headers):
    return client.post(FORM, {"language": "nl", "next": "/"}, **headers).status_code


def test_colleagues_behind_one_office_address_are_not_blocked_by_one_person(client, django_user_model):
    hammering, *colleagues = [UserFactory() for _ in range(51)]
    client.force_login(hammering)
    statuses = [post(client, REMOTE_ADDR=OFFICE) for _ in range(LIMITS["form"]["per_account"] + 3)]
    assert statuses[:5] == [302] * 5
    assert statuses[5:] == [429] * 3
    refused = []
    for colleague in colleagues:
        client.force_login(colleague)
        if post(client, REMOTE_ADDR=OFFICE) != 302:
            refused.append(colleague.email)
    assert refused == []


def test_one_account_is_limited_whichever_address_it_comes_from(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    client.force_login(UserFactory())
    statuses = [
        post(client, REMOTE_ADDR=f"198.51.100.{n}", HTTP_X_FORWARDED_FOR=f"10.{n}.0.1, 203.0.113.{n}") for n in range(8)
    ]
    assert statuses == [302] * 5 + [429] * 3


@pytest.mark.parametrize("proxies", [0, 1])
def test_an_anonymous_client_cannot_reset_its_count_with_x_forwarded_for(client, settings, proxies):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    # Without proxies the client connects itself; with one, our proxy connects and appends
    # the client's address to whatever X-Forwarded-For the client sent.
    remote, appended = (OFFICE, "") if proxies == 0 else (PROXY, f", {OFFICE}")
    statuses = [
        post(client, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=f"10.0.{n}.1, 172.16.0.{n}{appended}") for n in range(10)
    ]
    assert statuses == [302] * 8 + [429] * 2
    # Sending no header of its own does not help either.
    assert post(client, REMOTE_ADDR=remote, **({"HTTP_X_FORWARDED_FOR": OFFICE} if proxies else {})) == 429
    if proxies:
        # Someone else behind the same proxy is counted apart.
        assert post(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20") == 302


def test_an_ipv6_client_cannot_reset_its_count_by_changing_address_within_its_block(client):
    statuses = [post(client, REMOTE_ADDR=f"2001:db8:1:2::{n:x}") for n in range(1, 10)]
    assert statuses == [302] * 8 + [429]
    assert post(client, REMOTE_ADDR="2001:db8:1:3::1") == 302


def test_a_proxy_header_that_does_not_fit_falls_back_to_the_connection(rf, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 3
    request = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not an address")
    assert ratelimit.client_address(request) == PROXY


def test_the_refusal_is_the_sites_dutch_429_page_with_retry_after(client):
    client.force_login(UserFactory())
    for _ in range(5):
        post(client)
    response = client.post(FORM, {"language": "nl", "next": "/"})
    assert response.status_code == 429
    assert response["Retry-After"] == "590"
    html = response.content.decode()
    assert "Even wachten" in html
    assert "Probeer het over 10 minuten opnieuw." in html


def test_the_kinds_count_apart(client):
    client.force_login(UserFactory())
    for _ in range(3):
        client.get("/hr/uitnodigingen/voorbeeld.csv")
    assert client.get("/hr/uitnodigingen/voorbeeld.csv").status_code == 429
    assert post(client) == 302


def test_scim_clients_get_a_scim_error(client, settings):
    # Refused from the first request on, so the SCIM libraries are not even loaded.
    settings.SPIL_RATE_LIMITS = {"scim": {"per_account": 0, "per_address": 0, "window": 600}}
    response = client.get("/scim/v2/bestaat-niet/Users")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/scim+json"
    assert json.loads(response.content)["status"] == "429"
    assert "Retry-After" in response


@pytest.mark.parametrize(
    ("method", "url", "kind"),
    [
        ("post", "/mijn/gesprekken/aanvragen/", "form"),
        ("post", "/admin/pages/add/", "admin"),
        ("get", "/hr/export/mensen/csv/", "download"),
        ("get", "/hr/export/taak/1/download/", "download"),
        ("get", "/hr/certificaten/1/pdf/", "download"),
        ("get", "/mijn/certificaten/1/pdf/", "download"),
        ("get", "/leerkringen/beheer/kring/1/aanwezigheid.xlsx", "download"),
        ("get", "/leerkringen/agenda/persoonlijk/abc.ics", "download"),
        ("get", "/leerkringen/bijeenkomsten/1/materiaal/2/", "download"),
        ("get", "/hr/uitnodigingen/voorbeeld.csv", "download"),
        ("get", "/documents/1/plan.pdf", "download"),
        ("get", "/certificates/badge/abc/image.png", "download"),
        ("get", "/certificates/verify/abc/?download=1", "download"),
        ("get", "/certificates/verify/abc/", "verify"),
        ("get", "/certificates/verify/?number=1", "verify"),
        ("get", "/certificates/status-lists/1/", "verify"),
        ("get", "/uitnodiging/abc/", "invitation"),
        ("get", "/zelfscan/tweede-blik/abc/", "invitation"),
        ("get", "/hr/?q=anna", "search"),
        ("get", "/hr/uitnodigingen/?q=anna", "search"),
        ("get", "/scim/v2/zeist/Users", "scim"),
        ("post", "/scim/v2/zeist/Users", "scim"),
        ("get", "/hr/", None),
        ("get", "/hr/export/taak/1/", None),
        ("get", "/hr/toewijzingen/1/voortgang/", None),
        ("get", "/mijn/", None),
    ],
)
def test_each_kind_of_request_is_recognised(method, url, kind):
    request = getattr(RequestFactory(), method)(url)
    request.resolver_match = resolve(request.path_info)
    assert ratelimit.kind_of(request) == kind


def test_every_download_url_of_the_project_is_counted_as_one():
    """A new URL that hands out a file (by its ending) is a download without being listed."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def routes(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    files = [
        route for route in routes(get_resolver().url_patterns) if route.endswith((".csv", ".xlsx", ".ics", ".png"))
    ]
    assert len(files) >= 6
    for route in files:
        assert ratelimit._DOWNLOAD_ROUTE.search(route), route


SUBPROCESS = """
import json, os, sys, types
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
import django
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from common import ratelimit, throttle
caches, limits, frozen, hits = json.loads(sys.argv[1])
throttle.time = types.SimpleNamespace(time=lambda: frozen)
with override_settings(CACHES=caches, SPIL_RATE_LIMITS=limits):
    refused = []
    for _ in range(hits):
        request = RequestFactory().post("/i18n/setlang/", REMOTE_ADDR="198.51.100.9")
        request.user = AnonymousUser()
        request.resolver_match = None  # a POST is a form submission, whichever view
        refused.append(ratelimit.check(request) is not None)
print(json.dumps(refused))
"""


def test_the_count_is_shared_by_every_process_through_the_cache(client, settings):
    """Another process (a second gunicorn worker) uses up the address's limit; this one
    then refuses the address too."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: no shared cache to count in")
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": f"spil-test-{uuid.uuid4().hex}",
        }
    }
    argument = json.dumps([caches, LIMITS, FROZEN_TIME, 8])
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", SUBPROCESS, argument],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=django_settings.BASE_DIR,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [False] * 8
    settings.CACHES = caches
    try:
        assert post(client, REMOTE_ADDR="198.51.100.9") == 429
        assert post(client, REMOTE_ADDR="198.51.100.10") == 302
    finally:
        # Not cache.clear(): on Redis that empties the whole database, other keys too.
        from django.core.cache import cache

        window = int(FROZEN_TIME // LIMITS["form"]["window"])
        cache.delete_many([f"site-form:ip:198.51.100.{n}:{window}" for n in (9, 10)])
