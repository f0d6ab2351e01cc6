"""allauth's adapters, extended for organisations' single sign-on and two-step verification.

``AccountAdapter`` adds to people's adapter (mail in the recipient's language): no password
login for addresses whose organisation makes single sign-on mandatory, and a note in the
session when the identity provider asserted a second factor. ``SocialAccountAdapter`` lets
allauth do OpenID Connect, and refuses what must not pass: a provider that is not in use, an
address outside the provider's domains, and a first sign-in with an address that already
has an account (accounts are known by provider and subject, never by address alone).
"""

from allauth.account.internal.stagekit import clear_login
from allauth.account.internal.userkit import filter_users_by_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from people.adapters import AccountAdapter as PeopleAccountAdapter

from . import selectors
from .models import IdentityProvider

SSO_MFA_SESSION_KEY = "spil_sso_mfa"


def sso_required_message(identity_provider: IdentityProvider) -> str:
    return gettext(
        "Voor e-mailadressen van %(organisation)s log je in met je organisatie, niet met een wachtwoord. "
        "Kies 'Inloggen met je organisatie'."
    ) % {"organisation": identity_provider.organisation.name}


def refuse_password_for(email: str) -> None:
    """Raise a form error if the address's organisation makes single sign-on mandatory."""
    identity_provider = selectors.identity_provider_requiring_sso(emails=[email])
    if identity_provider is not None:
        raise forms.ValidationError(sso_required_message(identity_provider), code="sso_required")


class AccountAdapter(PeopleAccountAdapter):
    def authenticate(self, request, **credentials):
        # Before the password is checked: the answer is the same whether it is right or not.
        refuse_password_for(credentials.get("email") or "")
        return super().authenticate(request, **credentials)

    def pre_login(self, request, user, **kwargs):
        """A way in other than the organisation's provider (a password, a link) is refused
        for a person with an address where single sign-on is mandatory, whichever of their
        addresses they typed."""
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is None:
            identity_provider = selectors.identity_provider_requiring_sso(
                emails=selectors.email_addresses_of(user=user)
            )
            if identity_provider is not None:
                clear_login(request)
                messages.error(request, sso_required_message(identity_provider))
                return redirect("sso:login")
        return super().pre_login(request, user, **kwargs)

    def post_login(self, request, user, **kwargs):
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        request.session[SSO_MFA_SESSION_KEY] = bool(
            sociallogin is not None and selectors.asserts_mfa(extra_data=sociallogin.account.extra_data)
        )
        return super().post_login(request, user, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        """Only the apps of identity providers in use: allauth answers 404 for the others."""
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        in_use = set(
            IdentityProvider.objects.filter(
                is_active=True, social_app__in=[app.pk for app in apps if app.pk]
            ).values_list("social_app_id", flat=True)
        )
        return [app for app in apps if app.pk in in_use]

    def is_email_verified(self, provider, email):
        """The organisation's provider vouches for addresses on its allowed domains."""
        identity_provider = selectors.identity_provider_by_provider_id(provider_id=provider.app.provider_id)
        if identity_provider is None:
            return False
        return selectors.domain_of(email) in selectors.allowed_domains_of(identity_provider=identity_provider)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = " ".join((data.get("name") or "").split())
        if not name:
            name = " ".join(part for part in (data.get("first_name"), data.get("last_name")) if part)
        user.full_name = name or (user.email or "").partition("@")[0]
        user.preferred_language = translation.get_language() or settings.LANGUAGE_CODE
        return user

    def pre_social_login(self, request, sociallogin):
        identity_provider = selectors.identity_provider_by_provider_id(provider_id=sociallogin.account.provider)
        if identity_provider is None or not identity_provider.is_active:
            self.refuse(request, gettext("Inloggen via deze organisatie is niet (meer) mogelijk."))
        issuer = (sociallogin.account.extra_data.get("id_token") or {}).get("iss")
        if issuer != identity_provider.issuer:
            self.refuse(
                request,
                gettext(
                    "De identiteitsprovider van %(organisation)s gaf een antwoord dat Spil niet verwachtte. "
                    "Probeer het later opnieuw of neem contact op met de beheerder van Spil."
                )
                % {"organisation": identity_provider.organisation.name},
            )
        emails = sorted({address.email.lower() for address in sociallogin.email_addresses if address.email})
        if not emails:
            self.refuse(
                request,
                gettext(
                    "%(organisation)s gaf geen e-mailadres van je door. Zonder e-mailadres kan Spil je niet "
                    "laten inloggen; vraag de beheerder van je organisatie om hulp."
                )
                % {"organisation": identity_provider.organisation.name},
            )
        allowed = selectors.allowed_domains_of(identity_provider=identity_provider)
        outside = [email for email in emails if selectors.domain_of(email) not in allowed]
        if outside:
            self.refuse(
                request,
                gettext(
                    "Je organisatie gaf het e-mailadres %(email)s door. Via %(organisation)s log je alleen in "
                    "met een adres op %(domains)s."
                )
                % {
                    "email": outside[0],
                    "organisation": identity_provider.organisation.name,
                    "domains": ", ".join(sorted(allowed)) or "-",
                },
            )
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            owners = {user.pk for email in emails for user in filter_users_by_email(email)}
            if owners - {request.user.pk}:
                self.refuse(
                    request,
                    gettext(
                        "Het organisatie-account met %(email)s hoort al bij een ander Spil-account. "
                        "Log daarmee in, of vraag de beheerder van Spil om hulp."
                    )
                    % {"email": emails[0]},
                )
        elif not sociallogin.is_existing and any(filter_users_by_email(email) for email in emails):
            self.refuse(
                request,
                gettext(
                    "Er is al een Spil-account met het e-mailadres %(email)s. Spil koppelt een "
                    "organisatie-account niet vanzelf aan een bestaand account, zodat niemand via een andere "
                    "organisatie iemands account kan overnemen. Log in zoals je gewend bent en koppel daarna "
                    "je organisatie-account bij 'Inloggen met je organisatie'. Lukt dat niet, vraag dan de "
                    "beheerder van Spil om hulp."
                )
                % {"email": emails[0]},
            )

    def refuse(self, request, message: str):
        response = render(
            request,
            "sso/refused.html",
            {"message": message, "sso_url": reverse("sso:login"), "login_url": reverse("account_login")},
            status=403,
        )
        raise ImmediateHttpResponse(response)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator) -> bool:
        """Who must use two-step verification keeps at least one second step."""
        if not settings.SPIL_REQUIRE_MFA or authenticator.type not in selectors.SECOND_FACTORS:
            return super().can_delete_authenticator(authenticator)
        required, _ = selectors.mfa_status(user=authenticator.user)
        if not required:
            return super().can_delete_authenticator(authenticator)
        others = Authenticator.objects.filter(user=authenticator.user, type__in=selectors.SECOND_FACTORS).exclude(
            pk=authenticator.pk
        )
        return others.exists() and super().can_delete_authenticator(authenticator)
