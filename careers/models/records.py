"""A person's career record: the role they hold now and the steps that led there."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .profiles import RoleProfilePage


class CurrentRole(models.Model):
    """The role profile a person holds now: declared by them, confirmed by their HR adviser."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="current_role"
    )
    profile = models.ForeignKey(
        RoleProfilePage, verbose_name=_("functieprofiel"), on_delete=models.PROTECT, related_name="holders"
    )
    since = models.DateField(_("sinds"))
    declared_at = models.DateTimeField(_("opgegeven op"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("huidige functie")
        verbose_name_plural = _("huidige functies")

    def __str__(self):
        return f"{self.user}: {self.profile.title}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class CareerStep(models.Model):
    """One step in a person's career history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("persoon"), on_delete=models.CASCADE, related_name="career_steps"
    )
    from_profile = models.ForeignKey(
        RoleProfilePage,
        verbose_name=_("van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    to_profile = models.ForeignKey(RoleProfilePage, verbose_name=_("naar"), on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("loopbaanstap")
        verbose_name_plural = _("loopbaanstappen")
        ordering = ["-date", "-recorded_at"]
        indexes = [models.Index(fields=["user", "-date"])]

    def __str__(self):
        return f"{self.user}: → {self.to_profile.title} ({self.date})"
