from django import forms
from django.utils.translation import gettext_lazy as _

from careers.models import Competency, RoleProfilePage
from common.forms import ModelChoiceField
from curriculum.models import LearningTrackPage

from .models import Invitation
from .services import validate_invitee_name


class TargetForm(forms.Form):
    all_optional = True

    doel = ModelChoiceField(
        label=_("Vergelijk met het functieprofiel"),
        queryset=RoleProfilePage.objects.live().order_by("family", "title"),
        required=False,
        empty_label=_("(geen)"),
    )


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["name", "email", "relation"]
        labels = {"name": _("Naam"), "email": _("E-mailadres"), "relation": _("Wie is dit voor jou?")}

    def clean_name(self):
        name = self.cleaned_data["name"]
        validate_invitee_name(name)
        return name


class HeatmapForm(forms.Form):
    all_optional = True

    zelfscan = ModelChoiceField(label=_("Zelfscan"), queryset=None, required=False, empty_label=None)
    doel = ModelChoiceField(
        label=_("Vergelijk met"),
        queryset=RoleProfilePage.objects.live().order_by("family", "title"),
        required=False,
        empty_label=_("(geen)"),
    )

    def __init__(self, *args, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zelfscan"].queryset = assessments


class PlanItemForm(forms.Form):
    track = ModelChoiceField(queryset=LearningTrackPage.objects.live())
    competency = ModelChoiceField(queryset=Competency.objects.all(), required=False)
    attempt = forms.IntegerField(required=False, min_value=1)
