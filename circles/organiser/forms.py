"""Forms of the organiser's pages and of the members' part after a session."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from circles import attendance
from circles.forms import agenda_to_html, agenda_to_text
from circles.models import Attendance, IntakeQuestion

STATUS_PREFIX = "status-"


def parse_attendance(data) -> tuple[dict[int, str], dict[int, str]]:
    """The organiser's list as posted: ``status-u<user id>`` and ``status-w<attendance id>``
    (a walk-in without an account), each "present" or "absent". Anything else is ignored."""
    by_user: dict[int, str] = {}
    by_walk_in: dict[int, str] = {}
    valid = set(Attendance.Status.values)
    for key, value in data.items():
        if not key.startswith(STATUS_PREFIX) or value not in valid:
            continue
        kind, number = key[len(STATUS_PREFIX) : len(STATUS_PREFIX) + 1], key[len(STATUS_PREFIX) + 1 :]
        if not (number.isascii() and number.isdigit()) or len(number) > 18:
            continue
        if kind == "u":
            by_user[int(number)] = value
        elif kind == "w":
            by_walk_in[int(number)] = value
    return by_user, by_walk_in


class WalkInForm(forms.Form):
    # One of the two is needed (the page says so), neither on its own.
    all_optional = True
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Heeft de binnenloper een account met dit adres, dan telt de aanwezigheid voor dat account."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("name") and not data.get("email"):
            raise ValidationError(_("Vul een naam of een e-mailadres in."))
        return data


class ReportForm(forms.Form):
    # Empty is fine for a draft; publishing asks for text (attendance.save_report).
    all_optional = True
    report = forms.CharField(
        label=_("Verslag"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Wat er besproken is en wat de groepen inbrachten. Een lege regel begint een nieuwe alinea; begin een "
            "regel met '- ' voor een opsomming."
        ),
    )

    def __init__(self, *args, report_html: str = "", **kwargs):
        kwargs.setdefault("initial", {"report": agenda_to_text(report_html)})
        super().__init__(*args, **kwargs)

    @property
    def report_html(self) -> str:
        return agenda_to_html(self.cleaned_data["report"])


class MaterialForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"), max_length=200, help_text=_("Zoals leden het materiaal zien, bijvoorbeeld 'Presentatie'.")
    )
    file = forms.FileField(
        label=_("Bestand"),
        required=False,
        help_text=format_lazy(
            _("Een pdf, Office- of OpenDocument-bestand, tekst, csv of afbeelding van hoogstens {mb} MB."),
            mb=attendance.MATERIAL_MAX_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in sorted(attendance.MATERIAL_EXTENSIONS))}
        ),
    )
    url = forms.URLField(
        label=_("Of een link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Bijvoorbeeld naar een opname of een document op een andere site."),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            attendance.check_material_file(upload)
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            raise ValidationError(_("Voeg een bestand of een link toe, niet allebei."))
        return data


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Aanwezigheidscode"),
        max_length=20,
        help_text=_("De code van zes tekens die de organisator tijdens de bijeenkomst laat zien."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


RATINGS = [
    ("5", _("5 - heel goed")),
    ("4", _("4 - goed")),
    ("3", _("3 - redelijk")),
    ("2", _("2 - matig")),
    ("1", _("1 - slecht")),
]


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Hoe waardeer je deze bijeenkomst?"), choices=RATINGS, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Wat had je eraan, wat kan beter? De organisator leest je feedback zonder je naam."),
    )


def intake_field_name(question: IntakeQuestion) -> str:
    return f"question-{question.pk}"


class IntakeForm(forms.Form):
    """One field per question of the circle's intake poll; every question may be skipped (the
    page says so once, instead of a marker at each question)."""

    all_optional = True

    def __init__(self, *args, questions: list[IntakeQuestion], answers: dict[int, str], **kwargs):
        kwargs.setdefault("initial", {f"question-{pk}": value for pk, value in answers.items()})
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            if question.kind == IntakeQuestion.Kind.NUMBER:
                field = forms.IntegerField(label=question.question, required=False, min_value=0, max_value=1000)
            else:
                field = forms.ChoiceField(
                    label=question.question,
                    required=False,
                    choices=[(choice, choice) for choice in question.choice_list],
                    widget=forms.RadioSelect,
                )
            self.fields[intake_field_name(question)] = field

    @property
    def answers(self) -> dict[int, str]:
        return {
            question.pk: "" if (value := self.cleaned_data.get(intake_field_name(question))) is None else str(value)
            for question in self.questions
        }
