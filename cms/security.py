"""Security headers every response gets: the content security policy and the permissions policy.

The content security policy is a strict one for the site and a looser one for the Wagtail admin.

The site (``CONTENT_SECURITY_POLICY`` in settings) runs scripts and styles from its own
static files only; an inline ``<script>`` runs only with the request's nonce
(``{{ request.csp_nonce }}``). No ``unsafe-inline``, so an injected script, event handler or
``javascript:`` link does nothing even if it ever reached a page.

The Wagtail admin (``SPIL_ADMIN_CONTENT_SECURITY_POLICY``) still writes a few inline scripts
(inline panels, date pickers) and many inline styles, so under /admin/ scripts may be inline
too; everything else stays as strict as on the site (own origin, no plugins, no framing by
other sites). Previews of pages are not affected: Wagtail renders them through the whole
middleware chain with the page's own address, so they get the site's policy, as visitors do.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.SPIL_ADMIN_CSP_PREFIX)


class SpilCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy for paths under /admin/."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None or not is_admin_path(request.path_info):
            return parts
        parts.config = default_config(settings.SPIL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        # A nonce would make browsers ignore 'unsafe-inline', which the admin's scripts need.
        parts.nonce = None
        return parts


class PermissionsPolicyMiddleware:
    """Switches off browser features the site never uses (``SPIL_PERMISSIONS_POLICY``).

    Camera, microphone, location, payment and the like stay off for the site and for any
    frame on it, so that an embedded video or a compromised page cannot ask for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.SPIL_PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
