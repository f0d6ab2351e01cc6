"""Rate limits for the whole site, by kind of request.

Every request that does work worth abusing belongs to a kind (a form submission, a
download or export, a search, a public verification, an invitation link, SCIM), and each
kind has a limit per window of time (``SPIL_RATE_LIMITS`` in the settings). The count is
kept per account for a signed-in request, so the colleagues of a whole office behind one
address never share it, and per client address only for anonymous requests. The client
address is the one allauth determines from ``ALLAUTH_TRUSTED_PROXY_COUNT``: the N-th entry
from the end of ``X-Forwarded-For`` (written by our own proxies), or the connection's
address without proxies, so a client cannot reset or shift its count with a header of its
own. Counts live in Django's cache (``common.throttle``), shared by every process.

Views with limits of their own (allauth's sign-in, the certificate lookup, the credential
check, the check-in code, the organisation sign-in) keep them: this is the net under them.
"""

import ipaddress
import re
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest

from .throttle import Throttle

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# GET requests that hand out a file: exports, PDFs, spreadsheets, calendar feeds, documents,
# session materials, the baked badge image. By the resolved route, so a new download URL
# with one of these endings or names is counted without being listed.
_DOWNLOAD_ROUTE = re.compile(r"\.(csv|xlsx|ics|pdf|zip|json|png)$|/pdf/$|/download/$|^documents/")
_DOWNLOAD_NAMES = re.compile(r"(^|[_:])(export|download|pdf|csv|xlsx|ics|feed|material|wagtaildocs_serve)$")
# Public pages that answer for a certificate or credential anyone may check.
_VERIFY_NAMES = frozenset(
    {
        "certificates:lookup",
        "certificates:verify",
        "certificates:badge",
        "certificates:status_list",
        "certificates:achievement",
        "certificates:issuer",
    }
)
# Links that carry a secret token a stranger could try to guess.
_INVITATION_NAMES = frozenset({"invitations:accept", "assessments:rate"})


@dataclass(frozen=True)
class Limit:
    per_account: int
    per_address: int
    window: int


def client_address(request: HttpRequest) -> str:
    """The client's address as allauth sees it (``ALLAUTH_TRUSTED_PROXY_COUNT``), never an
    error: a header that does not fit the configured proxies falls back to the address of
    the connection. An IPv6 client is counted per /64, the block one connection holds."""
    try:
        address = get_adapter(request).get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        address = request.META.get("REMOTE_ADDR", "")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def counted_as(request: HttpRequest) -> tuple[str, bool]:
    """The key a request is counted under, and whether that is an account."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}", True
    return f"ip:{client_address(request)}", False


def kind_of(request: HttpRequest) -> str | None:
    """The kind of request for the limits, or None for a request without a site-wide limit
    (reading an ordinary page)."""
    path = request.path_info
    match = request.resolver_match
    name = match.view_name if match else ""
    route = match.route if match else ""
    if path.startswith("/scim/"):
        return "scim"
    if request.method not in SAFE_METHODS:
        return "admin" if path.startswith("/admin/") else "form"
    if _DOWNLOAD_ROUTE.search(route) or _DOWNLOAD_NAMES.search(name) or request.GET.get("download"):
        return "download"
    if name in _VERIFY_NAMES:
        return "verify"
    if name in _INVITATION_NAMES:
        return "invitation"
    if request.GET.get("q", "").strip():
        return "search"
    return None


def limits() -> dict[str, Limit]:
    return {kind: Limit(**values) for kind, values in settings.SPIL_RATE_LIMITS.items()}


@dataclass(frozen=True)
class Refusal:
    kind: str
    retry_after: int


def check(request: HttpRequest) -> Refusal | None:
    """Count this request against its kind's limit; a ``Refusal`` once it is over."""
    kind = kind_of(request)
    limit = limits().get(kind) if kind else None
    if limit is None:
        return None
    key, is_account = counted_as(request)
    throttle = Throttle(f"site-{kind}", window=limit.window)
    if throttle.hit(key, limit=limit.per_account if is_account else limit.per_address):
        return None
    return Refusal(kind=kind, retry_after=throttle.seconds_left())
