"""Certificate templates, issued certificates, reminders, and batch re-rendering."""

import difflib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin

from common.colours import HEX_COLOUR, validate_contrast_with_white
from common.forms import ColourInput
from common.jobs import BackgroundJob
from common.storage import private_storage
from common.tokens import new_token
from curriculum.models import LearningPath, LearningTrackPage

# The {placeholders} a template's text may use, and what Spil fills in for each.
PLACEHOLDERS = {
    "naam": _("de naam van de deelnemer"),
    "prestatie": _("de afgeronde leergang of het afgeronde leerpad"),
    "datum": _("de datum van uitgifte"),
    "studiebelasting": _("de studiebelasting in uren"),
    "competenties": _("de ontwikkelde competenties"),
}
# A {placeholder}, or a brace that belongs to none.
PLACEHOLDER_OR_BRACE = re.compile(r"\{[^{}]*\}|[{}]")


def allowed_placeholders() -> str:
    return get_text_list(["{" + name + "}" for name in PLACEHOLDERS], gettext("en"))


def body_help_text() -> str:
    fields = get_text_list([f"{{{name}}} ({description})" for name, description in PLACEHOLDERS.items()], gettext("en"))
    return gettext(
        "De tekst van het certificaat. Spil vult deze invulvelden per certificaat in: %(fields)s. "
        "Typ ze precies zo, met de accolades. Een witregel begint een nieuwe alinea."
    ) % {"fields": fields}


def validate_placeholders(body: str) -> None:
    """Refuse a {placeholder} Spil does not know (it would be printed as typed on every
    certificate) and a brace that opens or closes none."""
    errors = []
    for match in PLACEHOLDER_OR_BRACE.finditer(body):
        token = match.group(0)
        if len(token) == 1:
            start, end = max(match.start() - 20, 0), match.end() + 20
            context = " ".join(body[start:end].split())
            message = gettext(
                "Er staat een losse %(brace)s in de tekst, bij '%(context)s'. "
                "Een invulveld staat tussen één { en één }, zoals {naam}."
            ) % {"brace": token, "context": context}
        elif token[1:-1] not in PLACEHOLDERS:
            message = gettext("Het invulveld %(placeholder)s bestaat niet.") % {"placeholder": token}
            if close := difflib.get_close_matches(token[1:-1].strip().lower(), PLACEHOLDERS, n=1):
                message += " " + gettext("Bedoel je %(suggestion)s?") % {"suggestion": "{" + close[0] + "}"}
        else:
            continue
        if message not in errors:
            errors.append(message)
    if errors:
        errors.append(gettext("Je kunt deze invulvelden gebruiken: %(allowed)s.") % {"allowed": allowed_placeholders()})
        raise ValidationError(errors, code="placeholders")


