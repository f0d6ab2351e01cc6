from django import forms
from django.utils.translation import gettext_lazy as _


class LookupForm(forms.Form):
    number = forms.CharField(
        label=_("Certificaatnummer"), max_length=32, help_text=_("Bijvoorbeeld SPIL-2026-0001-ABCD.")
    )
    surname = forms.CharField(label=_("Achternaam van de houder"), max_length=120)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden van intrekking"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Openbaar, op de verificatiepagina en in de intrekkingslijst, staat alleen dat het certificaat "
            "is ingetrokken en op welke datum. De reden zien alleen de HR-adviseurs van de organisatie, "
            "de beheerders van Spil en de deelnemer zelf, op Mijn Spil."
        ),
    )
