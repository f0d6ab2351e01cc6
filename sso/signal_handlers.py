"""Memberships that follow from a verified address or an organisation's identity provider,
and allauth's SocialApp leaving with the identity provider it served."""

from allauth.account.signals import email_confirmed, user_signed_up
from allauth.socialaccount.signals import social_account_added
from django.db.models.signals import post_delete

from . import services
from .models import IdentityProvider


def join_by_confirmed_email(sender, request, email_address, **kwargs):
    """A person verified an address at a registered domain: they join its organisation."""
    services.join_organisation_by_email(user=email_address.user, email=email_address.email)


def join_by_first_sign_in(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        services.join_by_identity_provider(user=user, provider_id=sociallogin.account.provider)


def join_by_linked_account(sender, request, sociallogin, **kwargs):
    services.join_by_identity_provider(user=sociallogin.user, provider_id=sociallogin.account.provider)


def remove_social_app(sender, instance, **kwargs):
    services.delete_social_app(identity_provider=instance)


def connect() -> None:
    email_confirmed.connect(join_by_confirmed_email, dispatch_uid="sso.join_by_confirmed_email")
    user_signed_up.connect(join_by_first_sign_in, dispatch_uid="sso.join_by_first_sign_in")
    social_account_added.connect(join_by_linked_account, dispatch_uid="sso.join_by_linked_account")
    post_delete.connect(remove_social_app, sender=IdentityProvider, dispatch_uid="sso.remove_social_app")
