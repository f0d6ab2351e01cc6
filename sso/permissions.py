from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy


class PlatformAdminOnlyPermissionPolicy(BasePermissionPolicy):
    """Only the platform admin (an active superuser) lists, adds, changes or deletes these,
    whatever permissions a group grants: an organisation's email domains and identity provider
    decide who may sign in as whom."""

    def user_has_permission(self, user, action):
        return bool(user.is_authenticated and user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
