"""A development conversation: a learner asks their HR adviser to talk about a next role,
and the adviser records what came of it."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Organisation

from .profiles import RoleProfilePage
from .records import CareerStep

MESSAGE_MAX_LENGTH = 2000
NOTES_MAX_LENGTH = 2000


class DevelopmentConversation(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        PLANNED = "planned", _("Gepland")
        HELD = "held", _("Gehouden")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    class Outcome(models.TextChoices):
        STEP = "step", _("Stap gezet")
        AGREEMENTS = "agreements", _("Ontwikkelafspraken")
        NOT_NOW = "not-now", _("Niet nu")

    OPEN = (Status.REQUESTED, Status.PLANNED)

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        related_name="development_conversations",
        help_text=_("Wie het gesprek aanvroeg."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="development_conversations",
        help_text=_("De organisatie van de deelnemer waarvan de HR-adviseurs de aanvraag kregen."),
    )
    target_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("gewenste functie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Het functieprofiel waar de deelnemer naartoe wil. Leeg als het profiel sindsdien is verwijderd."),
    )
    message = models.TextField(
        _("bericht van de deelnemer"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)],
        blank=True,
        help_text=_("Wat de deelnemer bij de aanvraag schreef, hoogstens 2000 tekens."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.REQUESTED,
        help_text=_("Aangevraagd, gepland, gehouden of door de deelnemer ingetrokken."),
    )
    requested_at = models.DateTimeField(
        _("aangevraagd op"), default=timezone.now, help_text=_("Wanneer de deelnemer het gesprek aanvroeg.")
    )
    planned_on = models.DateField(
        _("gepland op"),
        null=True,
        blank=True,
        help_text=_("De datum die de HR-adviseur en de deelnemer voor het gesprek afspraken."),
    )
    adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("HR-adviseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De HR-adviseur die het gesprek plande of de uitkomst vastlegde."),
    )
    outcome = models.CharField(
        _("uitkomst"),
        max_length=16,
        choices=Outcome.choices,
        blank=True,
        help_text=_("Stap gezet (de nieuwe functie is vastgelegd), ontwikkelafspraken (nog geen stap) of niet nu."),
    )
    outcome_notes = models.TextField(
        _("toelichting op de uitkomst"),
        max_length=NOTES_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTES_MAX_LENGTH)],
        blank=True,
        help_text=_("De afspraken of de reden, zoals de deelnemer ze te zien krijgt. Hoogstens 2000 tekens."),
    )
    held_on = models.DateField(
        _("gehouden op"), null=True, blank=True, help_text=_("De datum waarop het gesprek plaatsvond.")
    )
    career_step = models.ForeignKey(
        CareerStep,
        verbose_name=_("loopbaanstap"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De loopbaanstap die bij de uitkomst 'Stap gezet' is vastgelegd."),
    )
    closed_at = models.DateTimeField(
        _("afgesloten op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de uitkomst werd vastgelegd of de deelnemer de aanvraag introk."),
    )

    class Meta:
        verbose_name = _("ontwikkelgesprek")
        verbose_name_plural = _("ontwikkelgesprekken")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One open request per learner and role. A request names a role; the role is
            # only empty once its page was deleted, and then never blocks another request.
            models.UniqueConstraint(
                fields=["learner", "target_profile"],
                condition=models.Q(status__in=["requested", "planned"]),
                name="conversation_one_open_per_target",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="held") | ~models.Q(outcome=""),
                name="conversation_held_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self):
        return f"{self.learner}: {self.target_title}"

    @property
    def target_title(self) -> str:
        return self.target_profile.title if self.target_profile else str(_("verwijderd functieprofiel"))

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def age_in_days(self) -> int:
        """Whole days since the request, by the calendar of the site's time zone."""
        return (timezone.localdate() - timezone.localdate(self.requested_at)).days
