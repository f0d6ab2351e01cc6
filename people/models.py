from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .managers import UserManager


class User(AbstractBaseUser, PermissionsMixin):
    """A person using Spil. The email address is the login."""

    email = models.EmailField(
        _("e-mailadres"),
        unique=True,
        help_text=_("Hiermee logt de persoon in; Spil stuurt de e-mails naar dit adres."),
    )
    full_name = models.CharField(
        _("volledige naam"),
        max_length=200,
        help_text=_("Voornaam en achternaam, zoals ze op een certificaat moeten staan."),
    )
    preferred_language = models.CharField(
        _("voorkeurstaal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("De taal van Spil, de e-mails en de certificaten voor deze persoon."),
    )
    is_staff = models.BooleanField(
        _("medewerker platform"),
        default=False,
        help_text=_("Mag inloggen op het beheer van de site."),
    )
    is_active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Zet dit uit in plaats van het account te verwijderen: de persoon kan dan niet meer inloggen."),
    )
    date_joined = models.DateTimeField(_("lid sinds"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["full_name", "email"]
        # People lists go by name: the first page of a large organisation walks this index.
        indexes = [models.Index(fields=["full_name", "email"], name="user_name_email")]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name.split() or [self.email])[0]


# How long HR has to decide an enrolment request (see curriculum): two weeks, as the Rijk's rule is.
REQUEST_DECISION_DAYS_DEFAULT = 14
REQUEST_DECISION_DAYS_MIN = 1
REQUEST_DECISION_DAYS_MAX = 90


# Privacy (issue 16): how long leavers' learning records and the audit log are kept.
LEAVER_RETENTION_DAYS_DEFAULT = 730
AUDIT_RETENTION_DAYS_DEFAULT = 365 * 2


class ErasureCertificates(models.TextChoices):
    """What happens to a person's certificates when their data is erased."""

    KEEP = "keep", _("Controleerbaar houden, zonder naam")
    REVOKE = "revoke", _("Intrekken")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        PROVINCIE = "provincie", _("Provincie")
        WATERSCHAP = "waterschap", _("Waterschap")
        MINISTERIE = "ministerie", _("Ministerie")
        UITVOERINGSORGANISATIE = "uitvoeringsorganisatie", _("Uitvoeringsorganisatie")
        OVERIG = "overig", _("Overig")

    name = models.CharField(
        _("naam"), max_length=200, unique=True, help_text=_("De volledige naam, bijvoorbeeld 'Gemeente Zeist'.")
    )
    slug = models.SlugField(
        _("korte naam"),
        max_length=80,
        unique=True,
        help_text=_(
            "Voor webadressen: kleine letters, cijfers en streepjes, bijvoorbeeld 'zeist'. "
            "Verander je hem, dan werken bewaarde links niet meer."
        ),
    )
    kind = models.CharField(
        _("soort"),
        max_length=32,
        choices=Kind.choices,
        default=Kind.GEMEENTE,
        help_text=_("Het soort overheidsorganisatie."),
    )
    request_decision_days = models.PositiveSmallIntegerField(
        _("dagen om over een aanvraag te besluiten"),
        default=REQUEST_DECISION_DAYS_DEFAULT,
        validators=[MinValueValidator(REQUEST_DECISION_DAYS_MIN), MaxValueValidator(REQUEST_DECISION_DAYS_MAX)],
        help_text=_(
            "Zoveel dagen heeft HR om een aanvraag voor een leergang goed te keuren of af te wijzen, "
            "tussen 1 en 90 (bij het Rijk is dat 14). Daarna krijgen de HR-adviseurs en de deelnemer "
            "elke week een herinnering; een aanvraag vervalt nooit vanzelf."
        ),
    )
    leaver_retention_days = models.PositiveIntegerField(
        _("bewaartermijn leergegevens vertrokken medewerkers (dagen)"),
        default=LEAVER_RETENTION_DAYS_DEFAULT,
        help_text=_(
            "Zo lang bewaart Spil de leergegevens van iemand die de organisatie verlaten heeft. "
            "Daarna worden ze geanonimiseerd: de cijfers blijven voor de statistiek, de persoon niet."
        ),
    )
    audit_retention_days = models.PositiveIntegerField(
        _("bewaartermijn auditlog (dagen)"),
        default=AUDIT_RETENTION_DAYS_DEFAULT,
        help_text=_(
            "Zo lang bewaart Spil de regels in het auditlog over deze organisatie; oudere regels worden verwijderd."
        ),
    )
    erasure_certificates = models.CharField(
        _("certificaten na verwijdering"),
        max_length=8,
        choices=ErasureCertificates.choices,
        default=ErasureCertificates.KEEP,
        help_text=_(
            "Wat er met de certificaten gebeurt als een medewerker zijn gegevens laat wissen. "
            "'Controleerbaar houden': het certificaat blijft echt, maar de controlepagina toont geen naam meer. "
            "'Intrekken': de controlepagina meldt dat het certificaat ingetrokken is."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(request_decision_days__gte=REQUEST_DECISION_DAYS_MIN)
                & models.Q(request_decision_days__lte=REQUEST_DECISION_DAYS_MAX),
                name="organisation_request_decision_days_range",
                violation_error_message=_("Kies tussen 1 en 90 dagen om over een aanvraag te besluiten."),
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """Ties a user to an organisation in one role. A person may hold several roles."""

    class Role(models.TextChoices):
        LEARNER = "learner", _("Deelnemer")
        HR = "hr", _("HR-adviseur")
        ORGANISER = "organiser", _("Leerkringorganisator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("De persoon die bij de organisatie hoort."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("De organisatie waar de persoon werkt."),
    )
    role = models.CharField(
        _("rol"),
        max_length=16,
        choices=Role.choices,
        default=Role.LEARNER,
        help_text=_(
            "Deelnemer, HR-adviseur of leerkringorganisator. Wie meer rollen heeft, krijgt een lidmaatschap per rol."
        ),
    )
    team = models.CharField(
        _("team of afdeling"),
        max_length=120,
        blank=True,
        help_text=_(
            "Een HR-adviseur kan een leergang of leerpad aan een heel team toewijzen, bijvoorbeeld 'Programmabureau'."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["organisation__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]
        # (organisation, team): the HR dashboard's team filter over a whole ministry.
        indexes = [models.Index(fields=["organisation", "role"]), models.Index(fields=["organisation", "team"])]

    def __str__(self):
        return f"{self.user} - {self.organisation} ({self.get_role_display()})"


class OutgoingEmail(models.Model):
    """An email the site sends, recorded first and delivered by a Celery task.

    The row makes delivery idempotent: a task that runs twice (a retry, a redelivered
    message after a worker died) finds ``sent_at`` set and sends nothing more. When the task
    gives up after its retries, the row says so, with a reason the platform admin can read.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("In de wachtrij")
        SENT = "sent", _("Verzonden")
        FAILED = "failed", _("Mislukt")

    to = models.EmailField(_("aan"), help_text=_("Het adres waar de e-mail heen gaat."))
    subject = models.CharField(_("onderwerp"), max_length=255, help_text=_("Het onderwerp van de e-mail."))
    body_text = models.TextField(_("tekst"), help_text=_("De e-mail als platte tekst."))
    body_html = models.TextField(_("HTML"), blank=True, help_text=_("De e-mail in HTML, als die er is."))
    attachments = models.JSONField(
        _("bijlagen"),
        default=list,
        blank=True,
        help_text=_("Tekstbijlagen, zoals een agendabestand (.ics): bestandsnaam, soort en inhoud."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.QUEUED,
        help_text=_("Of de e-mail nog verzonden moet worden, verzonden is, of niet verzonden kon worden."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(
        _("verzonden op"), null=True, blank=True, help_text=_("Wanneer de mailserver de e-mail aannam.")
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Zo vaak heeft Spil geprobeerd de e-mail te verzenden.")
    )
    failure_reason = models.TextField(
        _("reden"), blank=True, help_text=_("Waarom de e-mail niet verzonden is, als dat zo is.")
    )
    last_error = models.TextField(
        _("laatste foutmelding"),
        blank=True,
        help_text=_("De foutmelding van de laatste mislukte poging, zoals de mailserver hem gaf."),
    )

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @classmethod
    def mark_failed(cls, pk: int, *, reason: str) -> None:
        """Delivery gave up. A mail that was sent after all stays sent."""
        cls.objects.filter(pk=pk, sent_at__isnull=True).update(status=cls.Status.FAILED, failure_reason=str(reason))
