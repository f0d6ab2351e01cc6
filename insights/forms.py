"""The filter form of the HR insights dashboard (a GET form): team, role profile and period.

Its choices are only what the adviser's own organisations hold, so a team name or a profile
id of another organisation is an invalid choice like any made-up one: the error says it does
not belong to the adviser's organisation, whether it exists elsewhere or not."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 2000
YEARS_AHEAD = 5
ECHO_CHARS = 60

THIS_YEAR, LAST_12_MONTHS, LAST_YEAR, EVERYTHING, OWN = "dit-jaar", "12-maanden", "vorig-jaar", "alles", "eigen"
PERIODS = [
    (THIS_YEAR, _("Dit jaar")),
    (LAST_12_MONTHS, _("Laatste 12 maanden")),
    (LAST_YEAR, _("Vorig jaar")),
    (EVERYTHING, _("Alles")),
    (OWN, _("Zelf kiezen")),
]
DEFAULT_PERIOD = THIS_YEAR
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y"]


def preset_dates(period: str, *, today: datetime.date) -> tuple[datetime.date | None, datetime.date | None]:
    """The first and last day of a preset period; (None, None) for everything."""
    if period == THIS_YEAR:
        return today.replace(month=1, day=1), today
    if period == LAST_YEAR:
        return datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    if period == LAST_12_MONTHS:
        # From the day after this date a year ago (28 February for a leap day) to today.
        day = min(today.day, 28) if (today.month, today.day) == (2, 29) else today.day
        return today.replace(year=today.year - 1, day=day) + datetime.timedelta(days=1), today
    return None, None


class EchoingChoiceField(forms.ChoiceField):
    """A choice field whose error repeats (the start of) what was sent: a select cannot show
    a value that is not one of its options, so the message keeps it in view."""

    def validate(self, value):
        try:
            super().validate(value)
        except ValidationError as error:
            if error.code != "invalid_choice":
                raise
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(str(value)).chars(ECHO_CHARS)},
            ) from None


class FilterForm(forms.Form):
    team = EchoingChoiceField(
        label=_("Team"),
        required=False,
        error_messages={
            "invalid_choice": _("Het team '%(value)s' hoort niet bij je organisatie. Je ziet nu alle teams."),
        },
    )
    functieprofiel = EchoingChoiceField(
        label=_("Functieprofiel"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Het functieprofiel '%(value)s' komt in je organisatie niet voor. Je ziet nu alle functieprofielen."
            ),
        },
    )
    periode = EchoingChoiceField(
        label=_("Periode"),
        choices=PERIODS,
        required=False,
        error_messages={"invalid_choice": _("Kies een periode uit de lijst. Je ziet nu alles.")},
    )
    van = forms.DateField(
        label=_("Van"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bij 'Zelf kiezen': de eerste dag."),
        error_messages={"invalid": _("Vul een datum in, zoals 31-12-2026.")},
    )
    tot = forms.DateField(
        label=_("Tot en met"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bij 'Zelf kiezen': de laatste dag."),
        error_messages={"invalid": _("Vul een datum in, zoals 31-12-2026.")},
    )

    all_optional = True  # no "(niet verplicht)" after every filter

    def __init__(self, data=None, *, teams: list[str], profiles: list[tuple[int, str]], **kwargs):
        if data is not None:
            data = {name: data.get(name, "") for name in self.base_fields}
            # No period sent: the dates are one chosen by hand, else the default period.
            if not data["periode"]:
                data["periode"] = OWN if data["van"] or data["tot"] else DEFAULT_PERIOD
        kwargs.setdefault("auto_id", "inzicht-%s")
        super().__init__(data, **kwargs)
        self.fields["team"].choices = [("", _("Alle teams")), *((team, team) for team in teams)]
        self.fields["functieprofiel"].choices = [
            ("", _("Alle functieprofielen")),
            *((str(pk), title) for pk, title in profiles),
        ]
        self.fields["periode"].initial = DEFAULT_PERIOD

    def _check_day(self, name: str, today: datetime.date) -> datetime.date | None:
        day = self.cleaned_data.get(name)
        if day is None:
            return None
        last = today.year + YEARS_AHEAD
        if not EARLIEST_YEAR <= day.year <= last:
            self.add_error(name, _("Kies een datum tussen 2000 en %(year)s.") % {"year": last})
            return None
        return day

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start, end = self._check_day("van", today), self._check_day("tot", today)
        period = cleaned.get("periode")
        if period == OWN and not self.has_error("van") and not self.has_error("tot"):
            if start is None and end is None:
                self.add_error("van", _("Vul bij 'Zelf kiezen' een begindatum, een einddatum of allebei in."))
            elif start and end and start > end:
                self.add_error("tot", _("De einddatum ligt vóór de begindatum."))
        return cleaned

    def chosen_period(self, *, today: datetime.date) -> tuple[datetime.date | None, datetime.date | None]:
        """The chosen period (first and last day, None where open): the default period for
        an unbound form, everything when the period has an error."""
        if not self.is_bound:
            return preset_dates(DEFAULT_PERIOD, today=today)
        self.is_valid()
        if any(self.has_error(name) for name in ("periode", "van", "tot")):
            return None, None
        if self.cleaned_data["periode"] == OWN:
            return self.cleaned_data["van"], self.cleaned_data["tot"]
        return preset_dates(self.cleaned_data["periode"], today=today)

    def chosen_team(self) -> str:
        """The chosen team; all teams ("") when none was chosen or the choice was invalid."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get("team", "")

    def chosen_profile_id(self) -> int | None:
        """The chosen role profile's id; None when none was chosen or the choice was invalid."""
        if not self.is_bound:
            return None
        self.is_valid()
        value = self.cleaned_data.get("functieprofiel", "")
        return int(value) if value else None

    def profile_title(self, profile_id: int | None) -> str:
        """The title of one of the form's role profiles ("" for none)."""
        if profile_id is None:
            return ""
        return dict(self.fields["functieprofiel"].choices).get(str(profile_id), "")
