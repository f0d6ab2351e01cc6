from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A person's rights over their data (AVG): their export, their erasure, and the
    anonymising of leavers' records once their organisation's retention period has passed."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
