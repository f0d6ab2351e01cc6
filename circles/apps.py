from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CirclesConfig(AppConfig):
    name = "circles"
    verbose_name = _("Leerkringen")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
