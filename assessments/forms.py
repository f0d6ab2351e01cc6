from django import forms
from django.utils.translation import gettext_lazy as _

from careers.models import Competency, RoleProfilePage
from curriculum.models import LearningTrackPage

from .models import Invitation


class TargetForm(forms.Form):
    all_optional = True

    doel = forms.ModelChoiceField(
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


class HeatmapForm(forms.Form):
    all_optional = True

    zelfscan = forms.ModelChoiceField(label=_("Zelfscan"), queryset=None, required=False, empty_label=None)
    doel = forms.ModelChoiceField(
        label=_("Vergelijk met"),
        queryset=RoleProfilePage.objects.live().order_by("family", "title"),
        required=False,
        empty_label=_("(geen)"),
    )

    def __init__(self, *args, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zelfscan"].queryset = assessments


class PlanItemForm(forms.Form):
    track = forms.ModelChoiceField(queryset=LearningTrackPage.objects.live())
    competency = forms.ModelChoiceField(queryset=Competency.objects.all(), required=False)
    attempt = forms.IntegerField(required=False, min_value=1)
