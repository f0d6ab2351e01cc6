from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sso"
    verbose_name = _("Inloggen met de organisatie")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
