"""Reads about people and organisations. Every feature that shows a person to an HR
adviser asks these functions, so the organisation boundary is drawn in one place."""

from django.db.models import QuerySet

from .models import Membership, Organisation, User


def organisations_advised_by(*, adviser: User) -> QuerySet[Organisation]:
    """The organisations in which ``adviser`` holds the HR-adviser role."""
    if not adviser.is_authenticated or not adviser.is_active:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=adviser, memberships__role=Membership.Role.HR).distinct()


def users_visible_to_hr(*, adviser: User, organisation: Organisation | None = None) -> QuerySet[User]:
    """The people an HR adviser may see: members of the organisations they advise.

    With ``organisation`` the answer narrows to that one organisation, and is empty when
    the adviser does not advise it.
    """
    organisations = organisations_advised_by(adviser=adviser)
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    return User.objects.filter(is_active=True, memberships__organisation__in=organisations).distinct()


def hr_advisers_of(*, person: User) -> QuerySet[User]:
    """The active HR advisers of the organisations ``person`` belongs to (``person`` too,
    if they advise one of them: callers that must leave them out exclude them)."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Membership.Role.HR,
        memberships__organisation__memberships__user=person,
    ).distinct()


def is_hr_adviser(*, user: User) -> bool:
    return organisations_advised_by(adviser=user).exists()


def can_hr_see(*, adviser: User, person: User) -> bool:
    return users_visible_to_hr(adviser=adviser).filter(pk=person.pk).exists()


def roles_of(*, user: User) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user).values_list("role", flat=True))
