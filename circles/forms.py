"""The forms organisers and members fill in on the site. Dates and times are entered in
Europe/Amsterdam, whatever the server's or the browser's time zone."""

import datetime
import html
import re
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import Session

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_AGENDA = 10_000
MAX_MESSAGE = 2_000
MAX_INVITATIONS = 200
BULLET = re.compile(r"^\s*[-*•]\s+")


def agenda_to_html(text: str) -> str:
    """Plain text as the rich text of a session's agenda: paragraphs at blank lines, lines
    within a paragraph kept apart, lines starting with '- ' as a bulleted list."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        if all(BULLET.match(line) for line in lines):
            items = "".join(f"<li>{html.escape(BULLET.sub('', line))}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br/>".join(html.escape(line.strip()) for line in lines) + "</p>")
    return "".join(blocks)


def agenda_to_text(rich_text: str) -> str:
    """The agenda back as the plain text of the form (the inverse of ``agenda_to_html``)."""
    text = re.sub(r"<br\s*/?>", "\n", rich_text)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = re.sub(r"</(p|ul|ol|h2|h3)>", "\n\n", text)
    text = re.sub(r"</li>", "\n", text)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class AmsterdamDateTimeField(forms.DateTimeField):
    """A date and time as typed in the browser's ``datetime-local`` field, in Amsterdam time."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        with timezone.override(AMSTERDAM):
            return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.localtime(value, AMSTERDAM)
        return super().prepare_value(value)


def _date_field():
    return forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _time_field(label):
    return forms.TimeField(label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))


def _deadline_field():
    return AmsterdamDateTimeField(
        label=_("Aanmelden kan tot"),
        required=False,
        help_text=_("Datum en tijd. Laat leeg om aanmelden tot het begin toe te staan."),
    )


def _message_field(label, help_text):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TimesMixin:
    """Date, start and end as three fields; ``cleaned_data`` gets ``starts_at`` and
    ``ends_at`` in Amsterdam time, checked against each other and the deadline."""

    require_future = True

    def clean(self):
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is None or start is None or end is None:
            return cleaned
        try:
            with timezone.override(AMSTERDAM):
                starts_at = from_current_timezone(datetime.datetime.combine(day, start))
                ends_at = from_current_timezone(datetime.datetime.combine(day, end))
        except ValidationError as error:
            self.add_error("start_time", error)
            return cleaned
        if ends_at <= starts_at:
            self.add_error("end_time", _("De eindtijd ligt na de begintijd."))
            return cleaned
        if self.require_future and starts_at <= timezone.now():
            self.add_error("date", _("Kies een datum en tijd in de toekomst."))
            return cleaned
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        deadline = cleaned.get("registration_deadline")
        if deadline and deadline > starts_at:
            self.add_error("registration_deadline", _("Aanmelden sluit uiterlijk bij het begin van de bijeenkomst."))
        return cleaned


class PlaceMixin:
    """At least one of the meeting link and the address."""

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("online_url")
            and not cleaned.get("location")
            and "online_url" not in self.errors
            and "location" not in self.errors
        ):
            self.add_error("online_url", _("Geef een link naar de online bijeenkomst of een locatie."))
        return cleaned


class SessionContentForm(forms.Form):
    theme = forms.CharField(
        label=_("Centraal thema"),
        max_length=200,
        help_text=_("Het onderwerp van deze bijeenkomst, in een regel."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        max_length=MAX_AGENDA,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Wat er wanneer gebeurt. Een lege regel begint een nieuwe alinea; regels die beginnen met een "
            "streepje worden een opsomming."
        ),
    )
    online_url = forms.URLField(
        label=_("Link naar de online bijeenkomst"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"], message=_("Geef een webadres dat begint met https://."))],
        help_text=_("Alleen zichtbaar voor wie een plaats heeft."),
    )
    location = forms.CharField(
        label=_("Locatie"),
        required=False,
        max_length=300,
        help_text=_("Adres en zaal, als de bijeenkomst op locatie is. Alleen zichtbaar voor wie een plaats heeft."),
    )
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"),
        min_value=1,
        max_value=10_000,
        help_text=_("Wie zich aanmeldt als het vol is, komt op de wachtlijst."),
        error_messages={"min_value": _("Geef minstens 1 plaats."), "max_value": _("Geef hoogstens 10.000 plaatsen.")},
    )

    def clean_agenda(self):
        return agenda_to_html(self.cleaned_data["agenda"])

    @staticmethod
    def initial_for(session: Session) -> dict:
        return {
            "theme": session.theme,
            "agenda": agenda_to_text(session.agenda),
            "online_url": session.online_url,
            "location": session.location,
            "capacity": session.capacity,
            "registration_deadline": session.registration_deadline,
        }


