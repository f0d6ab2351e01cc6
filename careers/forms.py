from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import ModelChoiceField

from .models import DevelopmentConversation, RoleProfilePage
from .models.conversations import MESSAGE_MAX_LENGTH, NOTES_MAX_LENGTH


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


TOO_LONG = _("Deze tekst is te lang: hoogstens %(limit_value)d tekens, dit zijn er %(show_value)d.")


class NotInPastDateField(forms.DateField):
    widget = DateInput

    def validate(self, value):
        super().validate(value)
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in het verleden."))


class ConversationRequestForm(forms.Form):
    """A learner asks for a development conversation about a role. On the readiness page and
    a profile's own request form the role is fixed (a hidden field); on the request page and
    'Mijn loopbaan' the learner chooses it."""

    target_profile = profile_field(
        label=_("Over welke functie wil je praten?"),
        empty_label=_("Kies een functie"),
        error_messages={
            "required": _("Kies de functie waarover je wilt praten."),
            "invalid_choice": _("Kies een functie uit de lijst."),
        },
    )
    message = forms.CharField(
        label=_("Bericht voor je HR-adviseur"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat wil je bespreken? Hoogstens 2000 tekens."),
        error_messages={"max_length": TOO_LONG},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, fixed_profile: RoleProfilePage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_profile is not None:
            self.fields["target_profile"].widget = forms.HiddenInput()
            self.fields["target_profile"].initial = fixed_profile.pk


class PlanForm(forms.Form):
    planned_on = NotInPastDateField(label=_("Afgesproken datum"))


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        choices=DevelopmentConversation.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de uitkomst van het gesprek."),
            "invalid_choice": _("Kies een van de uitkomsten."),
        },
    )
    notes = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG},
        help_text=_("De afspraken of de reden. De deelnemer ziet deze tekst. Hoogstens 2000 tekens."),
    )
    held_on = NotInFutureDateField(label=_("Datum van het gesprek"))
    step_to_profile = profile_field(
        label=_("Nieuwe functie"),
        required=False,
        error_messages={"invalid_choice": _("Kies een functie uit de lijst.")},
    )
    step_date = NotInFutureDateField(
        label=_("Ingangsdatum van de nieuwe functie"),
        required=False,
        help_text=_("Laat je hem leeg, dan geldt de datum van het gesprek."),
    )

    def __init__(self, *args, conversation: DevelopmentConversation, **kwargs):
        self.conversation = conversation
        kwargs.setdefault(
            "initial", {"held_on": timezone.localdate(), "step_to_profile": conversation.target_profile_id}
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        held_on = cleaned.get("held_on")
        if held_on and held_on < timezone.localdate(self.conversation.requested_at):
            self.add_error("held_on", _("Het gesprek kan niet vóór de aanvraag zijn gehouden."))
        if cleaned.get("outcome") == DevelopmentConversation.Outcome.STEP:
            if not cleaned.get("step_to_profile") and "step_to_profile" not in self.errors:
                self.add_error("step_to_profile", _("Kies de nieuwe functie."))
        elif cleaned.get("outcome"):
            # The step fields come filled in (the target role); without a step they do not
            # count, nor does a mistake in them.
            for name in ("step_to_profile", "step_date"):
                cleaned[name] = None
                self.errors.pop(name, None)
        return cleaned
