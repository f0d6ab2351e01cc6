"""Certificate templates, issued certificates, reminders, and batch re-rendering."""

import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

from common.storage import private_storage
from curriculum.models import LearningPath, LearningTrackPage

PLACEHOLDERS = ["naam", "prestatie", "datum", "studiebelasting", "competenties"]


class CertificateTemplate(PreviewableMixin, models.Model):
    name = models.CharField(_("naam van het sjabloon"), max_length=120, unique=True)
    title = models.CharField(_("titel op het certificaat"), max_length=120, default="Certificaat")
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Gebruik {naam}, {prestatie}, {datum}, {studiebelasting} en {competenties}; "
            "Spil vult ze per certificaat in."
        ),
    )
    organisation_name = models.CharField(_("uitgevende organisatie"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("naam ondertekenaar"), max_length=200)
    signatory_role = models.CharField(_("functie ondertekenaar"), max_length=200)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("handtekening"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent_colour = models.CharField(
        _("accentkleur"),
        max_length=7,
        default="#24578f",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Een kleur als #24578f."))],
    )
    language = models.CharField(_("taal"), max_length=8, choices=settings.LANGUAGES, default="nl")
    is_default = models.BooleanField(_("standaard voor deze taal"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("logo"), FieldPanel("accent_colour"), FieldPanel("language")],
            heading=_("Vormgeving"),
        ),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_role"), FieldPanel("signature")],
            heading=_("Ondertekening"),
        ),
        FieldPanel("is_default"),
    ]

    class Meta:
        verbose_name = _("certificaatsjabloon")
        verbose_name_plural = _("certificaatsjablonen")
        constraints = [
            models.UniqueConstraint(fields=["language"], condition=Q(is_default=True), name="one_default_per_language")
        ]

    def __str__(self):
        return self.name

    def serve_preview(self, request, mode_name):
        from .pdf import preview_response

        return preview_response(template=self)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Certificate(models.Model):
    """An issued certificate. What it says is copied in when it is issued, so it keeps
    saying the same thing when a name, a track or a template changes later."""

    number = models.CharField(_("nummer"), max_length=32, unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    source_key = models.CharField(
        max_length=120, unique=True, help_text="Idempotency key: one certificate per completion."
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    track = models.ForeignKey(
        LearningTrackPage, on_delete=models.PROTECT, null=True, blank=True, related_name="certificates"
    )
    path = models.ForeignKey(LearningPath, on_delete=models.PROTECT, null=True, blank=True, related_name="certificates")
    template = models.ForeignKey(CertificateTemplate, on_delete=models.PROTECT, related_name="certificates")
    holder_name = models.CharField(_("naam"), max_length=200)
    achievement = models.CharField(_("prestatie"), max_length=255)
    achievement_description = models.TextField(blank=True)
    study_load_hours = models.PositiveSmallIntegerField(null=True, blank=True)
    competencies = models.JSONField(default=list, blank=True)
    issuing_organisation = models.CharField(_("uitgegeven door"), max_length=200)
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisatie van de houder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
        help_text=_("De organisatie die bij de uitgifte instond voor de houder (via het lidmaatschap)."),
    )
    organisation_name = models.CharField(
        _("naam van de organisatie van de houder"), max_length=200, blank=True, editable=False
    )
    issued_at = models.DateTimeField(_("uitgegeven op"), default=timezone.now)
    expires_at = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("vervangen op"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revocation_reason = models.TextField(_("reden van intrekking"), blank=True)
    # Private: served only by the permission-checked views, never by a URL of its own.
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/", storage=private_storage, blank=True)
    rendered_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(path__isnull=False, track__isnull=True) | Q(path__isnull=True, track__isnull=False),
                name="certificate_path_xor_track",
            )
        ]
        indexes = [models.Index(fields=["user", "track"]), models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.number} {self.holder_name}"

    class Status(models.TextChoices):
        VALID = "valid", _("Geldig")
        EXPIRED = "expired", _("Verlopen")
        REVOKED = "revoked", _("Ingetrokken")
        SUPERSEDED = "superseded", _("Vervangen door een nieuwer certificaat")

    def status_at(self, moment=None) -> str:
        moment = moment or timezone.now()
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at and self.expires_at <= moment:
            return self.Status.EXPIRED
        if self.superseded_at:
            return self.Status.SUPERSEDED
        return self.Status.VALID

    @property
    def status(self) -> str:
        return self.status_at()

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class ExpiryReminder(models.Model):
    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["certificate", "days_before"], name="expiry_reminder_once")]

    def __str__(self):
        return f"{self.certificate_id}: {self.days_before}"


class RerenderBatch(models.Model):
    """Re-render every certificate of a template after it changed, with visible progress."""

    template = models.ForeignKey(CertificateTemplate, on_delete=models.CASCADE, related_name="rerenders")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.template} ({self.processed}/{self.total})"

    @property
    def percent(self) -> int:
        if self.finished_at:
            return 100
        return int(100 * self.processed / self.total) if self.total else 0
