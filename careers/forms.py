from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import ModelChoiceField

from .models import RoleProfilePage


def profile_field(**kwargs) -> ModelChoiceField:
    return ModelChoiceField(
        queryset=RoleProfilePage.objects.live().order_by("family", "title"),
        label=kwargs.pop("label", _("Functieprofiel")),
        **kwargs,
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class NotInFutureDateField(forms.DateField):
    widget = DateInput

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))


class DeclareRoleForm(forms.Form):
    profile = profile_field(label=_("Mijn huidige functie"))
    since = NotInFutureDateField(label=_("Sinds"), help_text=_("De datum waarop je in deze functie begon."))


class CareerStepForm(forms.Form):
    to_profile = profile_field(label=_("Nieuwe functie"))
    date = NotInFutureDateField(label=_("Ingangsdatum"))
    note = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
