"""Organisers publish, edit, copy, move and cancel sessions of their own circle on the site;
nobody else can. Bad input is a form with Dutch messages and what was typed, never a 500."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from circles import services
from circles.forms import agenda_to_html, agenda_to_text
from circles.models import Registration, Session
from tests.people.factories import HRAdviserFactory

from .factories import LearningCirclePageFactory, OrganiserFactory, SessionFactory, in_days

pytestmark = pytest.mark.django_db


def next_week(hour=10):
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def valid_data(**changes):
    data = {
        "theme": "De functie- en taakbeschrijving",
        "date": next_week(),
        "start_time": "10:00",
        "end_time": "11:30",
        "agenda": "Welkom\n\n- Twee voorbeelden\n- In kleine groepen",
        "online_url": "https://meet.example.org/functie",
        "location": "",
        "capacity": "40",
        "registration_deadline": "",
    }
    data.update(changes)
    return data


# Who may ----------------------------------------------------------------------------------


def organiser_urls(session):
    return [
        reverse("circles:session_create", args=[session.circle.pk]),
        reverse("circles:session_copy", args=[session.pk]),
        reverse("circles:session_edit", args=[session.pk]),
        reverse("circles:session_move", args=[session.pk]),
        reverse("circles:session_cancel", args=[session.pk]),
        reverse("circles:invitations", args=[session.circle.pk]),
    ]


@pytest.fixture
def other_organiser(db):
    person = OrganiserFactory().user
    LearningCirclePageFactory(organisers=[person])
    return person


@pytest.mark.parametrize("who", ["learner", "other_organiser", "hr"])
def test_only_the_circles_organisers_may_manage_its_sessions(client, session, learner, other_organiser, who):
    person = {"learner": learner, "other_organiser": other_organiser, "hr": HRAdviserFactory().user}[who]
    client.force_login(person)
    before = Session.objects.get(pk=session.pk)
    copy = reverse("circles:session_copy", args=[session.pk])
    for url in organiser_urls(session):
        assert client.get(url).status_code == 403, url
        response = client.post(url, valid_data(message="weg", emails="a@example.org"))
        assert response.status_code == (405 if url == copy else 403), url
    after = Session.objects.get(pk=session.pk)
    assert (after.theme, after.starts_at, after.status, after.sequence) == (
        before.theme,
        before.starts_at,
        before.status,
        before.sequence,
    )
    assert Session.objects.count() == 1


def test_anonymous_people_are_sent_to_log_in(client, session):
    for url in organiser_urls(session):
        for response in (client.get(url), client.post(url, valid_data())):
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/?next=")
    assert Session.objects.count() == 1


def test_an_organiser_who_lost_the_role_may_no_longer(client, session, organiser):
    organiser.memberships.all().delete()
    client.force_login(organiser)
    assert client.get(reverse("circles:session_edit", args=[session.pk])).status_code == 403


# Publishing -------------------------------------------------------------------------------


def test_an_organiser_publishes_a_session_in_amsterdam_time(client, circle, organiser):
    client.force_login(organiser)
    response = client.post(reverse("circles:session_create", args=[circle.pk]), valid_data())
    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("circles:session", args=[session.pk])
    local = timezone.localtime(session.starts_at, datetime.timezone(datetime.timedelta(0)))
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "10:00"
    assert session.starts_at.utcoffset() is not None
    assert local.tzinfo is not None
    assert session.ends_at - session.starts_at == datetime.timedelta(minutes=90)
    assert session.created_by == organiser
    assert session.agenda == "<p>Welkom</p><ul><li>Twee voorbeelden</li><li>In kleine groepen</li></ul>"
    html = client.get(circle.url).content.decode()
    assert "De functie- en taakbeschrijving" in html


def test_summer_and_winter_times_are_both_amsterdam(client, circle, organiser):
    client.force_login(organiser)
    year = timezone.localdate().year + 1
    for day in (f"{year}-06-08", f"{year}-12-08"):
        client.post(reverse("circles:session_create", args=[circle.pk]), valid_data(date=day))
    summer, winter = Session.objects.order_by("starts_at")
    assert summer.starts_at.astimezone(datetime.UTC).hour == 8
    assert winter.starts_at.astimezone(datetime.UTC).hour == 9


BAD_INPUT = {
    "nul bytes": ({"theme": "Thema\x00met nul"}, None),
    "100k characters": ({"theme": "x" * 100_000}, "theme"),
    "100k agenda": ({"agenda": "y" * 100_000}, "agenda"),
    "not a url": ({"online_url": "javascript:alert(1)"}, "online_url"),
    "ftp url": ({"online_url": "ftp://example.org/"}, "online_url"),
    "end before start": ({"end_time": "09:00"}, "end_time"),
    "end equals start": ({"end_time": "10:00"}, "end_time"),
    "deadline after start": ({"registration_deadline": f"{next_week()}T12:00"}, "registration_deadline"),
    "capacity 0": ({"capacity": "0"}, "capacity"),
    "capacity negative": ({"capacity": "-5"}, "capacity"),
    "capacity huge": ({"capacity": "9" * 30}, "capacity"),
    "capacity text": ({"capacity": "veel"}, "capacity"),
    "no place": ({"online_url": "", "location": ""}, "online_url"),
    "date in the past": ({"date": "2020-01-01"}, "date"),
    "no date": ({"date": ""}, "date"),
    "nonsense date": ({"date": "31-31-2031"}, "date"),
    "nonsense time": ({"start_time": "25:99"}, "start_time"),
    "nonsense deadline": ({"registration_deadline": "gisteren"}, "registration_deadline"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_a_dutch_message_and_keeps_what_was_typed(client, circle, organiser, changes, field):
    client.force_login(organiser)
    data = valid_data(**changes)
    response = client.post(reverse("circles:session_create", args=[circle.pk]), data)
    if field is None:  # the NUL is dropped by the site's middleware: the session is made without it
        assert response.status_code == 302
        assert Session.objects.get().theme == "Themamet nul"
        return
    assert response.status_code == 400
    assert not Session.objects.exists()
    form = response.context["form"]
    assert field in form.errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "utrecht-form-field-error-message" in html
    kept = "De functie- en taakbeschrijving" if field != "theme" else data["theme"][:50]
    assert kept in html
    for message in form.errors[field]:
        assert not any(word in message.lower() for word in ("enter", "ensure", "this field", "valid")), message


def test_the_nul_middleware_leaves_a_form_that_still_validates(client, session, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("circles:session_edit", args=[session.pk]),
        {"theme": "\x00", "online_url": "https://meet.example.org/\x00x", "capacity": "5"},
    )
    assert response.status_code == 400


# Copying ----------------------------------------------------------------------------------


def test_copy_the_last_session_fills_in_a_new_one_a_week_later(client, circle, organiser):
    last = SessionFactory(
        circle=circle,
        theme="Het takenpakket",
        starts_at=in_days(3, hour=14),
        capacity=120,
        location="Stadhuis Zeist, zaal 2",
        online_url="",
        registration_deadline=in_days(2, hour=12),
    )
    client.force_login(organiser)
    response = client.get(reverse("circles:session_copy", args=[last.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["theme"] == "Het takenpakket"
    assert form.initial["date"] == (timezone.localtime(last.starts_at) + datetime.timedelta(days=7)).date()
    assert form.initial["start_time"] == datetime.time(14)
    assert form.initial["capacity"] == 120
    assert form.initial["location"] == "Stadhuis Zeist, zaal 2"
    assert form.initial["registration_deadline"] == last.registration_deadline + datetime.timedelta(days=7)
    html = response.content.decode()
    assert reverse("circles:session_create", args=[circle.pk]) in html
    assert Session.objects.count() == 1


def test_a_copy_of_an_old_session_lands_in_the_future(client, circle, organiser):
    old = SessionFactory(
        circle=circle,
        starts_at=timezone.now() - datetime.timedelta(days=60),
        ends_at=timezone.now() - datetime.timedelta(days=60) + datetime.timedelta(hours=1),
    )
    client.force_login(organiser)
    form = client.get(reverse("circles:session_copy", args=[old.pk])).context["form"]
    assert form.initial["date"] > timezone.localdate()
    assert (form.initial["date"] - timezone.localtime(old.starts_at).date()).days % 7 == 0


def test_the_agenda_round_trips_between_text_and_rich_text():
    text = "Welkom & koffie\nKort voorstellen\n\n- Eerste <groep>\n- Tweede groep"
    html = agenda_to_html(text)
    assert (
        html
        == "<p>Welkom &amp; koffie<br/>Kort voorstellen</p><ul><li>Eerste &lt;groep&gt;</li><li>Tweede groep</li></ul>"
    )
    assert agenda_to_text(html) == text


# Editing, moving, cancelling -----------------------------------------------------------------


@pytest.fixture
def full_session(session, make_learner):
    """Two places taken, one on the waitlist."""
    people = [make_learner() for _ in range(3)]
    for person in people:
        services.register(session=session, user=person)
    return session, people


def test_editing_the_link_sends_the_new_one_to_those_with_a_place(client, full_session, organiser, mails):
    session, (anna, bram, _cees) = full_session
    client.force_login(organiser)
    data = {"theme": session.theme, "agenda": "", "online_url": "https://meet.example.org/nieuw", "capacity": "2"}
    with mails() as outbox:
        response = client.post(reverse("circles:session_edit", args=[session.pk]), data)
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.online_url == "https://meet.example.org/nieuw"
    assert sorted(message.to[0] for message in outbox) == sorted([anna.email, bram.email])
    assert all("https://meet.example.org/nieuw" in message.body for message in outbox)


def test_editing_keeps_what_was_typed_when_the_capacity_is_too_small(client, full_session, organiser):
    session, _people = full_session
    client.force_login(organiser)
    data = {"theme": "Nieuw thema", "online_url": session.online_url, "capacity": "1"}
    response = client.post(reverse("circles:session_edit", args=[session.pk]), data)
    assert response.status_code == 400
    assert "Er hebben al 2 mensen een plaats" in response.content.decode()
    assert "Nieuw thema" in response.content.decode()


def test_moving_tells_everyone_and_updates_their_calendars(client, full_session, organiser, mails):
    session, (anna, bram, cees) = full_session
    uid, sequence = session.uid, Session.objects.get(pk=session.pk).sequence
    client.force_login(organiser)
    new_day = (timezone.localdate() + datetime.timedelta(days=21)).isoformat()
    with mails() as outbox:
        response = client.post(
            reverse("circles:session_move", args=[session.pk]),
            {"date": new_day, "start_time": "13:00", "end_time": "14:30", "message": "De zaal was bezet."},
        )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.uid == uid
    assert session.sequence == sequence + 1
    assert timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M") == f"{new_day} 13:00"
    by_person = {message.to[0]: message for message in outbox}
    assert set(by_person) == {anna.email, bram.email, cees.email}
    for person in (anna, bram):
        message = by_person[person.email]
        assert "De zaal was bezet." in message.body
        event = icalendar.Calendar.from_ical(message.attachments[0][1]).events[0]
        assert event["SEQUENCE"] == sequence + 1
        assert str(event["UID"]) == f"{uid}@127.0.0.1"
    assert not by_person[cees.email].attachments
    assert "Je blijft op de wachtlijst staan." in by_person[cees.email].body


def test_moving_refuses_a_time_in_the_past_and_keeps_the_input(client, session, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("circles:session_move", args=[session.pk]),
        {"date": "2020-01-01", "start_time": "13:00", "end_time": "14:30"},
    )
    assert response.status_code == 400
    assert 'value="2020-01-01"' in response.content.decode()


def test_cancelling_tells_everyone_and_cancels_the_calendar_entries(client, full_session, organiser, mails):
    session, (anna, bram, cees) = full_session
    sequence = Session.objects.get(pk=session.pk).sequence
    client.force_login(organiser)
    assert client.get(reverse("circles:session_cancel", args=[session.pk])).status_code == 200
    with mails() as outbox:
        response = client.post(reverse("circles:session_cancel", args=[session.pk]), {"message": "De spreker is ziek."})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.is_cancelled
    assert session.sequence == sequence + 1
    by_person = {message.to[0]: message for message in outbox}
    assert set(by_person) == {anna.email, bram.email, cees.email}
    calendar = icalendar.Calendar.from_ical(by_person[anna.email].attachments[0][1])
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.events[0]["STATUS"] == "CANCELLED"
    assert "De spreker is ziek." in by_person[cees.email].body
    # Cancelling again sends nothing more.
    with mails() as outbox:
        client.post(reverse("circles:session_cancel", args=[session.pk]), {"message": ""})
    assert outbox == []
    assert Registration.objects.filter(session=session, status=Registration.Status.REGISTERED).count() == 2
