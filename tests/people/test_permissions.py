"""The read-only policy of admin screens for records that change only through their services."""

import pytest
from django.contrib.auth.models import Permission

from people.models import OutgoingEmail, User
from people.permissions import ReadOnlyPermissionPolicy
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return ReadOnlyPermissionPolicy(OutgoingEmail)


def granted(*codenames) -> User:
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)  # a fresh object: Django caches permissions per object


def test_nobody_writes_not_even_the_platform_admin(policy):
    admin = User.objects.create_superuser(email="beheer@example.org", full_name="Beheer")
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(admin, action), action
    assert policy.user_has_permission(admin, "view")
    assert not policy.users_with_any_permission(["add", "change", "delete"]).exists()


def test_who_may_view_or_could_once_edit_may_look(policy):
    viewer, editor, other = granted("view_outgoingemail"), granted("change_outgoingemail"), granted()
    for user in (viewer, editor):
        assert policy.user_has_permission(user, "view")
        assert not policy.user_has_permission(user, "change")
    assert not policy.user_has_permission(other, "view")
    assert set(policy.users_with_any_permission(["view", "change"])) == {viewer, editor}
