import unicodedata

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Membership


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Volledige naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if len(name) < 2:
            raise forms.ValidationError(_("Vul je volledige naam in."))
        return name


class PeopleFilterForm(forms.Form):
    """Search and filter of the HR adviser's list of people (a GET form)."""

    q = forms.CharField(
        label=_("Zoek op naam of e-mailadres"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={"max_length": _("Zoek met hoogstens %(limit_value)d tekens.")},
    )
    team = forms.ChoiceField(
        label=_("Team"),
        required=False,
        error_messages={"invalid_choice": _("Kies een team uit de lijst.")},
    )

    all_optional = True  # no "(niet verplicht)" after every filter

    def __init__(self, *args, teams: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("Alle teams")), *((team, team) for team in teams)]

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> dict[str, str]:
        """The valid filters; a field with an error filters nothing."""
        if not self.is_bound:
            return {"query": "", "team": ""}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"query": data.get("q", ""), "team": data.get("team", "")}


class TeamForm(forms.Form):
    team = forms.CharField(
        label=_("Team of afdeling"),
        max_length=Membership._meta.get_field("team").max_length,
        required=False,
        help_text=_("Bijvoorbeeld 'Programmabureau'. Laat leeg als de persoon niet bij een team hoort."),
        error_messages={"max_length": _("Een teamnaam is hoogstens %(limit_value)d tekens lang.")},
    )

    def clean_team(self):
        team = " ".join(self.cleaned_data["team"].split())
        if any(unicodedata.category(character) == "Cc" for character in team):
            raise forms.ValidationError(_("Een teamnaam kan geen onzichtbare tekens bevatten."), code="control")
        return team
