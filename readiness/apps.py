from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadinessConfig(AppConfig):
    """Career readiness: how far a learner is from a next role, composed from careers,
    curriculum, assessments, certificates and circles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "readiness"
    verbose_name = _("Loopbaanstappen")
