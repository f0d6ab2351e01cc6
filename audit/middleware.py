"""Refusals in the audit log: every 403 the site answers (a ``PermissionDenied`` anywhere, a
CSRF failure, a view that forbids) and every refusal inside the Wagtail admin, which answers a
signed-in editor without the permission with a redirect and a message rather than a 403.

One entry per refusal, but a crawler cannot flood the table: the same person or network asking
for the same path is recorded once per ``REPEAT_WINDOW``, and each person or network at most
``PER_SOURCE_LIMIT`` times per window (counted in the shared cache)."""

from django.utils.translation import gettext, override

from common.throttle import Throttle

from .events import network_of_request, record
from .models import Action
from .signal_handlers import organisations_of_user

REPEAT_WINDOW = 10 * 60
PER_SOURCE_LIMIT = 30

repeats = Throttle(scope="audit-refused-path", window=REPEAT_WINDOW)
per_source = Throttle(scope="audit-refused-source", window=REPEAT_WINDOW)

# Wagtail's own words when it sends an editor back to the dashboard (wagtail.admin.auth).
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


def is_admin_refusal(request, response) -> bool:
    if response.status_code != 302 or not hasattr(request, "_messages"):
        return False
    queued = getattr(request._messages, "_queued_messages", [])
    if not queued:
        return False
    refusals = {WAGTAIL_REFUSAL, gettext(WAGTAIL_REFUSAL)}
    with override("nl"):
        refusals.add(gettext(WAGTAIL_REFUSAL))
    return any(str(message.message).strip() in refusals for message in queued)


def source_of(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"net:{network_of_request(request)}"


def should_record(request) -> bool:
    source = source_of(request)
    try:
        if not repeats.hit(f"{source}:{request.path[:200]}", limit=1):
            return False
        return per_source.hit(source, limit=PER_SOURCE_LIMIT)
    except Exception:  # the cache is down: record rather than lose a refusal
        return True


class RefusalAuditMiddleware:
    """Place after the authentication middleware, before the message middleware: its
    response pass then still sees the messages queued by the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (response.status_code == 403 or is_admin_refusal(request, response)) and should_record(request):
            user = getattr(request, "user", None)
            signed_in = user is not None and user.is_authenticated
            record(
                Action.REFUSED,
                organisation=organisations_of_user(user) if signed_in else None,
                request=request,
                method=request.method,
                status=response.status_code,
            )
        return response
