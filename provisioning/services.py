"""Writes for SCIM provisioning: tokens, and the people an organisation's identity provider
creates, changes, deactivates and removes.

The rules, in one place:

- An organisation reaches only its own people (``selectors.provisioned_people``).
- Creating a person whose email address has no account makes the account (no password: the
  person signs in through their organisation, or sets a password by a reset link) and a
  learner membership. An account with that address that belongs to no organisation, or to
  this one, is linked instead. One that belongs to other organisations only is refused.
- The account itself (its email address, name and whether it can sign in) is changed only
  while the organisation *governs* it: no other organisation still counts the person as
  active, and the person is no platform admin. Otherwise the change stays with this
  organisation (its ``ProvisionedAccount``), and is logged.
- Deactivating (``active`` false, or DELETE) switches a governed account off and ends all
  its sessions at once. Nothing is deleted: learning records stay for the person's HR.

Every change is logged, by id, without email addresses or names.
"""

import logging
import uuid
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from common.tokens import hash_token, new_token
from people.models import Membership, Organisation, User
from people.services import add_membership

from . import selectors
from .models import ProvisionedAccount, ScimToken

logger = logging.getLogger(__name__)

RECOGNISABLE_START = "scim_"
SHOWN_TOKEN_CHARACTERS = len(RECOGNISABLE_START) + 6
FULL_NAME_MAX_LENGTH = User._meta.get_field("full_name").max_length
TEAM_MAX_LENGTH = Membership._meta.get_field("team").max_length
EXTERNAL_ID_MAX_LENGTH = ProvisionedAccount._meta.get_field("external_id").max_length
EMAIL_MAX_LENGTH = User._meta.get_field("email").max_length


class AccountConflictError(Exception):
    """The request clashes with an account that exists (SCIM 409, ``uniqueness``)."""


# -- Tokens ---------------------------------------------------------------------------------


@transaction.atomic
def create_token(*, organisation: Organisation, description: str, created_by: User | None) -> tuple[ScimToken, str]:
    """A new token for the organisation's SCIM endpoint. Returns the token and its secret,
    which is shown once and kept nowhere."""
    secret = f"{RECOGNISABLE_START}{new_token()}"
    token = ScimToken.objects.create(
        organisation=organisation,
        description=description,
        prefix=secret[:SHOWN_TOKEN_CHARACTERS],
        token_hash=hash_token(secret),
        created_by=created_by,
    )
    logger.info("SCIM token %s created for organisation %s by user %s", token.pk, organisation.pk, _id(created_by))
    return token, secret


@transaction.atomic
def revoke_token(*, token: ScimToken, revoked_by: User | None) -> bool:
    """Revoke the token from now on; False if it was revoked already."""
    revoked = ScimToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if revoked:
        token.refresh_from_db(fields=["revoked_at"])
        logger.info(
            "SCIM token %s of organisation %s revoked by user %s", token.pk, token.organisation_id, _id(revoked_by)
        )
    return bool(revoked)


