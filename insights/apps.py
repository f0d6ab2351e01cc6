from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """HR insight: the figures of an adviser's own organisation, composed from every app
    below, and their exports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insights"
    verbose_name = _("HR-inzicht")
