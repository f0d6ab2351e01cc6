"""One row per event worth answering for later: see ``audit.events.record``."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN = "login", _("Ingelogd")
    LOGIN_FAILED = "login_failed", _("Inloggen mislukt")
    LOGOUT = "logout", _("Uitgelogd")
    REFUSED = "refused", _("Toegang geweigerd")
    ROLE_CHANGED = "role_changed", _("Rol gewijzigd")
    MEMBERSHIP_CHANGED = "membership_changed", _("Lidmaatschap gewijzigd")
    ACCOUNT_CHANGED = "account_changed", _("Account gewijzigd")
    RECORD_CHANGED = "record_changed", _("Gegevens gewijzigd")
    ASSIGNMENT_CREATED = "assignment_created", _("Leergang toegewezen")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificaat ingetrokken")
    EXPORT_REQUESTED = "export_requested", _("Export aangevraagd")
    EXPORT_DOWNLOADED = "export_downloaded", _("Export gedownload")
    DATA_EXPORT = "data_export", _("Eigen gegevens gedownload")
    ERASURE = "erasure", _("Account gewist")
    RETENTION_ANONYMISED = "retention_anonymised", _("Gegevens geanonimiseerd na bewaartermijn")


class AuditEvent(models.Model):
    """What happened, who did it, to what, for which organisation; never a secret.

    The actor and subject are also kept as text (``actor_label``, ``subject_label``) so the
    entry still reads after the person or object is gone or anonymised."""

    created_at = models.DateTimeField(
        _("tijdstip"), auto_now_add=True, db_index=True, help_text=_("Wanneer het gebeurde.")
    )
    action = models.CharField(
        _("gebeurtenis"), max_length=40, choices=Action.choices, db_index=True, help_text=_("Wat er gebeurde.")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wie het deed; leeg voor het systeem of een onbekende bezoeker."),
    )
    actor_label = models.CharField(
        _("door (tekst)"),
        max_length=254,
        blank=True,
        help_text=_("Het e-mailadres van wie het deed, of wat iemand bij een mislukte inlog invulde."),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        help_text=_(
            "De organisatie waar het over gaat; haar bewaartermijn geldt voor deze regel. "
            "Zonder organisatie geldt de algemene bewaartermijn."
        ),
    )
    subject_type = models.ForeignKey(
        "contenttypes.ContentType",
        verbose_name=_("soort onderwerp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Het soort object waar het over gaat."),
    )
    subject_id = models.CharField(
        _("onderwerp-id"), max_length=64, blank=True, help_text=_("Het nummer van het object waar het over gaat.")
    )
    subject_label = models.CharField(
        _("onderwerp"), max_length=255, blank=True, help_text=_("Het object waar het over gaat, als tekst.")
    )
    path = models.CharField(
        _("adres"), max_length=255, blank=True, help_text=_("Het gevraagde webadres, zonder zoekparameters.")
    )
    ip_prefix = models.CharField(
        _("netwerk"),
        max_length=45,
        blank=True,
        help_text=_("Het netwerk van de bezoeker, ingekort (IPv4 /24, IPv6 /48): genoeg om een bron te herkennen."),
    )
    details = models.JSONField(
        _("details"), default=dict, blank=True, help_text=_("Verdere gegevens, zonder wachtwoorden of codes.")
    )
    log_entry = models.ForeignKey(
        "auditlog.LogEntry",
        verbose_name=_("wijziging"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
        help_text=_("De vastgelegde wijziging (django-auditlog) waar deze regel bij hoort."),
    )

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.actor_label}".strip()
