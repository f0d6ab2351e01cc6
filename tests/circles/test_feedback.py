"""Feedback after a session: a rating of 1 to 5 and a comment, once, from those who were
there; aggregated for the organiser, without names, and never shown to other members."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from circles import attendance
from circles.models import Attendance, Feedback, Registration
from tests.circles.factories import AttendanceFactory, FeedbackFactory, RegistrationFactory
from tests.circles.organiser_factories import member, organised_circle, past_session, registered, running_session
from tests.people.factories import LearnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    organiser, circle = organised_circle()
    session = past_session(circle, days=2, theme="Het takenpakket")
    anna = registered(session, full_name="Anna de Wit")
    AttendanceFactory(session=session, user=anna)
    return {"organiser": organiser, "circle": circle, "session": session, "anna": anna}


def test_who_was_there_gives_feedback_once(world):
    session, anna = world["session"], world["anna"]
    feedback = attendance.give_feedback(user=anna, session=session, rating=5, comment="  Herkenbaar!  ")
    assert (feedback.rating, feedback.comment) == (5, "Herkenbaar!")
    with pytest.raises(ValidationError, match="al feedback gegeven"):
        attendance.give_feedback(user=anna, session=session, rating=1)
    assert Feedback.objects.count() == 1


def test_registered_people_without_recorded_attendance_may_give_feedback(world):
    bram = registered(world["session"])
    attendance.give_feedback(user=bram, session=world["session"], rating=4)


@pytest.mark.parametrize("who", ["absent", "waitlisted", "stranger"])
def test_people_who_were_not_there_give_no_feedback(world, who):
    person = member(world["circle"])
    if who == "absent":
        RegistrationFactory(session=world["session"], user=person)
        AttendanceFactory(session=world["session"], user=person, status=Attendance.Status.ABSENT)
    elif who == "waitlisted":
        RegistrationFactory(session=world["session"], user=person, status=Registration.Status.WAITLISTED)
    with pytest.raises(ValidationError, match="alleen wie bij de bijeenkomst was"):
        attendance.give_feedback(user=person, session=world["session"], rating=3)


def test_feedback_opens_when_the_session_ends_and_closes_a_month_later(world):
    running = running_session(world["circle"])
    AttendanceFactory(session=running, user=world["anna"])
    assert attendance.feedback_state(user=world["anna"], session=running) == "not_yet"
    long_ago = past_session(world["circle"], days=31)
    AttendanceFactory(session=long_ago, user=world["anna"])
    assert attendance.feedback_state(user=world["anna"], session=long_ago) == "closed"
    now = world["session"].ends_at + datetime.timedelta(days=29)
    assert attendance.feedback_state(user=world["anna"], session=world["session"], now=now) is None


def test_a_rating_is_1_to_5(world):
    with pytest.raises(ValidationError):
        attendance.give_feedback(user=world["anna"], session=world["session"], rating=6)


def test_the_summary_gives_average_distribution_and_comments_without_names(world):
    session = world["session"]
    FeedbackFactory(session=session, user=world["anna"], rating=5, comment="Herkenbaar")
    for rating, comment in ((4, ""), (4, "Meer tijd voor de groepen"), (2, " ")):
        FeedbackFactory(session=session, user=registered(session), rating=rating, comment=comment)
    summary = attendance.feedback_summary(session=session)
    assert summary.count == 4
    assert summary.average == 3.8
    assert summary.distribution == [(5, 1), (4, 2), (3, 0), (2, 1), (1, 0)]
    assert summary.comments == ["Herkenbaar", "Meer tijd voor de groepen"]
    assert attendance.circle_feedback_summary(circle=world["circle"]).distribution == summary.distribution


def test_the_member_gives_feedback_on_the_site_and_returns_to_the_session(client, world):
    client.force_login(world["anna"])
    session_url = f"/leerkringen/bijeenkomsten/{world['session'].pk}/"
    html = client.get(session_url).content.decode()
    assert f"/leerkringen/bijeenkomsten/{world['session'].pk}/feedback/?next=" in html
    url = f"/leerkringen/bijeenkomsten/{world['session'].pk}/feedback/"
    page = client.get(url).content.decode()
    assert "Hoe waardeer je deze bijeenkomst?" in page
    assert "5 - heel goed" in page
    response = client.post(url, {"rating": "", "comment": "x"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = client.post(url, {"rating": "4", "comment": "Fijne groepjes", "next": session_url})
    assert response["Location"] == session_url
    assert "Je hebt feedback gegeven op deze bijeenkomst" in client.get(session_url).content.decode()
    page = client.get(url).content.decode()
    assert "Je hebt al feedback gegeven" in page
    assert "<form" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert client.post(url, {"rating": "1"}).status_code == 400
    assert Feedback.objects.get().rating == 4


def test_the_feedback_page_asks_for_a_login(client, world):
    response = client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/feedback/")
    assert response["Location"].startswith("/accounts/login/")


def test_others_never_see_anyones_feedback(client, world):
    FeedbackFactory(session=world["session"], user=world["anna"], rating=2, comment="Te kort om echt door te praten")
    for person in (registered(world["session"]), LearnerFactory().user):
        client.force_login(person)
        html = client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/").content.decode()
        assert "Te kort om echt door te praten" not in html
        assert "Anna de Wit" not in html


def test_the_organiser_reads_the_feedback_without_names(client, world):
    FeedbackFactory(session=world["session"], user=world["anna"], rating=2, comment="Te kort\nom door te praten")
    client.force_login(world["organiser"])
    html = client.get(f"/leerkringen/beheer/bijeenkomst/{world['session'].pk}/feedback/").content.decode()
    assert "Te kort<br>om door te praten" in html
    assert "Gemiddeld 2,0 van 5, uit 1 beoordeling." in html
    assert "Anna de Wit" not in html
    assert "<svg" in html
    assert "<desc id=" in html


def test_the_session_page_offers_feedback_only_after_the_session(client, world):
    running = running_session(world["circle"])
    RegistrationFactory(session=running, user=world["anna"])
    client.force_login(world["anna"])
    assert "Feedback geven" not in client.get(f"/leerkringen/bijeenkomsten/{running.pk}/").content.decode()
    assert "Feedback geven" in client.get(f"/leerkringen/bijeenkomsten/{world['session'].pk}/").content.decode()
    assert timezone.now() > world["session"].ends_at
