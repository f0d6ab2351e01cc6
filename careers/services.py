"""Writes for career records. Each write checks who may make it."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from people.models import User
from people.selectors import can_hr_see

from .models import CareerStep, CurrentRole, RoleProfilePage


def _require_adviser_of(*, adviser: User, person: User) -> None:
    if not can_hr_see(adviser=adviser, person=person):
        raise PermissionDenied("Only an HR adviser of this person's organisation may do this.")


@transaction.atomic
def declare_current_role(*, user: User, profile: RoleProfilePage, since: datetime.date) -> CurrentRole:
    """A person states their current role. A change needs a fresh confirmation by HR."""
    role = CurrentRole.objects.select_for_update().filter(user=user).first()
    if role is None:
        return CurrentRole.objects.create(user=user, profile=profile, since=since)
    if role.profile_id != profile.pk or role.since != since:
        role.profile = profile
        role.since = since
        role.confirmed_by = None
        role.confirmed_at = None
        role.save()
    return role


@transaction.atomic
def confirm_current_role(*, adviser: User, person: User) -> CurrentRole:
    _require_adviser_of(adviser=adviser, person=person)
    role = CurrentRole.objects.select_for_update().get(user=person)
    role.confirmed_by = adviser
    role.confirmed_at = timezone.now()
    role.save(update_fields=["confirmed_by", "confirmed_at"])
    return role


@transaction.atomic
def record_career_step(
    *,
    adviser: User,
    person: User,
    to_profile: RoleProfilePage,
    date: datetime.date,
    note: str = "",
    from_profile: RoleProfilePage | None = None,
) -> CareerStep:
    """HR records a step; it starts from the person's current role and becomes the new,
    confirmed current role unless an earlier date puts it in the past."""
    _require_adviser_of(adviser=adviser, person=person)
    current = CurrentRole.objects.select_for_update().filter(user=person).first()
    is_latest = current is None or date >= current.since
    if from_profile is None and current is not None and is_latest:
        from_profile = current.profile
    step = CareerStep.objects.create(
        user=person,
        from_profile=from_profile,
        to_profile=to_profile,
        date=date,
        note=note,
        recorded_by=adviser,
    )
    if is_latest:
        CurrentRole.objects.update_or_create(
            user=person,
            defaults={
                "profile": to_profile,
                "since": date,
                "confirmed_by": adviser,
                "confirmed_at": timezone.now(),
            },
        )
    return step
