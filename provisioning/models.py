import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Organisation


class ScimToken(models.Model):
    """The bearer token with which an organisation's identity provider (Microsoft Entra ID,
    for example) reaches that organisation's SCIM endpoint, and only that one.

    Only a SHA-256 hash and the first characters of the token are kept: the platform admin
    sees the token once, when it is created, and a copy of the database hands out nothing.
    A token is never edited or deleted, only revoked, so the log keeps meaning something."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="scim_tokens",
        help_text=_("De organisatie waarvan het identiteitsbeheer met deze sleutel mensen aanmaakt en bijwerkt."),
    )
    description = models.CharField(
        _("omschrijving"),
        max_length=100,
        help_text=_("Waarvoor de sleutel is, bijvoorbeeld 'Microsoft Entra ID, productie'."),
    )
    prefix = models.CharField(
        _("begint met"),
        max_length=16,
        editable=False,
        help_text=_("Het begin van de sleutel, om hem te herkennen. De rest bewaart Spil niet."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("SCIM-sleutel")
        verbose_name_plural = _("SCIM-sleutels")
        ordering = ["organisation__name", "-created_at"]

    def __str__(self):
        return f"{self.organisation} - {self.description} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def get_status_display(self) -> str:
        return _("Actief") if self.is_active else _("Ingetrokken")


class ProvisionedAccount(models.Model):
    """A person as one organisation's identity provider manages them through SCIM: the link
    between the organisation and the account, with what SCIM keeps per organisation.

    ``scim_id`` is the SCIM ``id`` of the person at this organisation's endpoint (another
    organisation sees another id, or none). ``active`` is what the organisation says: False
    when it deactivated the person, None when it never said. The account itself is switched
    off only when no other organisation still counts the person as active (see services)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="provisioned_accounts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="provisioned_accounts",
    )
    scim_id = models.UUIDField(_("SCIM-id"), default=uuid.uuid4, unique=True, editable=False)
    external_id = models.CharField(
        _("id bij het identiteitsbeheer"),
        max_length=255,
        blank=True,
        help_text=_("Hoe het identiteitsbeheer van de organisatie deze persoon noemt (SCIM 'externalId')."),
    )
    active = models.BooleanField(
        _("actief volgens de organisatie"),
        null=True,
        blank=True,
        help_text=_("Nee: de organisatie heeft de persoon gedeactiveerd. Leeg: de organisatie zei er niets over."),
    )
    created_at = models.DateTimeField(_("gekoppeld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    removed_at = models.DateTimeField(
        _("ontkoppeld op"),
        null=True,
        blank=True,
        help_text=_("Wanneer het identiteitsbeheer de persoon verwijderde: gedeactiveerd, de gegevens bleven."),
    )

    class Meta:
        verbose_name = _("gekoppeld account")
        verbose_name_plural = _("gekoppelde accounts")
        ordering = ["organisation__name", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="provisioned_account_unique_person"),
        ]
        indexes = [models.Index(fields=["organisation", "removed_at", "created_at"])]

    def __str__(self):
        return f"{self.user} - {self.organisation}"
