"""A learner's enrolment in a track and progress through its modules."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import LearningTrackPage, ModulePage


class Enrolment(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        DECLINED = "declined", _("Afgewezen")
        ACTIVE = "active", _("Bezig")
        COMPLETED = "completed", _("Afgerond")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("deelnemer"), on_delete=models.CASCADE, related_name="enrolments"
    )
    track = models.ForeignKey(
        LearningTrackPage, verbose_name=_("leergang"), on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    requested_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    decision_reason = models.TextField(_("reden"), blank=True)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    last_module = models.ForeignKey(
        ModulePage, verbose_name=_("laatst geopend"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [models.UniqueConstraint(fields=["user", "track"], name="enrolment_unique_track")]
        indexes = [
            models.Index(fields=["user", "status"]),
            models.Index(fields=["track", "status"]),
            # Completions per month on the HR dashboard.
            models.Index(fields=["user", "completed_at"]),
        ]

    def __str__(self):
        return f"{self.user} - {self.track.title} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.COMPLETED)


class ModuleProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("inschrijving"), on_delete=models.CASCADE, related_name="progress"
    )
    module = models.ForeignKey(ModulePage, verbose_name=_("module"), on_delete=models.CASCADE, related_name="progress")
    opened_at = models.DateTimeField(_("geopend op"), auto_now_add=True)
    completed_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    reflections = models.JSONField(_("reflecties"), default=dict, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)

    class Meta:
        verbose_name = _("voortgang per module")
        verbose_name_plural = _("voortgang per module")
        constraints = [models.UniqueConstraint(fields=["enrolment", "module"], name="progress_unique_module")]

    def __str__(self):
        return f"{self.enrolment} - {self.module.title}"


class RequestReminder(models.Model):
    """Proof that the reminder of one period went out for a request HR has not decided in
    time, so the daily job sends each one once. Number 1 is the first period after the
    deadline, number 2 the next, and so on, as long as the request stays open."""

    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("aanvraag"),
        on_delete=models.CASCADE,
        related_name="request_reminders",
        help_text=_("De aanvraag waarover herinnerd is."),
    )
    number = models.PositiveSmallIntegerField(
        _("herinnering nummer"),
        help_text=_("1 voor de eerste herinnering na de termijn, 2 voor de volgende, enzovoort."),
    )
    sent_on = models.DateField(_("verstuurd op"), help_text=_("De dag waarvoor de herinnering verstuurd is."))
    escalated = models.BooleanField(
        _("naar de beheerder"),
        default=False,
        help_text=_("Er was geen actieve HR-adviseur, dus ging de herinnering naar de beheerders van Spil."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("herinnering bij een aanvraag")
        verbose_name_plural = _("herinneringen bij aanvragen")
        constraints = [models.UniqueConstraint(fields=["enrolment", "number"], name="request_reminder_once")]

    def __str__(self):
        return f"{self.enrolment_id}: {self.number}"
