"""The site and the page route of a request, kept per content version instead of looked up anew.

Wagtail finds the page for an address by walking the tree: the site for the host name (one
query), its root page, that page's specific object, then for every part of the path the child
with that slug and its specific object (two queries a level). A track page three levels deep cost
six to eight queries before its own work began, on every request, for content that changes only
when an editor publishes.

``KeptRoutesMiddleware`` keeps, in each process:

- for Wagtail's page view and every view a signed-in person asks for, the site per host name
  and port, as its field values (a fresh ``Site`` object per request, so nothing one request
  caches on it reaches another), set as ``request._wagtail_site``, which Wagtail's
  ``Site.find_for_request`` and every ``{% pageurl %}`` read (other anonymous views look the
  site up as before, only when they need it); a site a view looked up itself is kept too;
- for Wagtail's page view, the page an address routes to (its id and type) per site, language
  and path; a route with arguments (a page that routes further by itself) is not kept;
- the page itself, as it was read the first time it was served through a kept route: pickled
  (a fresh object per request, so nothing one request sets on it reaches another), with whether
  any view restriction applies to it or an ancestor. A page nothing restricts is served without a
  query of its own and without Wagtail's two queries for restrictions; a restricted page has them
  checked as before, on every request. At most ``MAX_PAGES`` pages are kept per process.

Both are filed under the content version (``cms.pagecache.content_version``): publishing,
moving or deleting a page, or saving a site, starts afresh, in every process. While the shared
cache that holds the version cannot be reached, nothing kept is used. At most ``MAX_ROUTES``
routes are kept per process, the oldest dropped first. A route is kept at its first request, its
page at its second (read with ``live=True``: a page no longer live is routed the normal way and
answers 404). Whatever changes a page or its privacy without the model signals (a raw
``UPDATE``) must call ``cms.pagecache.content_changed()``, as it must for the page cache.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from threading import Lock

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from .pagecache import UNKNOWN_VERSION, request_version

MAX_ROUTES = 5000
MAX_PAGES = 2000  # a pickled page is 1-3 kB in the population: a few MB per process
SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")
MISSING = object()


class _Kept:
    """A small LRU map for one process, emptied when the content version changes."""

    def __init__(self, size: int):
        self.size = size
        self.version: str | None = None
        self.items: OrderedDict = OrderedDict()
        self.lock = Lock()

    def get(self, version: str, key):
        with self.lock:
            if version != self.version:
                self.version, self.items = version, OrderedDict()
                return MISSING
            value = self.items.get(key, MISSING)
            if value is not MISSING:
                self.items.move_to_end(key)
            return value

    def put(self, version: str, key, value) -> None:
        with self.lock:
            if version != self.version:
                self.version, self.items = version, OrderedDict()
            self.items[key] = value
            if len(self.items) > self.size:
                self.items.popitem(last=False)


_sites = _Kept(100)
_routes = _Kept(MAX_ROUTES)
_pages = _Kept(MAX_PAGES)


def forget() -> None:
    """Empties what this process keeps (tests)."""
    for kept in (_sites, _routes, _pages):
        with kept.lock:
            kept.version, kept.items = None, OrderedDict()


def _host_key(request: HttpRequest) -> tuple[str, str] | None:
    """(host name, port) a site is kept under; None for a host name Django refuses (let
    Wagtail and Django answer as they do)."""
    try:
        return split_domain_port(request._get_raw_host())[0], request.get_port()
    except Exception:
        return None


def _site_values(site: Site) -> dict:
    return {name: getattr(site, name) for name in SITE_FIELDS}


def keep_site(request: HttpRequest, *, look_up: bool = True) -> None:
    """Sets the kept site on the request; when none is kept, looks it up and keeps it, or with
    ``look_up=False`` leaves the request alone (Wagtail looks the site up if the view needs it)."""
    if hasattr(request, "_wagtail_site"):
        return
    key = _host_key(request)
    if key is None:
        return
    version = request_version(request)
    values = _sites.get(version, key)
    if values is MISSING and not look_up:
        return
    if values is MISSING:
        site = Site._find_for_request(request)
        values = None if site is None else _site_values(site)
        _sites.put(version, key, values)
    request._wagtail_site = None if values is None else Site(**values)


def remember_site(request: HttpRequest) -> None:
    """Keeps the site a view looked up itself (a dashboard linking to pages, say), so that the
    next request for that host in this process does not look it up again."""
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return
    version = request_version(request)
    key = _host_key(request)
    if version == UNKNOWN_VERSION or key is None:
        return
    if _sites.get(version, key) is MISSING:
        _sites.put(version, key, _site_values(site))


def kept_route(request: HttpRequest, path: str) -> RouteResult | None:
    site = request._wagtail_site
    key = (site.pk, translation.get_language(), path)
    kept = _routes.get(request_version(request), key)
    if kept is MISSING:
        return None
    page_id, content_type_id = kept
    stored = _pages.get(request_version(request), page_id)
    if stored is not MISSING:
        pickled, unrestricted = stored
        page = pickle.loads(pickled)  # noqa: S301 (bytes this process pickled itself, never from outside)
        if unrestricted:
            page.get_view_restrictions = _no_restrictions
        return RouteResult(page)
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=page_id, live=True).first() if model is not None else None
    if page is None:
        return None
    pickled = pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL)  # as read, before any request touches it
    restrictions = list(page.get_view_restrictions())
    _pages.put(request_version(request), page_id, (pickled, not restrictions))
    page.get_view_restrictions = lambda: restrictions  # read once: Wagtail's check asks no second time
    return RouteResult(page)


def _no_restrictions() -> list:
    return []


def keep_route(request: HttpRequest, path: str) -> None:
    result = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if result is None or site is None or result.args or result.kwargs:
        return
    page = result.page
    key = (site.pk, translation.get_language(), path)
    _routes.put(request_version(request), key, (page.pk, page.content_type_id))


class KeptRoutesMiddleware:
    """See the module's doc. After the language middleware: routes differ per language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        response = self.get_response(request)
        path = getattr(request, "_spil_route_to_keep", None)
        if path is not None:
            keep_route(request, path)
        remember_site(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            # A signed-in person's pages (dashboards and the like) link to pages, which needs
            # the site: the kept one when a page view kept it, never a lookup the view did not ask for.
            if request.user.is_authenticated and request_version(request) != UNKNOWN_VERSION:
                keep_site(request, look_up=False)
            return None
        if request_version(request) == UNKNOWN_VERSION:
            # Without the shared cache a publish could not be seen: route the normal way.
            return None
        keep_site(request)
        if getattr(request, "_wagtail_site", None) is None:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        route = kept_route(request, path)
        if route is not None:
            request._wagtail_route_for_request = route
        else:
            request._spil_route_to_keep = path
        return None
