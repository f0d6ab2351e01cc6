"""Invitations by HR: a single-use, expiring link that brings a person into an organisation,
sent one at a time or for a whole file at once (an ``InvitationImport``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.jobs import BackgroundJob
from people.models import Membership, Organisation

# The longest values the rows may hold; a longer value in a file is a problem of its row.
NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
TEAM_MAX_LENGTH = 120
ROLE_MAX_LENGTH = 40


class InvitationImport(BackgroundJob):
    """One uploaded file of people to invite. Until HR confirms it, it is a preview: its rows
    and their problems, nothing else written. Confirmed, a Celery task invites every row;
    ``total`` and ``processed`` count rows."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="invitation_imports",
        help_text=_("De organisatie waarvoor de HR-adviseur de mensen uitnodigt."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geüpload door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text=_("De HR-adviseur die het bestand uploadde."),
    )
    file_name = models.CharField(
        _("bestandsnaam"), max_length=255, blank=True, help_text=_("De naam van het geüploade bestand.")
    )
    row_count = models.PositiveIntegerField(_("rijen"), default=0, help_text=_("Zoveel mensen staan in het bestand."))
    problem_count = models.PositiveIntegerField(
        _("rijen met een probleem"),
        default=0,
        help_text=_("Zolang één rij een probleem heeft, wordt niemand uitgenodigd."),
    )
    ignored_columns = models.JSONField(
        _("genegeerde kolommen"), default=list, blank=True, help_text=_("Kolommen die Spil niet gebruikt.")
    )
    confirmed_at = models.DateTimeField(
        _("bevestigd op"), null=True, blank=True, help_text=_("Leeg zolang het een voorvertoning is.")
    )
    invited_count = models.PositiveIntegerField(
        _("uitgenodigd"), default=0, help_text=_("Zoveel uitnodigingen zijn verstuurd.")
    )

    class Meta(BackgroundJob.Meta):
        verbose_name = _("import van uitnodigingen")
        verbose_name_plural = _("imports van uitnodigingen")
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self):
        return f"{self.file_name or _('bestand')} ({self.organisation})"

    @property
    def is_preview(self) -> bool:
        return self.confirmed_at is None


class ImportRow(models.Model):
    """One person in an uploaded file, as the file gave them, with what is wrong, if anything.
    Values longer than their field are kept cut short; the problem says they were too long."""

    job = models.ForeignKey(InvitationImport, verbose_name=_("import"), on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("rij"), help_text=_("Het rijnummer zoals een spreadsheet het toont."))
    full_name = models.CharField(_("naam"), max_length=NAME_MAX_LENGTH, blank=True)
    email = models.CharField(_("e-mailadres"), max_length=EMAIL_MAX_LENGTH, blank=True)
    team = models.CharField(_("team"), max_length=TEAM_MAX_LENGTH, blank=True)
    role = models.CharField(_("rol"), max_length=ROLE_MAX_LENGTH, blank=True)
    problems = models.JSONField(
        _("problemen"), default=list, blank=True, help_text=_("Wat er mis is met de rij: codes met hun gegevens.")
    )
    has_problems = models.BooleanField(_("heeft een probleem"), default=False)

    class Meta:
        verbose_name = _("rij van een import")
        verbose_name_plural = _("rijen van een import")
        ordering = ["job", "line"]
        constraints = [models.UniqueConstraint(fields=["job", "line"], name="import_row_unique_line")]
        indexes = [models.Index(fields=["job", "has_problems", "line"])]

    def __str__(self):
        return f"{self.line}: {self.email}"


class Invitation(models.Model):
    """A person invited into an organisation. The link carries a token of which only the
    hash is stored; sending again makes a new token, and the old link stops working.

    At most one invitation per address and organisation is pending (neither accepted nor
    revoked); an expired one is renewed when HR invites the address again."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Geaccepteerd")
        EXPIRED = "expired", _("Verlopen")
        REVOKED = "revoked", _("Ingetrokken")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text=_("De organisatie waar de persoon bij komt."),
    )
    email = models.EmailField(
        _("e-mailadres"), max_length=EMAIL_MAX_LENGTH, help_text=_("Naar dit adres gaat de uitnodiging.")
    )
    full_name = models.CharField(
        _("naam"), max_length=NAME_MAX_LENGTH, help_text=_("De naam van de uitgenodigde persoon.")
    )
    team = models.CharField(_("team"), max_length=TEAM_MAX_LENGTH, blank=True)
    role = models.CharField(
        _("rol"),
        max_length=16,
        choices=Membership.Role.choices,
        default=Membership.Role.LEARNER,
        help_text=_("De rol die de persoon krijgt. Voorlopig altijd deelnemer."),
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgenodigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    import_job = models.ForeignKey(
        InvitationImport,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        help_text=_("Het bestand waaruit de uitnodiging kwam, als dat zo is."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verstuurd op"), default=timezone.now, help_text=_("De laatste keer verstuurd."))
    send_count = models.PositiveSmallIntegerField(_("keer verstuurd"), default=1)
    expires_at = models.DateTimeField(_("verloopt op"))
    accepted_at = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Het account waarmee de uitnodiging is aangenomen."),
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_one_pending_per_address",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_accepted_or_revoked_not_both",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "-sent_at"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.OPEN

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_pending(self) -> bool:
        """Neither accepted nor revoked: open, or expired and renewable."""
        return self.accepted_at is None and self.revoked_at is None

    @property
    def is_usable(self) -> bool:
        return self.status == self.Status.OPEN
