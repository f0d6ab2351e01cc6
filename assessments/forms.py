from django import forms
from django.utils.translation import gettext_lazy as _

from careers.models import Competency, Level, RoleProfilePage
from common.forms import ModelChoiceField
from curriculum.models import LearningTrackPage

from .models import Invitation, Statement
from .services import validate_invitee_name


class TargetForm(forms.Form):
    all_optional = True

    profile = ModelChoiceField(
        label=_("Vergelijk met het functieprofiel"),
        queryset=RoleProfilePage.objects.live().order_by("family", "title"),
        required=False,
        empty_label=_("(geen)"),
    )


CHOOSE_A_LEVEL = _("Kies de beschrijving die het best bij je werk past.")


class LevelsForm(forms.Form):
    """A level of the four-level scale for each statement (field ``statement-<id>``), as
    the self-assessment's steps and the second opinion ask them.

    The levels chosen are in ``levels`` also when others are missing or wrong, so a partly
    filled step is kept; ``rows`` gives each statement with its choice and its error for
    the level-choice component."""

    def __init__(self, *args, statements: list[Statement], **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = statements
        for statement in statements:
            self.fields[self.field_name(statement)] = forms.TypedChoiceField(
                label=statement.text,
                choices=Level.choices,
                coerce=int,
                error_messages={"required": CHOOSE_A_LEVEL, "invalid_choice": CHOOSE_A_LEVEL},
            )

    @staticmethod
    def field_name(statement: Statement) -> str:
        return f"statement-{statement.pk}"

    @property
    def levels(self) -> dict[int, int]:
        self.is_valid()
        return {
            statement.pk: self.cleaned_data[self.field_name(statement)]
            for statement in self.statements
            if self.field_name(statement) in self.cleaned_data
        }

    @property
    def rows(self) -> list[tuple[Statement, str, str | None]]:
        """(statement, the chosen level as text or "", the error or None) per statement."""
        rows = []
        for statement in self.statements:
            field = self[self.field_name(statement)]
            chosen = field.value()
            rows.append((statement, "" if chosen is None else str(chosen), next(iter(field.errors), None)))
        return rows


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
