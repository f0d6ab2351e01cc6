"""Permission policies for the Wagtail admin."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

WRITE_ACTIONS = frozenset({"add", "change", "delete"})


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """For records that change only through their own services (a certificate by revoking
    it, a mail by being delivered): the admin may list and inspect them, and nobody, the
    platform admin included, adds, edits or deletes them there.

    Register it with ``wagtail.permissions.register_permission_policy`` before Wagtail first
    looks up the model's policy: at the top of the module that defines the model's viewset."""

    def user_has_permission(self, user, action):
        if action in WRITE_ACTIONS:
            return False
        if action == "view":  # a group that could once edit here may still look
            return any(user.has_perm(self._get_permission_name(granted)) for granted in ("view", *WRITE_ACTIONS))
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = set(actions) - WRITE_ACTIONS
        if "view" in actions:
            actions |= WRITE_ACTIONS
        elif not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)
