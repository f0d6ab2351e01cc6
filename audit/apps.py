from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit log: who signed in, was refused, changed a role or membership, assigned,
    revoked, exported or erased what, and when; one list for admins, pruned per organisation."""

    name = "audit"
    verbose_name = _("Auditlog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
