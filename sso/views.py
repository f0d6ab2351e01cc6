"""'Inloggen met je organisatie': the person types their work address, Spil finds the
organisation's identity provider and hands over to allauth, which does OpenID Connect.

Signed in, the same page links the organisation's account to the person's Spil account
(allauth's "connect"), after which they can sign in either way.
"""

import logging

from allauth.account.utils import get_next_redirect_url
from allauth.socialaccount.adapter import get_adapter as get_socialaccount_adapter
from allauth.socialaccount.providers.base import AuthProcess
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from requests import RequestException

from common.ratelimit import client_address
from common.throttle import Throttle

from . import selectors
from .forms import OrganisationLoginForm

logger = logging.getLogger(__name__)

# Each attempt makes Spil fetch the provider's configuration: at most so many per address.
START_THROTTLE = Throttle("sso-start", window=300)
START_LIMIT_PER_ADDRESS = 30


@require_http_methods(["GET", "POST"])
def organisation_login(request):
    connecting = request.user.is_authenticated
    form = OrganisationLoginForm(request.POST or None)
    next_url = get_next_redirect_url(request) or ""
    if request.method == "POST" and form.is_valid():
        client = client_address(request)
        if not START_THROTTLE.hit(f"ip:{client}", limit=START_LIMIT_PER_ADDRESS):
            return render(request, "429.html", status=429)
        email = form.cleaned_data["email"]
        identity_provider = selectors.identity_provider_for_email(email=email)
        if identity_provider is None:
            form.add_error(
                "email",
                _(
                    "Voor adressen op %(domain)s kun je niet met een organisatie inloggen. "
                    "Log in met je e-mailadres en wachtwoord."
                )
                % {"domain": selectors.domain_of(email)},
            )
        else:
            provider = get_socialaccount_adapter(request).get_provider(request, identity_provider.provider_id)
            try:
                return provider.redirect(
                    request,
                    process=AuthProcess.CONNECT if connecting else AuthProcess.LOGIN,
                    next_url=next_url or None,
                    auth_params={"login_hint": email},
                )
            except RequestException as error:
                logger.warning("identity provider %s unreachable: %s", identity_provider.provider_id, type(error))
                form.add_error(
                    None,
                    _("De inlogpagina van %(organisation)s is nu niet bereikbaar. Probeer het later opnieuw.")
                    % {"organisation": identity_provider.organisation.name},
                )
    return render(request, "sso/login.html", {"form": form, "connecting": connecting, "next": next_url})
