"""iCalendar for learning-circle sessions, built with the ``icalendar`` library.

One event per session for its whole life: the UID (``<session.uid>@<host of SITE_URL>``)
never changes, SEQUENCE rises with every change that matters to a calendar, and a cancelled
session keeps its UID with STATUS:CANCELLED. So a calendar that received a session once
(from a mail, a download or a feed) updates that same entry when it moves or is cancelled.

- Downloads and feeds carry METHOD:PUBLISH; mails carry METHOD:REQUEST (a place, a move, a
  change) or METHOD:CANCEL, with the recipient as ATTENDEE, as iTIP (RFC 5546) asks.
- The meeting link and the address are in the copies of people who hold a place (their mail,
  their download, their personal feed), never in the public feed of a circle.
- Times are in Europe/Amsterdam, with its VTIMEZONE in the yearly-rule form that Outlook,
  Google Calendar and Apple Calendar write themselves.
"""

import datetime
from email.utils import parseaddr
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vDuration, vRecur

from people.models import User

from .models import LearningCirclePage, Session

TZID = "Europe/Amsterdam"
AMSTERDAM = ZoneInfo(TZID)
PRODID = "-//Spil//Leerkringen//NL"
# How often a subscribed calendar should fetch a feed again.
REFRESH_INTERVAL = datetime.timedelta(hours=1)
PUBLISH, REQUEST, CANCEL = "PUBLISH", "REQUEST", "CANCEL"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def session_uid(session: Session) -> str:
    return f"{session.uid}@{host()}"


def session_url(session: Session) -> str:
    return settings.SITE_URL + reverse("circles:session", args=[session.pk])


def filename(session: Session) -> str:
    return f"bijeenkomst-{session.pk}.ics"


def mail_content_type(method: str) -> str:
    """For a mail's attachment; the mail adds the character set itself."""
    return f"text/calendar; method={method}"


def _offset_rule(rule, *, name: str, before: int, after: int, start: datetime.datetime, month: int):
    """One change of offset: from UTC+``before`` to UTC+``after`` hours on the last Sunday
    of ``month``, every year since ``start``."""
    rule.add("tzname", name)
    rule.add("tzoffsetfrom", datetime.timedelta(hours=before))
    rule.add("tzoffsetto", datetime.timedelta(hours=after))
    rule.add("dtstart", start)
    rule.add("rrule", vRecur(freq="YEARLY", bymonth=month, byday="-1SU"))
    return rule


def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam as its EU rule: summer time from the last Sunday of March (02:00)
    to the last Sunday of October (03:00), in force since 1996."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(
        _offset_rule(
            TimezoneDaylight(), name="CEST", before=1, after=2, start=datetime.datetime(1996, 3, 31, 2), month=3
        )
    )
    zone.add_component(
        _offset_rule(
            TimezoneStandard(), name="CET", before=2, after=1, start=datetime.datetime(1996, 10, 27, 3), month=10
        )
    )
    return zone


def _organizer(circle: LearningCirclePage) -> vCalAddress:
    """The site's sending address, named after the circle: replies to an invitation have
    nowhere to go, and no organiser's own address is published."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or f"noreply@{host()}"
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = circle.title
    return organizer


def _attendee(user: User) -> vCalAddress:
    attendee = vCalAddress(f"mailto:{user.email}")
    attendee.params["cn"] = user.get_full_name()
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = "ACCEPTED"
    attendee.params["rsvp"] = "FALSE"
    return attendee


def _agenda_text(session: Session) -> str:
    text = normalize_newlines(strip_tags(session.agenda.replace("</p>", "\n").replace("<br/>", "\n")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _description(session: Session, *, private: bool) -> str:
    parts = [f"{session.circle.title}: {session.theme}"]
    if agenda := _agenda_text(session):
        parts.append(agenda)
    if private and session.online_url:
        parts.append(_("Link naar de online bijeenkomst: %(url)s") % {"url": session.online_url})
    parts.append(_("Meer informatie en aanmelden: %(url)s") % {"url": session_url(session)})
    return "\n\n".join(parts)


def session_event(
    session: Session, *, private: bool, attendee: User | None = None, cancelled: bool = False, stamp=None
) -> Event:
    """The VEVENT of ``session``. ``private`` adds the address and the meeting link;
    ``cancelled`` marks it cancelled for one person (who cancelled their place)."""
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp or timezone.now())
    event.add("sequence", session.sequence)
    event.add("dtstart", timezone.localtime(session.starts_at, AMSTERDAM))
    event.add("dtend", timezone.localtime(session.ends_at, AMSTERDAM))
    event.add("summary", f"{session.circle.title}: {session.theme}")
    event.add("description", _description(session, private=private))
    event.add("url", session_url(session))
    event.add("organizer", _organizer(session.circle))
    event.add("status", "CANCELLED" if cancelled or session.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("created", session.created_at)
    event.add("last-modified", session.updated_at)
    if private and (session.location or session.online_url):
        event.add("location", session.location or session.online_url)
    if attendee is not None:
        event.add("attendee", _attendee(attendee))
    return event


def _calendar(events: list[Event], *, method: str, name: str | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(amsterdam_timezone())
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def session_download(session: Session, *, private: bool) -> bytes:
    """The .ics of one session to download (METHOD:PUBLISH)."""
    return _calendar([session_event(session, private=private)], method=PUBLISH)


def session_invitation(session: Session, *, attendee: User) -> bytes:
    """The .ics in a mail to someone who holds a place: METHOD:REQUEST adds or updates the
    entry in their calendar, METHOD:CANCEL (a cancelled session) removes it."""
    method = CANCEL if session.is_cancelled else REQUEST
    return _calendar([session_event(session, private=True, attendee=attendee)], method=method)


def place_cancellation(session: Session, *, attendee: User) -> bytes:
    """The .ics in the mail to someone who gave up their place: METHOD:CANCEL for them."""
    return _calendar([session_event(session, private=True, attendee=attendee, cancelled=True)], method=CANCEL)


def circle_feed(circle: LearningCirclePage, sessions: list[Session]) -> bytes:
    """The public feed of a circle: every session, without address or meeting link."""
    stamp = timezone.now()
    return _calendar(
        [session_event(session, private=False, stamp=stamp) for session in sessions],
        method=PUBLISH,
        name=circle.title,
    )


def personal_feed(user: User, sessions: list[Session]) -> bytes:
    """The sessions ``user`` holds a place for, with their addresses and meeting links."""
    stamp = timezone.now()
    return _calendar(
        [session_event(session, private=True, stamp=stamp) for session in sessions],
        method=PUBLISH,
        name=_("Mijn bijeenkomsten in Spil"),
    )