def record_token_use(*, token: ScimToken) -> None:
    """Note when the token was last used: at most once a minute, so a busy sync writes little."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ScimToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# -- People ---------------------------------------------------------------------------------


@transaction.atomic
def provision_person(
    *,
    organisation: Organisation,
    email: str,
    full_name: str | None,
    active: bool | None,
    team: str | None,
    external_id: str | None,
) -> ProvisionedAccount:
    """Create the person (or link the account they have) as one of the organisation's people.

    :raises ValidationError: a value Spil cannot keep.
    :raises AccountConflictError: the account belongs to other organisations only, or the
        organisation's identity provider has linked it already.
    """
    email = clean_email(email)
    full_name = _clean_text(full_name, label="displayName", max_length=FULL_NAME_MAX_LENGTH)
    team = _clean_text(team, label="department", max_length=TEAM_MAX_LENGTH)
    external_id = _clean_text(external_id, label="externalId", max_length=EXTERNAL_ID_MAX_LENGTH)

    user = selectors.email_owner(email=email)
    account = None
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name or "", is_active=active is not False)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        logger.info("SCIM: organisation %s created account %s", organisation.pk, user.pk)
    else:
        memberships = Membership.objects.filter(user=user)
        if not memberships.filter(organisation=organisation).exists() and memberships.exists():
            logger.warning(
                "SCIM: organisation %s refused account %s, which belongs to other organisations only",
                organisation.pk,
                user.pk,
            )
            raise AccountConflictError(
                "An account with this userName belongs to another organisation. "
                "The platform admin of Spil can add it to this organisation."
            )
        account = ProvisionedAccount.objects.select_for_update().filter(organisation=organisation, user=user).first()
        if account is not None and account.removed_at is None:
            raise AccountConflictError("This userName is provisioned already.")
        logger.info("SCIM: organisation %s linked account %s", organisation.pk, user.pk)

    add_membership(user=user, organisation=organisation, role=Membership.Role.LEARNER)
    if account is None:
        account = ProvisionedAccount(organisation=organisation, user=user)
    else:  # removed once, provisioned again: a new resource, with a new id
        account.scim_id = uuid.uuid4()
        account.removed_at = None
    account.external_id = external_id or ""
    account.active = active
    account.save()
    if team is not None:
        _set_team(account=account, team=team)
    if full_name is not None and full_name != user.full_name:
        _change_account(account=account, full_name=full_name)
    govern_active(account=account)
    return account


@transaction.atomic
def update_person(
    *,
    account: ProvisionedAccount,
    email: str,
    full_name: str,
    active: bool | None,
    team: str,
    external_id: str | None,
) -> ProvisionedAccount:
    """Bring the person to the state the organisation's identity provider sends (PUT, PATCH).

    :raises ValidationError: a value Spil cannot keep.
    :raises AccountConflictError: the email address is another account's.
    """
    email = clean_email(email)
    full_name = _clean_text(full_name, label="displayName", max_length=FULL_NAME_MAX_LENGTH) or ""
    team = _clean_text(team, label="department", max_length=TEAM_MAX_LENGTH) or ""
    external_id = _clean_text(external_id, label="externalId", max_length=EXTERNAL_ID_MAX_LENGTH) or ""
    user = account.user

    if email != user.email or full_name != user.full_name:
        owner = selectors.email_owner(email=email) if email != user.email else None
        if owner is not None and owner.pk != user.pk:
            raise AccountConflictError("Another account has this userName.")
        _change_account(account=account, email=email, full_name=full_name)
    _set_team(account=account, team=team)
    changed = []
    if account.external_id != external_id:
        account.external_id = external_id
        changed.append("externalId")
    if account.active != active:
        account.active = active
        changed.append("active")
    if changed:
        account.save(update_fields=["external_id", "active", "updated_at"])
        logger.info("SCIM: organisation %s changed %s of account %s", account.organisation_id, changed, user.pk)
    govern_active(account=account)
    return account


@transaction.atomic
def remove_person(*, account: ProvisionedAccount) -> None:
    """The organisation's identity provider removed the person (SCIM DELETE): they are
    deactivated in this organisation and out of sight of its endpoint. The account, its
    memberships and its learning records stay."""
    account.active = False
    account.removed_at = timezone.now()
    account.save(update_fields=["active", "removed_at", "updated_at"])
    logger.info("SCIM: organisation %s removed account %s", account.organisation_id, account.user_id)
    govern_active(account=account)


def govern_active(*, account: ProvisionedAccount) -> None:
    """Switch the account on or off as the organisation says, if the organisation governs it.

    Switched off, the person is signed out everywhere at once: every session allauth tracks
    ends now, and Django's authentication refuses an inactive account on the next request of
    any session it did not track."""
    user = account.user
    should_be_active = account.active is not False
    if user.is_active == should_be_active:
        return
    if not governs(organisation=account.organisation, user=user):
        logger.info(
            "SCIM: organisation %s set active=%s for account %s, which it does not govern: account left as it is",
            account.organisation_id,
            account.active,
            user.pk,
        )
        return
    user.is_active = should_be_active
    user.save(update_fields=["is_active"])
    if should_be_active:
        logger.info("SCIM: organisation %s reactivated account %s", account.organisation_id, user.pk)
    else:
        ended = end_sessions(user=user)
        logger.info(
            "SCIM: organisation %s deactivated account %s and ended %s sessions",
            account.organisation_id,
            user.pk,
            ended,
        )


def governs(*, organisation: Organisation, user: User) -> bool:
    """Whether the organisation's identity provider may change the account itself."""
    if user.is_staff or user.is_superuser:
        return False
    return not selectors.counts_as_active_elsewhere(organisation=organisation, user=user)


def end_sessions(*, user: User) -> int:
    """End every session of the person (allauth's user sessions). Returns how many."""
    sessions = list(UserSession.objects.filter(user=user))
    get_usersessions_adapter().end_sessions(sessions)
    return len(sessions)


def clean_email(value: str | None) -> str:
    email = (_clean_text(value, label="userName", max_length=EMAIL_MAX_LENGTH) or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError("userName must be the email address the person signs in with.") from None
    return email


def _clean_text(value: str | None, *, label: str, max_length: int) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise ValidationError(f"{label} may not contain NUL characters.")
    if len(value) > max_length:
        raise ValidationError(f"{label} may be at most {max_length} characters long.")
    return value


def _change_account(*, account: ProvisionedAccount, email: str | None = None, full_name: str | None = None) -> None:
    """Change the account's email address (its login) or name, if the organisation governs it."""
    user = account.user
    changed = {}
    if email is not None and email != user.email:
        changed["email"] = email
    if full_name is not None and full_name != user.full_name:
        changed["full_name"] = full_name
    if not changed:
        return
    if not governs(organisation=account.organisation, user=user):
        logger.warning(
            "SCIM: organisation %s sent a new %s for account %s, which it does not govern: not changed",
            account.organisation_id,
            " and ".join(sorted(changed)),
            user.pk,
        )
        return
    if "email" in changed:
        EmailAddress.objects.filter(user=user, email__iexact=user.email).delete()
        EmailAddress.objects.filter(user=user).update(primary=False)
        EmailAddress.objects.update_or_create(
            user=user, email=changed["email"], defaults={"verified": True, "primary": True}
        )
    for field, value in changed.items():
        setattr(user, field, value)
    user.save(update_fields=list(changed))
    logger.info("SCIM: organisation %s changed %s of account %s", account.organisation_id, sorted(changed), user.pk)


def _set_team(*, account: ProvisionedAccount, team: str) -> None:
    """Saved one by one, not updated in bulk: a save is what tells the HR figures (they count
    per team) and the audit trail that the team changed. A person has one membership of an
    organisation, so this is one save at most."""
    changed = Membership.objects.filter(user=account.user, organisation=account.organisation).exclude(team=team)
    for membership in changed:
        membership.team = team
        membership.save(update_fields=["team"])
    if changed:
        logger.info("SCIM: organisation %s changed the team of account %s", account.organisation_id, account.user_id)


def _id(user: User | None) -> int | None:
    return user.pk if user else None
