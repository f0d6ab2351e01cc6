"""Reads for SCIM provisioning. ``provisioned_people`` draws the organisation boundary of the
endpoint: nothing outside it is ever read or changed through an organisation's token."""

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Lower

from common.tokens import hash_token
from people.models import Membership, Organisation, User

from .models import ProvisionedAccount, ScimToken


def token_for_secret(*, secret: str) -> ScimToken | None:
    """The active token whose secret this is, with its organisation; None for anything else."""
    if not secret:
        return None
    return (
        ScimToken.objects.select_related("organisation")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True)
        .first()
    )


def provisioned_people(*, organisation: Organisation) -> QuerySet[ProvisionedAccount]:
    """The people the organisation's identity provider manages: linked through SCIM, not
    removed, and still a member of the organisation (a membership taken away in the admin
    takes the person out of sight of the endpoint too).

    Each row carries ``team`` (the team of the person's memberships here) and the lowercase
    ``full_name_key`` and ``team_key`` that ordering filters (``gt``, ``le``, ...) compare."""
    team = Subquery(
        Membership.objects.filter(organisation=organisation, user=OuterRef("user_id"))
        .exclude(team="")
        .order_by("pk")
        .values("team")[:1]
    )
    member = Membership.objects.filter(organisation=organisation, user=OuterRef("user_id"))
    return (
        ProvisionedAccount.objects.filter(organisation=organisation, removed_at__isnull=True)
        .filter(Exists(member))
        .select_related("user", "organisation")
        .annotate(team=Coalesce(team, Value("")))
        .alias(full_name_key=Lower("user__full_name"), team_key=Lower("team"))
        .order_by("created_at", "pk")
    )


def email_owner(*, email: str) -> User | None:
    """The account that has this email address: as its login, or as a verified address."""
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return user
    address = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    return address.user if address else None


def counts_as_active_elsewhere(*, organisation: Organisation, user: User) -> bool:
    """Whether another organisation still counts the person as one of its active people: a
    membership there, and no deactivation by that organisation's identity provider."""
    deactivated_by = ProvisionedAccount.objects.filter(user=user, active=False).values("organisation")
    return (
        Membership.objects.filter(user=user)
        .exclude(organisation=organisation)
        .exclude(organisation__in=deactivated_by)
        .exists()
    )
