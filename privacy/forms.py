from django import forms
from django.utils.translation import gettext_lazy as _

# The word a person types to confirm the erasure of their account.
CONFIRMATION_WORD = "WISSEN"


class ErasureForm(forms.Form):
    understood = forms.BooleanField(
        label=_("Ik begrijp dat mijn account niet terug kan komen en dat ik daarna niet meer kan inloggen."),
        required=True,
    )
    confirmation = forms.CharField(
        label=_("Typ WISSEN om te bevestigen"),
        max_length=20,
        help_text=_("In hoofdletters, zodat niemand dit per ongeluk doet."),
    )

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip()
        if value != CONFIRMATION_WORD:
            raise forms.ValidationError(_("Typ precies WISSEN, in hoofdletters."))
        return value
