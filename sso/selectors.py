"""Reads: which organisation an email address belongs to, which identity provider signs it
in, whether a password may be used for it, and who must use two-step verification."""

from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q

from people.models import Membership, User

from .models import IdentityProvider, OrganisationDomain, normalise_domain

# Roles that see other people's data or publish for them: they sign in with a second step.
ROLES_THAT_NEED_MFA = (Membership.Role.HR, Membership.Role.ORGANISER)
# Authenticators that are a second step (recovery codes only back one up).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
# Values of the ID token's ``amr`` claim (RFC 8176) that mean more than a password: an
# explicit multi-factor or multi-channel sign-in, or a possession factor (a one-time code,
# a hardware or software key, a smart card).
MFA_AMR_VALUES = frozenset({"mfa", "mca", "otp", "hwk", "swk", "sc"})


def domain_of(email: str) -> str:
    return normalise_domain(email.rpartition("@")[2]) if "@" in (email or "") else ""


def organisation_domain_for_email(*, email: str) -> OrganisationDomain | None:
    domain = domain_of(email)
    if not domain:
        return None
    return OrganisationDomain.objects.select_related("organisation").filter(domain=domain).first()


def identity_provider_for_email(*, email: str) -> IdentityProvider | None:
    """The active identity provider that may sign in this address: its organisation's, and
    the address's domain among the provider's allowed domains."""
    domain = domain_of(email)
    if not domain:
        return None
    return (
        IdentityProvider.objects.select_related("organisation")
        .filter(is_active=True, social_app__isnull=False, allowed_domains__domain=domain)
        .first()
    )


def identity_provider_requiring_sso(*, emails: list[str]) -> IdentityProvider | None:
    """The identity provider that makes single sign-on mandatory for one of these addresses,
    if any: then no password opens, resets or creates an account for them."""
    domains = {domain_of(email) for email in emails} - {""}
    if not domains:
        return None
    return (
        IdentityProvider.objects.select_related("organisation")
        .filter(is_active=True, required=True, allowed_domains__domain__in=domains)
        .first()
    )


def identity_provider_by_provider_id(*, provider_id: str) -> IdentityProvider | None:
    return IdentityProvider.objects.select_related("organisation").filter(provider_id=provider_id).first()


def allowed_domains_of(*, identity_provider: IdentityProvider) -> set[str]:
    return set(identity_provider.allowed_domains.values_list("domain", flat=True))


def email_addresses_of(*, user: User) -> list[str]:
    from allauth.account.models import EmailAddress

    return [user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)]


def asserts_mfa(*, extra_data: dict) -> bool:
    """Whether the identity provider's ID token (as allauth stored it for the sign-in) says
    the person signed in there with more than a password."""
    id_token = extra_data.get("id_token") if isinstance(extra_data, dict) else None
    amr = id_token.get("amr") if isinstance(id_token, dict) else None
    if isinstance(amr, str):
        amr = [amr]
    if not isinstance(amr, list):
        return False
    return any(isinstance(value, str) and value.lower() in MFA_AMR_VALUES for value in amr)


def admin_permission():
    """The permission to use the Wagtail admin (``wagtailadmin.access_admin``)."""
    return Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")


def may_use_admin(*, user: User) -> bool:
    """``user.has_perm("wagtailadmin.access_admin")`` in one query instead of two (the
    person's own permissions and their groups'): the account menu asks it on every page."""
    if not user.is_active:
        return False
    return user.is_superuser or admin_permission().filter(Q(user=user) | Q(group__user=user)).exists()


# Where a request keeps whether its reader may use the admin (the account menu asks on every
# page; the two-step check of ``sso.middleware`` answers it in its own query).
ADMIN_ACCESS_ATTRIBUTE = "_spil_may_use_admin"
# Where a request keeps its reader's membership roles (the menu asks on every page; the same
# query answers it).
ROLES_ATTRIBUTE = "_spil_roles"


@dataclass(frozen=True)
class MfaStatus:
    required: bool  # must use two-step verification
    has_second_factor: bool  # has set it up
    may_use_admin: bool  # as ``may_use_admin``: asked anyway, so the account menu need not ask again
    roles: frozenset = frozenset()  # the roles of the person's memberships, as ``people.selectors.roles_of``


def mfa_status(*, user: User) -> tuple[bool, bool]:
    """(whether the person must use two-step verification, whether they have set it up), in
    one query. HR advisers, learning-circle organisers, editors (who may use the Wagtail
    admin) and platform admins must."""
    status = mfa_facts(user=user)
    return status.required, status.has_second_factor


def mfa_facts(*, user: User) -> MfaStatus:
    """``mfa_status`` with whether the person may use the admin and the roles of their
    memberships, from the same query: a row per membership (one with no role for none)."""
    admin_access = admin_permission().filter(Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")))
    rows = list(
        User.objects.filter(pk=user.pk)
        .annotate(
            has_second_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"), type__in=SECOND_FACTORS)),
            has_admin_access=Exists(admin_access),
        )
        .order_by()
        .values_list("has_second_factor", "has_admin_access", "memberships__role")
    )
    if not rows:
        return MfaStatus(required=False, has_second_factor=False, may_use_admin=False)
    has_second_factor, has_admin_access, _role = rows[0]
    roles = frozenset(role for _factor, _access, role in rows if role)
    required = user.is_superuser or user.is_staff or bool(roles & set(ROLES_THAT_NEED_MFA)) or has_admin_access
    return MfaStatus(
        required=bool(required),
        has_second_factor=bool(has_second_factor),
        may_use_admin=bool(user.is_active and (user.is_superuser or has_admin_access)),
        roles=roles,
    )
