"""The iCalendar output, read back by two independent parsers: ``icalendar`` (which wrote it)
and ``vobject`` (which did not). Both must see the same UID, times, SEQUENCE and STATUS."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from circles import calendar, services
from circles.models import CalendarFeed, Registration, Session

from .factories import RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def both(content: bytes):
    """The calendar as icalendar and as vobject read it."""
    return icalendar.Calendar.from_ical(content), vobject.readOne(content.decode())


def get_ics(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return response.content


@pytest.fixture
def summer_session(circle):
    return SessionFactory(
        circle=circle,
        theme="Functie- en taakbeschrijving",
        starts_at=datetime.datetime(2031, 6, 8, 10, 0, tzinfo=AMSTERDAM),
        ends_at=datetime.datetime(2031, 6, 8, 11, 30, tzinfo=AMSTERDAM),
        online_url="https://meet.example.org/juni",
        agenda="<p>Welkom</p><ul><li>Voorbeelden uit Zeist en Utrecht</li></ul>",
    )


class TestOneSession:
    def test_it_is_valid_icalendar_in_amsterdam_time_for_both_parsers(self, client, summer_session):
        ical, vcal = both(get_ics(client, reverse("circles:session_ics", args=[summer_session.pk])))
        assert ical["VERSION"] == "2.0"
        assert ical["METHOD"] == "PUBLISH"
        assert ical["PRODID"]
        (zone,) = ical.walk("VTIMEZONE")
        assert zone["TZID"] == "Europe/Amsterdam"
        (event,) = ical.events
        assert event.start == datetime.datetime(2031, 6, 8, 10, 0, tzinfo=AMSTERDAM)
        assert event.end - event.start == datetime.timedelta(minutes=90)
        assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert event["UID"] == f"{summer_session.uid}@127.0.0.1"
        assert event["SEQUENCE"] == 0
        assert event["STATUS"] == "CONFIRMED"
        assert event["DTSTAMP"].dt.tzinfo is not None
        assert event["URL"] == f"http://127.0.0.1:8000/leerkringen/bijeenkomsten/{summer_session.pk}/"
        assert str(event["ORGANIZER"]).startswith("mailto:")
        assert event["SUMMARY"] == "Leerkring projectondersteuners: Functie- en taakbeschrijving"
        # The other parser: the VTIMEZONE it builds itself from our rules gives the same instant.
        vevent = vcal.vevent
        assert vevent.dtstart.value == datetime.datetime(2031, 6, 8, 8, 0, tzinfo=datetime.UTC)
        assert vevent.dtstart.value.utcoffset() == datetime.timedelta(hours=2)
        assert vevent.dtend.value.utcoffset() == datetime.timedelta(hours=2)
        assert vevent.uid.value == f"{summer_session.uid}@127.0.0.1"
        assert vevent.sequence.value == "0"
        assert vcal.method.value == "PUBLISH"

    def test_winter_time_too(self, circle):
        session = SessionFactory(
            circle=circle,
            starts_at=datetime.datetime(2031, 12, 8, 10, 0, tzinfo=AMSTERDAM),
            ends_at=datetime.datetime(2031, 12, 8, 11, 30, tzinfo=AMSTERDAM),
        )
        ical, vcal = both(calendar.session_download(session, private=False))
        assert ical.events[0].start.utcoffset() == datetime.timedelta(hours=1)
        assert vcal.vevent.dtstart.value.utcoffset() == datetime.timedelta(hours=1)
        assert vcal.vevent.dtstart.value == datetime.datetime(2031, 12, 8, 9, 0, tzinfo=datetime.UTC)

    def test_the_public_copy_has_no_link_and_no_address(self, client, summer_session):
        summer_session.location = "Stadhuis Zeist"
        summer_session.save()
        content = get_ics(client, reverse("circles:session_ics", args=[summer_session.pk]))
        assert b"meet.example.org" not in content
        assert b"Stadhuis" not in content
        assert "LOCATION" not in icalendar.Calendar.from_ical(content).events[0]

    def test_text_is_escaped_for_both_parsers(self, circle):
        session = SessionFactory(circle=circle, theme='Notuleren; actielijsten, en meer\\ "citaat"')
        ical, vcal = both(calendar.session_download(session, private=True))
        assert ical.events[0]["SUMMARY"].endswith('Notuleren; actielijsten, en meer\\ "citaat"')
        assert vcal.vevent.summary.value.endswith('Notuleren; actielijsten, en meer\\ "citaat"')

    def test_the_uid_stays_and_the_sequence_rises_when_it_moves(self, summer_session, learner):
        services.register(session=summer_session, user=learner)
        before = icalendar.Calendar.from_ical(calendar.session_download(summer_session, private=True)).events[0]
        later = datetime.datetime(2031, 6, 15, 13, 0, tzinfo=AMSTERDAM)
        services.move_session(
            session=summer_session,
            starts_at=later,
            ends_at=later + datetime.timedelta(hours=1),
            registration_deadline=None,
        )
        moved = Session.objects.get(pk=summer_session.pk)
        ical, vcal = both(calendar.session_download(moved, private=True))
        after = ical.events[0]
        assert after["UID"] == before["UID"]
        assert after["SEQUENCE"] > before["SEQUENCE"]
        assert after.start == later
        assert int(vcal.vevent.sequence.value) == after["SEQUENCE"]
        assert vcal.vevent.uid.value == before["UID"]

    def test_a_cancelled_session_keeps_its_uid_with_status_cancelled(self, summer_session, learner):
        services.register(session=summer_session, user=learner)
        uid = icalendar.Calendar.from_ical(calendar.session_download(summer_session, private=True)).events[0]["UID"]
        services.cancel_session(session=summer_session)
        cancelled = Session.objects.get(pk=summer_session.pk)
        ical, vcal = both(calendar.session_invitation(cancelled, attendee=learner))
        assert ical["METHOD"] == "CANCEL"
        event = ical.events[0]
        assert event["UID"] == uid
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == cancelled.sequence
        assert vcal.vevent.status.value == "CANCELLED"
        assert vcal.vevent.attendee.value == f"mailto:{learner.email}"
        assert vcal.vevent.organizer.value.startswith("mailto:")

    def test_a_mail_invitation_is_an_itip_request(self, summer_session, learner):
        ical, vcal = both(calendar.session_invitation(summer_session, attendee=learner))
        assert ical["METHOD"] == "REQUEST"
        assert vcal.method.value == "REQUEST"
        event = ical.events[0]
        assert event["ATTENDEE"] == f"mailto:{learner.email}"
        assert event["ATTENDEE"].params["PARTSTAT"] == "ACCEPTED"
        assert "meet.example.org/juni" in event["LOCATION"]
        assert "meet.example.org/juni" in event["DESCRIPTION"]


class TestTheCircleFeed:
    def test_it_lists_every_session_without_links(self, client, circle, summer_session):
        SessionFactory(circle=circle, theme="Later dit jaar", status=Session.Status.CANCELLED)
        content = get_ics(client, reverse("circles:circle_feed", args=[circle.pk]))
        ical, vcal = both(content)
        assert len(ical.events) == 2
        assert {str(event["STATUS"]) for event in ical.events} == {"CONFIRMED", "CANCELLED"}
        assert ical["X-WR-CALNAME"] == circle.title
        assert len(vcal.contents["vevent"]) == 2
        assert b"meet.example.org" not in content

    def test_a_circle_that_is_not_published_has_no_feed(self, client, circle):
        circle.unpublish()
        assert client.get(reverse("circles:circle_feed", args=[circle.pk])).status_code == 404


class TestThePersonalFeed:
    def feed_url(self, user):
        feed = CalendarFeed.objects.get(user=user)
        return reverse("circles:personal_feed", args=[feed.token])

    def test_it_holds_the_sessions_with_a_place_and_their_links(self, client, circle, summer_session, learner):
        waiting = SessionFactory(circle=circle, theme="Vol", capacity=1)
        RegistrationFactory(session=waiting)
        services.register(session=summer_session, user=learner)
        services.register(session=waiting, user=learner)
        client.force_login(learner)
        page = client.get(reverse("circles:my_calendar"))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Functie- en taakbeschrijving" in html
        assert "Vol" in html
        client.logout()
        ical, vcal = both(get_ics(client, self.feed_url(learner)))
        assert [event["SUMMARY"] for event in ical.events] == [
            "Leerkring projectondersteuners: Functie- en taakbeschrijving"
        ]
        assert "meet.example.org/juni" in ical.events[0]["LOCATION"]
        assert vcal.vevent.location.value == "https://meet.example.org/juni"

    def test_a_cancelled_session_stays_in_it_as_cancelled(self, client, summer_session, learner):
        services.register(session=summer_session, user=learner)
        services.calendar_feed_for(user=learner)
        services.cancel_session(session=summer_session)
        ical = icalendar.Calendar.from_ical(get_ics(client, self.feed_url(learner)))
        assert ical.events[0]["STATUS"] == "CANCELLED"

    def test_a_place_given_up_leaves_it(self, client, summer_session, learner):
        services.register(session=summer_session, user=learner)
        services.cancel_registration(session=summer_session, user=learner)
        services.calendar_feed_for(user=learner)
        assert icalendar.Calendar.from_ical(get_ics(client, self.feed_url(learner))).events == []

    def test_resetting_makes_a_new_address_and_kills_the_old(self, client, learner):
        client.force_login(learner)
        client.get(reverse("circles:my_calendar"))
        old = self.feed_url(learner)
        assert client.get(old).status_code == 200
        response = client.post(reverse("circles:reset_feed"), follow=True)
        assert "Je agenda heeft een nieuw adres" in response.content.decode()
        new = self.feed_url(learner)
        assert new != old
        assert client.get(old).status_code == 404
        assert client.get(new).status_code == 200
        assert new in response.content.decode()

    def test_unknown_and_odd_tokens_are_404(self, client):
        for token in ("onbekend", "x" * 100, "%00", "a%20b"):
            assert client.get(f"/leerkringen/agenda/persoonlijk/{token}.ics").status_code == 404

    def test_the_page_needs_a_login(self, client):
        response = client.get(reverse("circles:my_calendar"))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
        assert client.get(reverse("circles:reset_feed")).status_code in (302, 405)

    def test_the_feed_of_someone_deactivated_is_gone(self, client, learner):
        services.calendar_feed_for(user=learner)
        url = self.feed_url(learner)
        learner.is_active = False
        learner.save()
        assert client.get(url).status_code == 404


def test_every_session_of_the_feed_carries_a_stable_uid(circle):
    sessions = [SessionFactory(circle=circle) for _ in range(3)]
    first = icalendar.Calendar.from_ical(calendar.circle_feed(circle, sessions))
    second = icalendar.Calendar.from_ical(calendar.circle_feed(circle, sessions))
    assert [event["UID"] for event in first.events] == [event["UID"] for event in second.events]
    assert len({event["UID"] for event in first.events}) == 3


def test_the_registration_confirms_with_the_same_uid_as_the_feed(summer_session, learner):
    registration = services.register(session=summer_session, user=learner)
    assert registration.status == Registration.Status.REGISTERED
    invitation = icalendar.Calendar.from_ical(calendar.session_invitation(summer_session, attendee=learner))
    feed = icalendar.Calendar.from_ical(calendar.personal_feed(learner, [summer_session]))
    assert invitation.events[0]["UID"] == feed.events[0]["UID"]
    assert timezone.is_aware(feed.events[0].start)
