"""What privacy keeps: a person's data exports (a ZIP built in the background, deleted after
a few days), the moments people left an organisation (for the retention period), and the
fact that an account was erased (without anything about the person)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs import BackgroundJob
from common.storage import private_storage

# How long a data export stays downloadable (privacy.tasks.delete_expired_data_exports).
KEEP_EXPORTS = datetime.timedelta(days=7)


def export_path(instance: "DataExport", filename: str) -> str:
    """One folder per export: a second run of the task replaces its file, never adds one."""
    return f"privacy/{instance.pk}/{filename}"


class DataExport(BackgroundJob):
    """One download of all of a person's data; ``total`` and ``processed`` count the parts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="data_exports",
        help_text=_("Wiens gegevens het zijn; alleen die persoon kan het bestand downloaden."),
    )
    file = models.FileField(_("bestand"), upload_to=export_path, storage=private_storage, blank=True, max_length=255)
    filename = models.CharField(_("bestandsnaam"), max_length=200, help_text=_("De naam bij het downloaden."))
    downloaded_at = models.DateTimeField(
        _("laatst gedownload op"), null=True, blank=True, help_text=_("Wanneer het bestand het laatst is gedownload.")
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("gegevensexport")
        verbose_name_plural = _("gegevensexports")
        indexes = [models.Index(fields=["user", "-created_at"], name="dataexport_user_created")]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def expires_at(self) -> datetime.datetime | None:
        return self.finished_at + KEEP_EXPORTS if self.finished_at else None

    @property
    def is_downloadable(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.DONE and not self.file


class Departure(models.Model):
    """A person left an organisation: removed by HR or the admin, or deactivated or removed by
    the organisation's identity provider. Gone again when they come back. After the
    organisation's ``leaver_retention_days`` their learning records are anonymised."""

    class How(models.TextChoices):
        REMOVED = "removed", _("Verwijderd uit de organisatie")
        DEACTIVATED = "deactivated", _("Gedeactiveerd door het identiteitsbeheer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="departures",
        help_text=_("Wie de organisatie verliet."),
    )
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="departures",
        help_text=_("De organisatie die de persoon verliet; haar bewaartermijn geldt."),
    )
    left_at = models.DateTimeField(_("vertrokken op"), help_text=_("Wanneer de persoon de organisatie verliet."))
    how = models.CharField(
        _("hoe"), max_length=16, choices=How.choices, help_text=_("Hoe Spil merkte dat de persoon vertrok.")
    )

    class Meta:
        verbose_name = _("vertrek")
        verbose_name_plural = _("vertrekken")
        ordering = ["-left_at"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="departure_unique_person")]
        indexes = [models.Index(fields=["left_at"], name="departure_left_at")]

    def __str__(self):
        return f"{self.user_id} - {self.organisation} ({self.left_at:%Y-%m-%d})"


class Erasure(models.Model):
    """An account whose person was erased: at their request or when the retention period of
    every organisation they left had passed. Says nothing about who it was."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("Op verzoek van de persoon")
        RETENTION = "retention", _("Bewaartermijn verstreken")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="erasure",
        help_text=_("Het geanonimiseerde account; de leergegevens blijven eraan hangen voor de statistiek."),
    )
    erased_at = models.DateTimeField(_("gewist op"), auto_now_add=True, help_text=_("Wanneer het account gewist is."))
    reason = models.CharField(
        _("reden"), max_length=16, choices=Reason.choices, help_text=_("Waarom het account gewist is.")
    )
    certificates_revoked = models.PositiveIntegerField(
        _("certificaten ingetrokken"), default=0, help_text=_("Zoveel certificaten zijn bij het wissen ingetrokken.")
    )
    certificates_kept = models.PositiveIntegerField(
        _("certificaten controleerbaar gehouden"),
        default=0,
        help_text=_("Zoveel certificaten blijven controleerbaar, zonder naam."),
    )

    class Meta:
        verbose_name = _("gewist account")
        verbose_name_plural = _("gewiste accounts")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.user_id} ({self.get_reason_display()}, {self.erased_at:%Y-%m-%d})"
