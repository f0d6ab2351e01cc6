from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("Mensen en organisaties")
    default_auto_field = "django.db.models.BigAutoField"
    # This module defines a second app config (and imports Wagtail's): this one is "people".
    default = True

    def ready(self):
        from . import audit

        audit.register()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our email-and-full-name user."""

    user_viewset = "people.viewsets.UserViewSet"
