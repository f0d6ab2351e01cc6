from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """HR insight: the figures of an adviser's own organisation, composed from every app
    below, and their exports."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "insights"
    verbose_name = _("HR-inzicht")

    def ready(self):
        # Every process (web and Celery worker) bumps the dashboard's cache version when the
        # figures' sources change, so a cached dashboard never outlives a write by more than
        # the moment it takes to commit.
        from . import audit
        from .selectors import connect_cache_invalidation

        audit.register()
        connect_cache_invalidation()
