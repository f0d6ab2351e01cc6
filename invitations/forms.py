from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from common.forms import ModelChoiceField
from people.models import Organisation, User

from .files import MAX_BYTES, MAX_ROWS, too_large_message
from .models import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, TEAM_MAX_LENGTH


class OrganisationMixin:
    """An adviser of one organisation invites for that one; an adviser of more chooses."""

    def add_organisation_field(self, organisations: list[Organisation]) -> None:
        if len(organisations) > 1:
            self.fields["organisation"] = ModelChoiceField(
                label=_("Organisatie"),
                queryset=Organisation.objects.filter(pk__in=[o.pk for o in organisations]).order_by("name"),
                empty_label=None,
                help_text=_("De organisatie waar de mensen bij komen."),
            )
            self.order_fields(["organisation"])
        self.only_organisation = organisations[0] if len(organisations) == 1 else None

    def chosen_organisation(self):
        return self.cleaned_data.get("organisation") or self.only_organisation


class InviteForm(OrganisationMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Naam"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Voornaam en achternaam, zoals de persoon ze op een certificaat wil zien."),
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Hier komt de uitnodiging binnen; met dit adres logt de persoon in."),
    )
    team = forms.CharField(
        label=_("Team"),
        max_length=TEAM_MAX_LENGTH,
        required=False,
        help_text=_("Bijvoorbeeld 'Programmabureau'. Zo kun je later een heel team een leerpad toewijzen."),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("prefix", "uitnodigen")
        super().__init__(*args, **kwargs)
        self.add_organisation_field(organisations)


class UploadForm(OrganisationMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        widget=forms.FileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        ),
        help_text=format_lazy(
            _(
                "Een CSV-bestand (UTF-8, met komma's of puntkomma's) of een Excel-bestand (.xlsx) met de kolommen "
                "naam, e-mail, team en rol, één persoon per rij. Hoogstens {size} MB en {rows} rijen."
            ),
            size=MAX_BYTES // (1024 * 1024),
            rows=f"{MAX_ROWS:,}".replace(",", "."),
        ),
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("prefix", "bestand")
        super().__init__(*args, **kwargs)
        self.add_organisation_field(organisations)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(too_large_message(), code="too_large")
        return upload


class AcceptForm(forms.Form):
    """The name and password of a new account; the address is the invited one."""

    full_name = forms.CharField(
        label=_("Volledige naam"),
        max_length=NAME_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=_("Voornaam en achternaam, zoals ze op je certificaten komen te staan."),
    )
    password1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Wachtwoord (bevestigen)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Vul je volledige naam in."))
        return name

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("De wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer."))
        elif password1:
            candidate = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, user=candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned
