from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurriculumConfig(AppConfig):
    name = "curriculum"
    verbose_name = _("Leeraanbod")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import status

        status.connect()
