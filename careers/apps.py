from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = _("Functieprofielen en loopbaan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit

        audit.register()