class CertificateTemplate(PreviewableMixin, models.Model):
    name = models.CharField(
        _("naam van het sjabloon"),
        max_length=120,
        unique=True,
        help_text=_(
            "Om het sjabloon in het beheer terug te vinden, bijvoorbeeld 'Spil (Nederlands)'. "
            "Deelnemers zien deze naam niet."
        ),
    )
    title = models.CharField(
        _("titel op het certificaat"),
        max_length=120,
        default="Certificaat",
        help_text=_("De grote kop op het certificaat, bijvoorbeeld 'Certificaat' of 'Bewijs van deelname'."),
    )
    body = models.TextField(_("tekst"), validators=[validate_placeholders], help_text=lazy(body_help_text, str)())
    organisation_name = models.CharField(
        _("uitgevende organisatie"),
        max_length=200,
        help_text=_("De organisatie die het certificaat uitgeeft; de naam staat bovenaan het certificaat."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Staat rechtsboven op het certificaat. Kies een logo op een witte of doorzichtige achtergrond."),
    )
    signatory_name = models.CharField(
        _("naam ondertekenaar"),
        max_length=200,
        help_text=_("Wie het certificaat ondertekent, met voornaam en achternaam."),
    )
    signatory_role = models.CharField(
        _("functie ondertekenaar"),
        max_length=200,
        help_text=_("Staat onder de naam van de ondertekenaar, bijvoorbeeld 'Programmamanager opleidingen'."),
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("handtekening"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Een scan van de handtekening op een witte of doorzichtige achtergrond. Mag leeg blijven."),
    )
    accent_colour = models.CharField(
        _("accentkleur"),
        max_length=7,
        default="#24578f",
        validators=[
            RegexValidator(HEX_COLOUR, _("Kies een kleur, of typ er een als #24578f.")),
            validate_contrast_with_white,
        ],
        help_text=_(
            "De kleur van de titel en de rand van het certificaat. Kies een donkere kleur: "
            "tegen wit moet het contrast minstens 4,5:1 zijn."
        ),
    )
    language = models.CharField(
        _("taal"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_(
            "De taal van het certificaat. Een deelnemer krijgt het standaardsjabloon in de eigen voorkeurstaal."
        ),
    )
    is_default = models.BooleanField(
        _("standaard voor deze taal"),
        default=False,
        help_text=_("Spil maakt elk nieuw certificaat in deze taal met het standaardsjabloon. Elke taal heeft er één."),
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("logo"),
                FieldPanel("accent_colour", widget=ColourInput),
                FieldPanel("language"),
            ],
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
            models.UniqueConstraint(
                fields=["language"],
                condition=Q(is_default=True),
                name="one_default_per_language",
                violation_error_message=_(
                    "Deze taal heeft al een standaardsjabloon. "
                    "Zet bij dat sjabloon eerst 'standaard voor deze taal' uit."
                ),
            )
        ]

    def __str__(self):
        return self.name

    def serve_preview(self, request, mode_name):
        from .pdf import preview_response

        return preview_response(template=self)


class StatusList(models.Model):
    """A W3C Bitstring Status List for revocation: one bit per certificate, set when the
    certificate is revoked. It is published as a signed ``BitstringStatusListCredential`` at a
    stable URL, signed afresh (and stored) each time a bit changes. Certificates get a random
    free index, so a list's order says nothing about who received a certificate when."""

    # 131,072 bits (16 KB before compression), the minimum the specification advises so that
    # one certificate's status cannot be told from the list's size.
    DEFAULT_SIZE = 131_072

    purpose = models.CharField(_("doel"), max_length=20, default="revocation", editable=False)
    size = models.PositiveIntegerField(_("aantal plaatsen"), default=DEFAULT_SIZE, editable=False)
    credential = models.JSONField(_("ondertekende statuslijst"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)

    class Meta:
        verbose_name = _("statuslijst")
        verbose_name_plural = _("statuslijsten")

    def __str__(self):
        return f"{self.purpose} {self.pk}"


class Certificate(models.Model):
    """An issued certificate. What it says is copied in when it is issued, so it keeps
    saying the same thing when a name, a track or a template changes later."""

    number = models.CharField(
        _("nummer"),
        max_length=32,
        unique=True,
        help_text=_("Het nummer op het certificaat; Spil geeft het bij de uitgifte."),
    )
    token = models.CharField(
        _("verificatiecode"),
        max_length=64,
        unique=True,
        default=new_token,
        help_text=_(
            "Het geheime deel van de verificatielink. Verander je het, dan werkt de link op het certificaat niet meer."
        ),
    )
    source_key = models.CharField(
        _("uitgiftesleutel"),
        max_length=120,
        unique=True,
        help_text=_("Zorgt dat een afronding één certificaat geeft. Verander het niet."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="certificates",
        help_text=_("De deelnemer die het certificaat heeft gekregen."),
    )
    track = models.ForeignKey(
        LearningTrackPage,
        verbose_name=_("leergang"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        help_text=_("De afgeronde leergang. Leeg bij een certificaat voor een leerpad."),
    )
    path = models.ForeignKey(
        LearningPath,
        verbose_name=_("leerpad"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
        help_text=_("Het afgeronde leerpad. Leeg bij een certificaat voor een leergang."),
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("sjabloon"),
        on_delete=models.PROTECT,
        related_name="certificates",
        help_text=_("Het certificaatsjabloon waarmee de PDF is gemaakt."),
    )
    holder_name = models.CharField(
        _("naam"), max_length=200, help_text=_("De naam van de deelnemer zoals die op het certificaat staat.")
    )
    achievement = models.CharField(
        _("prestatie"), max_length=255, help_text=_("De leergang of het leerpad zoals die op het certificaat staat.")
    )
    achievement_description = models.TextField(
        _("omschrijving van de prestatie"),
        blank=True,
        help_text=_("Wat de deelnemer heeft geleerd, in een paar zinnen; staat in de Open Badge."),
    )
    study_load_hours = models.PositiveSmallIntegerField(
        _("studiebelasting (uren)"), null=True, blank=True, help_text=_("Zoals op het certificaat. Mag leeg blijven.")
    )
    competencies = models.JSONField(
        _("competenties"),
        default=list,
        blank=True,
        help_text=_('De ontwikkelde competenties zoals op het certificaat, als lijst: ["Plannen", "Rapporteren"].'),
    )
    issuing_organisation = models.CharField(
        _("uitgegeven door"), max_length=200, help_text=_("De organisatie die het certificaat uitgaf.")
    )
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
    issued_at = models.DateTimeField(
        _("uitgegeven op"), default=timezone.now, help_text=_("De datum op het certificaat.")
    )
    expires_at = models.DateTimeField(
        _("geldig tot"), null=True, blank=True, help_text=_("Leeg als het certificaat niet verloopt.")
    )
    superseded_at = models.DateTimeField(
        _("vervangen op"),
        null=True,
        blank=True,
        help_text=_("Wanneer een nieuwer certificaat voor dezelfde prestatie dit certificaat verving."),
    )
    revoked_at = models.DateTimeField(
        _("ingetrokken op"),
        null=True,
        blank=True,
        help_text=_("Trek een certificaat in via de knop 'Intrekken' bij de certificaten van HR, niet hier."),
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De HR-adviseur of beheerder die het certificaat introk."),
    )
    revocation_reason = models.TextField(
        _("reden van intrekking"),
        blank=True,
        help_text=_("Alleen voor HR-adviseurs en beheerders; de houder ziet hem niet."),
    )
    # The Open Badges credential, signed once when the certificate is issued; downloads serve it.
    credential = models.JSONField(_("Open Badge"), null=True, blank=True, editable=False)
    status_list = models.ForeignKey(
        StatusList,
        verbose_name=_("statuslijst"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="certificates",
    )
    status_index = models.PositiveIntegerField(_("plaats in de statuslijst"), null=True, blank=True, editable=False)
    # Private: served only by the permission-checked views, never by a URL of its own.
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/", storage=private_storage, blank=True)
    rendered_at = models.DateTimeField(
        _("PDF gemaakt op"), null=True, blank=True, help_text=_("Wanneer Spil de PDF voor het laatst maakte.")
    )
    emailed_at = models.DateTimeField(
        _("gemaild op"), null=True, blank=True, help_text=_("Wanneer Spil de houder het certificaat mailde.")
    )

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(path__isnull=False, track__isnull=True) | Q(path__isnull=True, track__isnull=False),
                name="certificate_path_xor_track",
            ),
            models.UniqueConstraint(fields=["status_list", "status_index"], name="one_certificate_per_status_bit"),
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


class RerenderBatch(BackgroundJob):
    """Re-render every certificate of a template after it changed, with visible progress.
    ``failed`` counts the certificates that could not be rendered; the job itself fails
    only when it cannot go on (the database stayed away), and can then be retried."""

    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("sjabloon"),
        on_delete=models.CASCADE,
        related_name="rerenders",
        help_text=_("Het sjabloon waarvan de certificaten opnieuw worden gemaakt."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text=_("Wie de certificaten opnieuw liet maken."),
    )
    failed = models.PositiveIntegerField(
        _("niet gelukt"), default=0, help_text=_("Zoveel certificaten konden niet opnieuw worden gemaakt.")
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("opnieuw maken van certificaten")
        verbose_name_plural = _("opnieuw maken van certificaten")

    def __str__(self):
        return f"{self.template} ({self.processed}/{self.total})"
