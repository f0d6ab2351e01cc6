"""Tasks kept in the database while the broker (Redis) is away, and the workers' heartbeat."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task that could not be handed to the broker. The relay (``outbox.services.relay``)
    sends the rows in the order they were written once the broker is back, then deletes them."""

    task_name = models.CharField(_("taak"), max_length=255, help_text=_("De naam van de Celery-taak."))
    task_id = models.CharField(
        _("taak-id"), max_length=64, help_text=_("Het id dat de taak krijgt als ze alsnog verstuurd wordt.")
    )
    args = models.JSONField(_("argumenten"), default=list, blank=True, help_text=_("De argumenten van de taak."))
    kwargs = models.JSONField(
        _("benoemde argumenten"), default=dict, blank=True, help_text=_("De benoemde argumenten van de taak.")
    )
    eta = models.DateTimeField(
        _("uitvoeren vanaf"),
        null=True,
        blank=True,
        help_text=_("Niet eerder uitvoeren dan dit moment, als dat is gevraagd."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(
        _("pogingen"), default=0, help_text=_("Zo vaak is geprobeerd de taak alsnog te versturen.")
    )
    last_error = models.TextField(
        _("laatste foutmelding"), blank=True, help_text=_("Waarom de broker de taak niet aannam.")
    )

    class Meta:
        verbose_name = _("taak in de wachtrij")
        verbose_name_plural = _("taken in de wachtrij")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.task_name} ({self.task_id})"


class Heartbeat(models.Model):
    """When a worker last ran the relay that Celery beat schedules every minute: proof that
    beat and at least one worker are alive."""

    name = models.CharField(_("naam"), max_length=64, unique=True, help_text=_("Wat de hartslag meldt."))
    beat_at = models.DateTimeField(_("laatste hartslag"), help_text=_("Wanneer de hartslag het laatst kwam."))

    class Meta:
        verbose_name = _("hartslag")
        verbose_name_plural = _("hartslagen")

    def __str__(self):
        return self.name
