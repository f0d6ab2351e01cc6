"""The record of every export of an HR dashboard table.

A small export is streamed straight to the adviser and recorded as done at once; a large one
is written by a Celery task into the private storage (never a URL: it is served by a view
that checks who asks) and shows its progress. Every row leaves an audit-log entry (see
``insights.audit``): who, which table, which filters and how many rows; never the data itself.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.jobs import BackgroundJob
from common.storage import private_storage

# How long a file written in the background stays available (insights.tasks.delete_expired_exports).
KEEP_FILES = datetime.timedelta(days=7)


def export_path(instance: "ExportJob", filename: str) -> str:
    """One folder per export: a second run of the task replaces its file, never adds one."""
    return f"exports/{instance.pk}/{filename}"


class ExportJob(BackgroundJob):
    """One export of one table, as CSV or XLSX; ``total`` and ``processed`` count rows."""

    class Format(models.TextChoices):
        CSV = "csv", _("CSV")
        XLSX = "xlsx", _("Excel (XLSX)")

    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("HR-adviseur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text=_("Wie de export vroeg; alleen die persoon kan het bestand downloaden."),
    )
    organisation_ids = models.JSONField(
        _("organisaties"), default=list, help_text=_("De nummers van de organisaties waarover de export gaat.")
    )
    table_key = models.CharField(_("tabel"), max_length=64, help_text=_("Welke tabel van het HR-overzicht."))
    format = models.CharField(
        _("bestandsformaat"), max_length=8, choices=Format.choices, help_text=_("CSV of Excel (XLSX).")
    )
    scope_query = models.JSONField(
        _("filters"), default=dict, blank=True, help_text=_("De filters van het HR-overzicht bij de export.")
    )
    direct = models.BooleanField(
        _("direct gedownload"),
        default=False,
        help_text=_("Klein genoeg om meteen te downloaden; anders op de achtergrond gemaakt."),
    )
    file = models.FileField(_("bestand"), upload_to=export_path, storage=private_storage, blank=True, max_length=255)
    filename = models.CharField(_("bestandsnaam"), max_length=200, help_text=_("De naam bij het downloaden."))
    total = models.PositiveIntegerField(_("aantal rijen"), default=0, help_text=_("Zoveel rijen heeft de export."))
    processed = models.PositiveIntegerField(_("geschreven"), default=0, help_text=_("Zoveel rijen zijn al geschreven."))
    downloaded_at = models.DateTimeField(
        _("laatst gedownload op"), null=True, blank=True, help_text=_("Wanneer het bestand het laatst is gedownload.")
    )
    download_count = models.PositiveIntegerField(
        _("aantal downloads"), default=0, help_text=_("Zo vaak is het bestand gedownload.")
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        indexes = [
            models.Index(fields=["adviser", "-created_at"], name="exportjob_adviser_created"),
            models.Index(fields=["finished_at"], name="exportjob_finished"),
        ]

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def expires_at(self) -> datetime.datetime | None:
        """When a file written in the background is deleted."""
        if self.direct or self.finished_at is None:
            return None
        return self.finished_at + KEEP_FILES

    @property
    def is_downloadable(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)

    @property
    def is_expired(self) -> bool:
        """Written in the background, and its file deleted since."""
        return self.status == self.Status.DONE and not self.direct and not self.file
