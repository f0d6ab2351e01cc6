from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import selectors
from .adapters import SSO_MFA_SESSION_KEY

# What someone who still has to set up two-step verification may reach: the set-up itself
# (allauth's /accounts/2fa/, and confirming who they are before it), signing out, the
# language switch, static files and the health check.
OPEN_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/accounts/oidc/",
    "/i18n/setlang/",
    "/health/",
    "/favicon.ico",
)


class RequireMFAMiddleware:
    """With SPIL_REQUIRE_MFA on, HR advisers, learning-circle organisers, editors and
    platform admins set up two-step verification (an authenticator app or a passkey) before
    anything else. A sign-in through an identity provider that asserted a second factor
    (the ``amr`` claim) counts as one for that session.

    One query per request of a signed-in person, none when the provider asserted it. Must
    come after allauth's middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SPIL_REQUIRE_MFA and request.user.is_authenticated:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        if request.session.get(SSO_MFA_SESSION_KEY):
            return None
        status = selectors.mfa_facts(user=request.user)
        setattr(request, selectors.ADMIN_ACCESS_ATTRIBUTE, status.may_use_admin)
        setattr(request, selectors.ROLES_ATTRIBUTE, status.roles)
        required, has_second_factor = status.required, status.has_second_factor
        if not required or has_second_factor:
            return None
        # Templates of the set-up pages say why the person is there.
        request.spil_mfa_setup_required = True
        path = request.path_info
        if path.startswith(OPEN_PREFIXES) or path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        return redirect(reverse("mfa_index"))
