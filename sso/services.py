"""Writes: joining an organisation by a verified address or a first single sign-on, and
keeping allauth's SocialApp in step with an organisation's identity provider."""

import logging

from allauth.socialaccount.models import SocialApp
from django.db import transaction

from people.models import Membership, Organisation, User
from people.services import add_membership

from . import selectors
from .models import IdentityProvider, normalise_issuer

logger = logging.getLogger(__name__)

PROVIDER = "openid_connect"


@transaction.atomic
def join_organisation_by_email(*, user: User, email: str) -> Membership | None:
    """A verified address at a registered domain makes its owner a learner of the domain's
    organisation (once; an existing membership stays as it is). Call only for verified addresses."""
    domain = selectors.organisation_domain_for_email(email=email)
    if domain is None:
        return None
    return join_as_learner(user=user, organisation=domain.organisation)


@transaction.atomic
def join_as_learner(*, user: User, organisation: Organisation) -> Membership:
    membership = Membership.objects.filter(user=user, organisation=organisation, role=Membership.Role.LEARNER).first()
    if membership is not None:
        return membership
    logger.info("user %s joins organisation %s as a learner", user.pk, organisation.pk)
    return add_membership(user=user, organisation=organisation, role=Membership.Role.LEARNER)


@transaction.atomic
def join_by_identity_provider(*, user: User, provider_id: str) -> Membership | None:
    """Someone signed up through (or linked their account to) an organisation's identity
    provider: the organisation vouches for them, they become its learner."""
    identity_provider = selectors.identity_provider_by_provider_id(provider_id=provider_id)
    if identity_provider is None:
        return None
    return join_as_learner(user=user, organisation=identity_provider.organisation)


@transaction.atomic
def save_identity_provider(*, identity_provider: IdentityProvider, secret: str = "") -> IdentityProvider:
    """Store the provider and create or update allauth's SocialApp that does the protocol for
    it. An empty ``secret`` keeps the stored one. (A provider that is not in use keeps its
    app; the adapter hides it from allauth.)

    A new issuer gets a new provider id: the people of the old issuer stay linked to the
    old id and cannot be reached through the new provider, whose subjects are other people's.
    """
    identity_provider.issuer = normalise_issuer(identity_provider.issuer)
    provider_id = IdentityProvider.provider_id_for(
        organisation=identity_provider.organisation, issuer=identity_provider.issuer
    )
    app = identity_provider.social_app
    if app is None:
        app = SocialApp(provider=PROVIDER)
    app.provider_id = provider_id
    app.name = identity_provider.organisation.name
    app.client_id = identity_provider.client_id
    if secret:
        app.secret = secret
    app.key = ""
    app.settings = {
        "server_url": identity_provider.issuer,
        "oauth_pkce_enabled": True,
        # Never sign in an existing account because the provider names its address.
        "email_authentication": False,
    }
    app.save()
    identity_provider.provider_id = provider_id
    identity_provider.social_app = app
    identity_provider.save()
    return identity_provider


def delete_social_app(*, identity_provider: IdentityProvider) -> None:
    if identity_provider.social_app_id:
        SocialApp.objects.filter(pk=identity_provider.social_app_id).delete()