class SessionForm(TimesMixin, PlaceMixin, SessionContentForm):
    """A new session (or a copy of an earlier one)."""

    date = _date_field()
    start_time = _time_field(_("Begintijd"))
    end_time = _time_field(_("Eindtijd"))
    registration_deadline = _deadline_field()

    field_order = [
        "theme",
        "date",
        "start_time",
        "end_time",
        "agenda",
        "online_url",
        "location",
        "capacity",
        "registration_deadline",
    ]

    @classmethod
    def copy_of(cls, session: Session, *, now: datetime.datetime) -> dict:
        """The initial values of a new session like ``session``: the same theme, agenda,
        place and size, a week later (or as many weeks as it takes to be in the future)."""
        starts = timezone.localtime(session.starts_at, AMSTERDAM)
        weeks = 1
        while timezone.make_aware(starts.replace(tzinfo=None) + datetime.timedelta(weeks=weeks), AMSTERDAM) <= now:
            weeks += 1
        shift = datetime.timedelta(weeks=weeks)
        new_start = starts.replace(tzinfo=None) + shift
        initial = cls.initial_for(session)
        initial.update(
            {
                "date": new_start.date(),
                "start_time": new_start.time(),
                "end_time": timezone.localtime(session.ends_at, AMSTERDAM).time(),
                "registration_deadline": (
                    timezone.make_aware(
                        timezone.localtime(session.registration_deadline, AMSTERDAM).replace(tzinfo=None) + shift,
                        AMSTERDAM,
                    )
                    if session.registration_deadline
                    else None
                ),
            }
        )
        return initial


class SessionEditForm(PlaceMixin, SessionContentForm):
    """What a session is about, where, and how many places: its time changes by moving it."""

    registration_deadline = _deadline_field()

    def __init__(self, *args, session: Session, registered: int, **kwargs):
        self.session = session
        self.registered = registered
        super().__init__(*args, **kwargs)

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < self.registered:
            raise ValidationError(
                _("Er hebben al %(count)s mensen een plaats. Het aantal plaatsen kan niet lager dan dat."),
                params={"count": self.registered},
            )
        return capacity

    def clean_registration_deadline(self):
        deadline = self.cleaned_data["registration_deadline"]
        if deadline and deadline > self.session.starts_at:
            raise ValidationError(_("Aanmelden sluit uiterlijk bij het begin van de bijeenkomst."))
        return deadline


class SessionMoveForm(TimesMixin, forms.Form):
    date = _date_field()
    start_time = _time_field(_("Begintijd"))
    end_time = _time_field(_("Eindtijd"))
    registration_deadline = _deadline_field()
    message = _message_field(
        _("Bericht aan de deelnemers"),
        _("Staat in de e-mail aan iedereen die is aangemeld of op de wachtlijst staat, bijvoorbeeld waarom."),
    )

    @staticmethod
    def initial_for(session: Session) -> dict:
        starts = timezone.localtime(session.starts_at, AMSTERDAM)
        return {
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": timezone.localtime(session.ends_at, AMSTERDAM).time(),
            "registration_deadline": session.registration_deadline,
        }


class SessionCancelForm(forms.Form):
    message = _message_field(
        _("Bericht aan de deelnemers"),
        _("Staat in de e-mail aan iedereen die is aangemeld of op de wachtlijst staat, bijvoorbeeld waarom."),
    )


class InvitationForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mailadressen"),
        max_length=MAX_INVITATIONS * 260,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Een of meer adressen, elk op een eigen regel of gescheiden door komma's."),
    )

    def clean_emails(self):
        addresses = [part.strip().lower() for part in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if part.strip()]
        if not addresses:
            raise ValidationError(_("Geef minstens een e-mailadres."))
        if len(addresses) > MAX_INVITATIONS:
            raise ValidationError(_("Nodig hoogstens %(max)s mensen tegelijk uit."), params={"max": MAX_INVITATIONS})
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address[:80])
        if wrong:
            raise ValidationError(
                _("Dit is geen geldig e-mailadres: %(addresses)s."), params={"addresses": ", ".join(wrong[:5])}
            )
        return list(dict.fromkeys(addresses))
