"""Whole pages for anonymous readers, kept in the shared cache, and the content version that
tells when they are out of date.

Most visitors of the catalogue, the role profiles and the career map are not signed in, and
for them a page is the same for everyone who reads it in the same language. Rendering it once
and serving the stored bytes takes a request from tens of milliseconds to well under one.

What is stored (``AnonymousPageCacheMiddleware``):

- only GET and HEAD requests that carry no session cookie and no message cookie, so nobody
  who is, or may be, signed in ever reads or fills the cache, and a message meant for one
  visitor is never shown to another;
- only responses of views that ask for it (``mark_cacheable``): every Wagtail page
  (``before_serve_page`` in ``cms/wagtail_hooks.py``; ``page_cache_seconds`` on a page class
  shortens or switches it off);
- only a 200 that sets no cookie, is not marked private or no-store, varies on nothing but the
  cookie (the language) and was rendered for an anonymous user. A page with a form renders a
  CSRF token and sets its cookie, so it is never stored, whatever the view says.

The key holds the content version, the language the reader gets (the language cookie,
``people.middleware.chosen_language``), scheme, host and the full path with its query. A page
with a Content-Security-Policy nonce is stored with a placeholder and gets a fresh nonce each
time it is served, so the nonce stays unpredictable.

The content version (``content_version``) is one random token in the cache. Publishing,
unpublishing, moving or deleting a page, saving a snippet, image, document or circle session
(``cms.signals``) replaces it after the commit, and every stored page and fragment becomes
unreachable at once, on every process that shares the cache. What changes without an editor
(a circle's member count, whether a session is still upcoming) is at most
``page_cache_seconds`` old; circle pages keep it short.

``SPIL_PAGE_CACHE_SECONDS`` (environment variable of the same name; 0 switches the cache off)
is how long a page is kept. Stored pages are sent with ``Cache-Control: public, max-age=0,
s-maxage=SPIL_PAGE_CACHE_SHARED_SECONDS``: a CDN or proxy in front may keep them briefly, a
browser asks again, so that after signing in nobody sees the anonymous version from their own
browser cache.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control

from people.middleware import chosen_language

VERSION_KEY = "pagecache:version"
HEADER = "X-Spil-Cache"
REQUEST_ATTRIBUTE = "spil_page_cache_seconds"
# Stands for the nonce in a stored page; never in a page otherwise (not base64, not HTML).
NONCE_PLACEHOLDER = b"@@SPIL-CSP-NONCE-SLOT@@@"
# Headers that belong to one response and are never replayed.
NOT_STORED = {"set-cookie", "content-length", HEADER.lower(), "content-security-policy", "date"}
# Varying on these is what the key already covers (the language is a cookie).
VARY_COVERED = {"cookie", "accept-language"}
MAX_KEY_PATH = 2000
# The version when the cache cannot be reached: nothing is kept under it (cms.routing).
UNKNOWN_VERSION = "unknown"


def content_version() -> str:
    """The token that changes whenever published content changes (see the module's doc)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY) or UNKNOWN_VERSION
    return version


def request_version(request: HttpRequest) -> str:
    """The content version, read once per request: the page cache, the fragments and the kept
    routes of one request all use the same one."""
    version = getattr(request, "_spil_content_version", None)
    if version is None:
        version = request._spil_content_version = content_version()
    return version


def content_changed() -> None:
    """Makes every stored page and fragment out of date: at once, and again when the current
    transaction commits (a request that read the old content in between may have stored it
    under the first new version)."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def mark_cacheable(request: HttpRequest, seconds: int | None = None) -> None:
    """Lets the middleware keep this request's response (if it qualifies) for ``seconds``."""
    longest = settings.SPIL_PAGE_CACHE_SECONDS
    setattr(request, REQUEST_ATTRIBUTE, longest if seconds is None else min(seconds, longest))


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous readers (see the module's doc).

    It sits after the security headers (so every answer, stored or not, gets a fresh CSP
    header) and before the session, so a stored page costs no session, user or database work.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_cookies = {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        stored = cache.get(key)
        if stored is not None:
            return self.replay(request, stored)
        response = self.get_response(request)
        seconds = self.storable_for(request, response)
        if seconds:
            self.store(key, request, response, seconds)
            response[HEADER] = "miss"
        return response

    def key(self, request: HttpRequest) -> str | None:
        if settings.SPIL_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
            return None
        if self.skipped_cookies.intersection(request.COOKIES):
            return None
        path = request.get_full_path()
        if len(path) > MAX_KEY_PATH or path.startswith(settings.SPIL_ADMIN_CSP_PREFIX):
            return None
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: let the normal chain answer it.
            return None
        address = hashlib.sha256(f"{request.scheme}://{host}{path}".encode()).hexdigest()
        language = chosen_language(request) or settings.LANGUAGE_CODE
        return f"pagecache:{request_version(request)}:{language}:{address}"

    def storable_for(self, request: HttpRequest, response: HttpResponseBase) -> int:
        """How long ``response`` may be kept; 0 when it must not be."""
        seconds = getattr(request, REQUEST_ATTRIBUTE, 0)
        if not seconds or response.status_code != 200 or response.streaming or response.cookies:
            return 0
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated:
            return 0
        messages = getattr(request, "_messages", None)
        if messages is not None and getattr(messages, "added_new", False):
            return 0  # a message for this reader, shown on this very page
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return 0
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        if vary - VARY_COVERED:
            return 0
        return seconds

    def store(self, key: str, request: HttpRequest, response: HttpResponse, seconds: int) -> None:
        shared = min(settings.SPIL_PAGE_CACHE_SHARED_SECONDS, seconds)
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
        body = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str) and nonce:
            body = body.replace(nonce.encode("ascii"), NONCE_PLACEHOLDER)
        headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
        cache.set(key, (response.status_code, headers, body), seconds)

    def replay(self, request: HttpRequest, stored: tuple) -> HttpResponse:
        status, headers, body = stored
        if NONCE_PLACEHOLDER in body:
            body = body.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode("ascii"))
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        response[HEADER] = "hit"
        return response


def _page_content_changed(sender, **kwargs) -> None:
    content_changed()


# Saves that change nothing a page shows: a session's calendar sequence goes up when someone
# gives up a place (circles.services), many times a day.
INVISIBLE_FIELDS = {"circles.Session": {"sequence", "updated_at"}}


def _model_changed(sender, instance, update_fields=None, **kwargs) -> None:
    if not isinstance(instance, _dependencies()):
        return
    if update_fields and set(update_fields) <= INVISIBLE_FIELDS.get(sender._meta.label, set()):
        return
    content_changed()


_DEPENDENCIES: tuple[type, ...] | None = None

# Snippets that public pages show. The other snippets are people's records kept in the admin
# (registrations, members, certificates…): they change all day and no public page shows them
# (counts on circle pages are kept a minute at most). tests/cms/test_page_cache.py makes every
# new snippet model choose a side.
CONTENT_SNIPPETS = (
    "careers.Competency",
    "careers.Method",
    "careers.CareerPath",
    "curriculum.LearningPath",
    "certificates.CertificateTemplate",
)
RECORD_SNIPPETS = (
    "curriculum.AssignmentBatch",
    "certificates.Certificate",
    "circles.CircleInvitation",
    "circles.CircleMember",
    "circles.Registration",
    "careers.DevelopmentConversation",
)


def _dependencies() -> tuple[type, ...]:
    """The models whose rows anonymous pages, fragments and kept routes depend on: pages, their
    privacy and the rows edited on them, snippets, images and documents, sites and locales,
    circle sessions and their materials. Not renditions: those are made while a page renders."""
    global _DEPENDENCIES
    if _DEPENDENCIES is None:
        from django.apps import apps
        from modelcluster.fields import ParentalKey
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

        from circles.models import Session, SessionMaterial

        # Rows edited on a page (requirements, intake questions, statements) are saved after it.
        parts_of_pages = [
            model
            for model in apps.get_models()
            if any(
                isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
                for field in model._meta.concrete_fields
            )
        ]
        _DEPENDENCIES = (
            Page,
            # Making a page private must take it out of the cache at once.
            PageViewRestriction,
            CollectionViewRestriction,
            *parts_of_pages,
            Site,
            Locale,
            get_image_model(),
            get_document_model(),
            Session,
            SessionMaterial,
            *(apps.get_model(label) for label in CONTENT_SNIPPETS),
        )
    return _DEPENDENCIES


def connect_signals() -> None:
    """Called once from ``cms.apps.CmsConfig.ready``: web processes, workers and management
    commands alike, so a page published from anywhere makes the stored pages out of date."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(_model_changed, dispatch_uid="pagecache-post-save")
    post_delete.connect(_model_changed, dispatch_uid="pagecache-post-delete")
    # The groups of a private page or collection (a many-to-many: no save of the restriction).
    m2m_changed.connect(_restriction_groups_changed, dispatch_uid="pagecache-restriction-groups")


def _restriction_groups_changed(sender, instance, action, **kwargs) -> None:
    from wagtail.models import CollectionViewRestriction, PageViewRestriction

    if action.startswith("post_") and isinstance(instance, PageViewRestriction | CollectionViewRestriction):
        content_changed()
