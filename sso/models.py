"""An organisation's email domains and its identity provider for single sign-on.

allauth does the OpenID Connect protocol: every identity provider keeps one allauth
``SocialApp`` (provider "openid_connect") in step with it, and people who sign in through it
are known by allauth's ``SocialAccount`` (that provider id and the subject the provider gives).
"""

import hashlib
import re
from urllib.parse import urlsplit

from allauth.socialaccount.models import SocialApp
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Organisation

# A host name of letters, digits and hyphens, in at least two labels, ending in a name
# (not a number): "zeist.nl", "minbzk.rijksoverheid.nl". Checked on the ASCII (IDNA) form.
LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
HOSTNAME = re.compile(rf"^(?:{LABEL}\.)+(?!\d+$)(?:xn--[a-z0-9-]{{1,59}}|[a-z]{{2,63}})$")
OPENID_CONFIGURATION = "/.well-known/openid-configuration"
# Plain http only for a provider on this machine (tests and local trials).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def normalise_domain(value: str) -> str:
    """A domain as Spil stores and compares it: trimmed, lower case, without a final dot."""
    return (value or "").strip().lower().rstrip(".")


def validate_domain(value: str) -> None:
    domain = normalise_domain(value)
    if "@" in domain:
        raise ValidationError(
            _("Vul alleen het domein in, zonder naam en zonder '@': bijvoorbeeld zeist.nl."), code="at"
        )
    if "://" in domain or "/" in domain:
        raise ValidationError(
            _("Vul alleen het domein in, zonder https:// en zonder pad: bijvoorbeeld zeist.nl."), code="scheme"
        )
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_domain = ""
    if len(ascii_domain) > 253 or not HOSTNAME.match(ascii_domain):
        raise ValidationError(
            _("%(value)s is geen geldige domeinnaam. Een domein ziet eruit als zeist.nl."),
            code="hostname",
            params={"value": value},
        )


def normalise_issuer(value: str) -> str:
    """The issuer URL, without the discovery path or a final slash."""
    issuer = (value or "").strip()
    issuer = issuer.removesuffix(OPENID_CONFIGURATION)
    return issuer.rstrip("/")


def validate_issuer(value: str) -> None:
    parts = urlsplit(normalise_issuer(value))
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValidationError(_("Het adres van de identiteitsprovider heeft geen ?, # of inloggegevens."))
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS:
        return
    raise ValidationError(
        _("Het adres van de identiteitsprovider begint met https://, bijvoorbeeld https://login.zeist.nl."),
        code="scheme",
    )


class OrganisationDomain(models.Model):
    """An email domain the platform admin has checked belongs to the organisation. Who verifies
    an address at this domain joins the organisation as a learner."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="email_domains",
        help_text=_("De organisatie die dit e-maildomein gebruikt."),
    )
    domain = models.CharField(
        _("e-maildomein"),
        max_length=253,
        unique=True,
        validators=[validate_domain],
        help_text=_(
            "Het deel na de '@', bijvoorbeeld zeist.nl. Voeg alleen een domein toe waarvan je hebt "
            "nagegaan dat het van deze organisatie is: wie een adres op dit domein bevestigt, wordt "
            "deelnemer van de organisatie. Een domein hoort bij één organisatie."
        ),
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("e-maildomein")
        verbose_name_plural = _("e-maildomeinen")
        ordering = ["domain"]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = normalise_domain(self.domain)
        super().save(*args, **kwargs)

    def clean(self):
        self.domain = normalise_domain(self.domain)


class IdentityProvider(models.Model):
    """An organisation's OpenID Connect provider. Its client secret lives in allauth's
    ``SocialApp``, as allauth stores it, and nowhere else."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="identity_provider",
        help_text=_("De organisatie waarvan de mensen via deze identiteitsprovider inloggen."),
    )
    issuer = models.CharField(
        _("adres van de identiteitsprovider"),
        max_length=500,
        validators=[validate_issuer],
        help_text=_(
            "De 'issuer' van de OpenID Connect-provider, bijvoorbeeld https://login.zeist.nl. "
            "Spil haalt de rest op van dit adres met /.well-known/openid-configuration erachter."
        ),
    )
    client_id = models.CharField(
        _("client-ID"),
        max_length=191,
        help_text=_("De client-ID die de beheerder van de identiteitsprovider voor Spil heeft aangemaakt."),
    )
    allowed_domains = models.ManyToManyField(
        OrganisationDomain,
        verbose_name=_("toegestane e-maildomeinen"),
        related_name="identity_providers",
        help_text=_(
            "Alleen e-mailadressen op deze domeinen van de organisatie mogen via deze provider "
            "inloggen; een ander adres weigert Spil."
        ),
    )
    required = models.BooleanField(
        _("verplicht voor deze domeinen"),
        default=False,
        help_text=_(
            "Aan: wie een e-mailadres op een toegestaan domein heeft, logt alleen in met de organisatie, "
            "niet met een wachtwoord, en kan geen wachtwoord opnieuw instellen. Zet dit pas aan als "
            "bestaande accounts hun organisatie-account hebben gekoppeld."
        ),
    )
    is_active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_("Uit: niemand logt nog via deze provider in, en inloggen met de organisatie is niet verplicht."),
    )
    provider_id = models.SlugField(
        _("kenmerk bij allauth"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("Afgeleid van de organisatie en het adres van de provider; staat in het terugkeeradres."),
    )
    social_app = models.OneToOneField(
        SocialApp,
        verbose_name=_("allauth-app"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="identity_provider",
        help_text=_("De app waarmee allauth het OpenID Connect-protocol met deze provider afhandelt."),
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("identiteitsprovider")
        verbose_name_plural = _("identiteitsproviders")
        ordering = ["organisation__name"]

    def __str__(self):
        return str(self.organisation)

    def save(self, *args, **kwargs):
        self.issuer = normalise_issuer(self.issuer)
        if not self.provider_id:
            self.provider_id = self.provider_id_for(organisation=self.organisation, issuer=self.issuer)
        super().save(*args, **kwargs)

    def clean(self):
        self.issuer = normalise_issuer(self.issuer)

    @staticmethod
    def provider_id_for(*, organisation: Organisation, issuer: str) -> str:
        """allauth's provider id: the organisation and a fingerprint of the issuer. People are
        known by this id and the provider's subject, so a new issuer, whose subjects may name
        other people, gets a new id and never reaches the accounts of the old one."""
        fingerprint = hashlib.sha256(normalise_issuer(issuer).encode()).hexdigest()[:12]
        return f"organisatie-{organisation.pk}-{fingerprint}"
