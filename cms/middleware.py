"""Site-wide request and response rules that every view gets without asking."""

from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from common import ratelimit

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def _without_nul(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class StripNulMiddleware:
    """Removes NUL characters from every query and form value before a view sees them.

    A NUL can never be meant in text a person types, PostgreSQL refuses to store it, and
    a view that reads request.GET or request.POST directly would fail with a server error
    instead of a message. One place for all of them: the rest of the input stays as typed.
    Uploaded files are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            request.GET = _without_nul(request.GET)
        if request.method == "POST" and request.content_type in FORM_TYPES and _has_nul(request.POST):
            request.POST = _without_nul(request.POST)
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Nothing shown to a signed-in person is stored by a browser or proxy cache.

    Pages, PDFs and exports for a signed-in person get ``Cache-Control: private, no-store``
    unless the view chose a cache policy itself. Anonymous pages keep theirs, so public
    pages can still be cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


class SiteNotFoundMiddleware:
    """Development only (``cms.settings.dev``): the site's own 404 page instead of Django's
    debug page with every URL pattern, so `make run` shows what users see. Add
    ``?debug-404`` to a URL to get Django's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "debug-404" not in request.GET:
            try:
                resolve(request.path_info)
            except Resolver404:
                if not request.path_info.endswith("/"):
                    # CommonMiddleware may still add the slash and find a page.
                    try:
                        resolve(f"{request.path_info}/")
                        return self.get_response(request)
                    except Resolver404:
                        pass
                return render(request, "404.html", status=404)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and "debug-404" not in request.GET:
            return render(request, "404.html", status=404)
        return None


class RateLimitMiddleware:
    """Site-wide rate limits by kind of request (``common.ratelimit``): per account when
    signed in, per client address only when anonymous. Over the limit, the site's 429 page
    in the reader's language with ``Retry-After``; SCIM clients get a SCIM error.

    It works in ``process_view``, after authentication and URL resolution, so it knows who
    is asking and which view would answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        refusal = ratelimit.check(request)
        if refusal is None:
            return None
        if refusal.kind == "scim":
            response = JsonResponse(
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                    "status": "429",
                    "detail": "Too many requests; retry after the number of seconds in Retry-After.",
                },
                status=429,
                content_type="application/scim+json",
            )
        else:
            minutes = max(1, -(-refusal.retry_after // 60))
            response = render(request, "429.html", {"retry_minutes": minutes, "kind": refusal.kind}, status=429)
        response["Retry-After"] = str(refusal.retry_after)
        return response
