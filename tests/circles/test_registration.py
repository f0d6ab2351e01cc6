"""Registering for a session: places, the waitlist, promotion, refusals, and the mail with the
calendar entry. (The races between simultaneous registrations are in test_concurrency.py.)"""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from circles import services
from circles.models import CircleMember, LearningCirclePage, Registration, Session
from people.models import OutgoingEmail

from .factories import CircleInvitationFactory, CircleMemberFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def status_of(session, user):
    return Registration.objects.get(session=session, user=user).status


def ics_of(message) -> icalendar.Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return icalendar.Calendar.from_ical(attachment[1])


class TestPlacesAndWaitlist:
    def test_the_first_get_places_and_the_rest_the_waitlist(self, session, make_learner):
        people = [make_learner() for _ in range(4)]
        for person in people:
            services.register(session=session, user=person)
        assert [status_of(session, person) for person in people] == [
            "registered",
            "registered",
            "waitlisted",
            "waitlisted",
        ]

    def test_registering_makes_a_member_of_an_open_circle(self, session, learner):
        services.register(session=session, user=learner)
        assert CircleMember.objects.filter(circle=session.circle, user=learner, left_at=None).exists()

    def test_registering_twice_changes_nothing(self, session, learner):
        first = services.register(session=session, user=learner)
        second = services.register(session=session, user=learner)
        assert first.pk == second.pk
        assert Registration.objects.filter(session=session).count() == 1
        assert OutgoingEmail.objects.filter(to=learner.email).count() == 1

    def test_a_cancellation_promotes_the_first_in_line_and_tells_them_once(self, session, make_learner, mails):
        anna, bram, cees, dirk = (make_learner() for _ in range(4))
        for person in (anna, bram, cees, dirk):
            services.register(session=session, user=person)
        with mails() as outbox:
            services.cancel_registration(session=session, user=anna)
        assert status_of(session, anna) == "cancelled"
        assert status_of(session, cees) == "registered"
        assert status_of(session, dirk) == "waitlisted"
        promoted = [message for message in outbox if message.to == [cees.email]]
        assert len(promoted) == 1
        assert "Je hebt een plaats" in promoted[0].subject
        calendar = ics_of(promoted[0])
        assert calendar["METHOD"] == "REQUEST"
        assert not [message for message in outbox if message.to == [dirk.email]]
        # Cancelling again, or a second look, promotes nobody else.
        assert services.cancel_registration(session=session, user=anna) is None
        assert status_of(session, dirk) == "waitlisted"

    def test_leaving_the_waitlist_promotes_nobody(self, session, make_learner):
        people = [make_learner() for _ in range(4)]
        for person in people:
            services.register(session=session, user=person)
        services.cancel_registration(session=session, user=people[2])
        assert status_of(session, people[3]) == "waitlisted"

    def test_more_places_promote_the_waitlist_in_order(self, session, organiser, make_learner):
        people = [make_learner() for _ in range(5)]
        for person in people:
            services.register(session=session, user=person)
        services.update_session(
            session=session,
            theme=session.theme,
            agenda=session.agenda,
            online_url=session.online_url,
            location=session.location,
            capacity=4,
            registration_deadline=None,
        )
        assert [status_of(session, person) for person in people] == [
            "registered",
            "registered",
            "registered",
            "registered",
            "waitlisted",
        ]
        assert Registration.objects.filter(session=session, promoted_at__isnull=False).count() == 2

    def test_fewer_places_than_registered_are_refused(self, session, make_learner):
        for _ in range(2):
            services.register(session=session, user=make_learner())
        with pytest.raises(ValidationError):
            services.update_session(
                session=session,
                theme=session.theme,
                agenda="",
                online_url=session.online_url,
                location="",
                capacity=1,
                registration_deadline=None,
            )

    def test_registering_again_after_cancelling_joins_the_end_of_the_line(self, session, make_learner):
        anna, bram, cees = (make_learner() for _ in range(3))
        for person in (anna, bram, cees):
            services.register(session=session, user=person)
        services.cancel_registration(session=session, user=anna)
        assert status_of(session, cees) == "registered"
        services.register(session=session, user=anna)
        assert status_of(session, anna) == "waitlisted"


class TestRefusals:
    def test_a_cancelled_session_refuses(self, session, learner):
        services.cancel_session(session=session)
        with pytest.raises(ValidationError, match="afgelast"):
            services.register(session=session, user=learner)

    def test_a_passed_deadline_refuses(self, session, learner):
        session.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
        session.save()
        with pytest.raises(ValidationError, match="Aanmelden kon tot"):
            services.register(session=session, user=learner)

    def test_a_started_session_refuses(self, circle, learner):
        session = SessionFactory(
            circle=circle,
            starts_at=timezone.now() - datetime.timedelta(minutes=5),
            ends_at=timezone.now() + datetime.timedelta(hours=1),
        )
        with pytest.raises(ValidationError, match="al begonnen"):
            services.register(session=session, user=learner)

    def test_an_invitation_only_circle_takes_only_the_invited(self, session, learner, make_learner):
        circle = session.circle
        circle.membership = LearningCirclePage.Membership.INVITATION
        circle.save()
        with pytest.raises(ValidationError, match="op uitnodiging"):
            services.register(session=session, user=learner)
        assert not Registration.objects.exists()
        invited = make_learner(email="Invited@Example.org")
        CircleInvitationFactory(circle=circle, email="invited@example.org")
        services.register(session=session, user=invited)
        assert status_of(session, invited) == "registered"

    def test_an_unverified_address_does_not_count_as_invited(self, session, make_learner):
        session.circle.membership = LearningCirclePage.Membership.INVITATION
        session.circle.save()
        person = make_learner(verified=False)
        CircleInvitationFactory(circle=session.circle, email=person.email)
        with pytest.raises(ValidationError):
            services.register(session=session, user=person)


class TestViews:
    def test_anonymous_people_are_sent_to_log_in(self, client, session):
        response = client.post(reverse("circles:register", args=[session.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
        assert not Registration.objects.exists()

    def test_registering_is_post_only(self, client, session, learner):
        client.force_login(learner)
        assert client.get(reverse("circles:register", args=[session.pk])).status_code == 405

    def test_register_and_cancel_through_the_page(self, client, session, learner):
        client.force_login(learner)
        response = client.post(reverse("circles:register", args=[session.pk]), follow=True)
        assert "Je bent aangemeld." in response.content.decode()
        assert status_of(session, learner) == "registered"
        response = client.post(reverse("circles:unregister", args=[session.pk]), follow=True)
        assert "Je bent afgemeld" in response.content.decode()
        assert status_of(session, learner) == "cancelled"

    def test_a_refusal_is_a_message_not_an_error(self, client, session, learner):
        services.cancel_session(session=session)
        client.force_login(learner)
        response = client.post(reverse("circles:register", args=[session.pk]), follow=True)
        assert response.status_code == 200
        assert "Deze bijeenkomst is afgelast. Aanmelden kan niet meer." in response.content.decode()

    def test_unknown_and_huge_ids_are_404(self, client, learner):
        client.force_login(learner)
        for session_id in (999999, 2**63, 10**30):
            assert client.get(f"/leerkringen/bijeenkomsten/{session_id}/").status_code == 404
            assert client.post(f"/leerkringen/bijeenkomsten/{session_id}/aanmelden/").status_code == 404

    def test_a_session_of_an_unpublished_circle_is_404(self, client, session):
        session.circle.unpublish()
        assert client.get(reverse("circles:session", args=[session.pk])).status_code == 404

    def test_the_page_shows_the_waitlist_place(self, client, session, make_learner):
        for _ in range(2):
            services.register(session=session, user=make_learner())
        third = make_learner()
        services.register(session=session, user=third)
        client.force_login(third)
        html = client.get(reverse("circles:session", args=[session.pk])).content.decode()
        assert "Je staat op de wachtlijst, als nummer 1." in html
        assert "Van de wachtlijst af" in html


class TestTheMeetingLink:
    URL = "https://meet.example.org/leerkring"

    def page(self, client, session, user=None):
        if user:
            client.force_login(user)
        return client.get(reverse("circles:session", args=[session.pk])).content.decode()

    def test_only_those_with_a_place_and_organisers_see_it(self, client, session, organiser, make_learner):
        registered, other, waiting, member = (make_learner() for _ in range(4))
        services.register(session=session, user=registered)
        services.register(session=session, user=other)
        services.register(session=session, user=waiting)
        CircleMemberFactory(circle=session.circle, user=member)
        assert self.URL in self.page(client, session, registered)
        assert self.URL in self.page(client, session, organiser)
        for person in (waiting, member):
            assert self.URL not in self.page(client, session, person)
        client.logout()
        assert self.URL not in self.page(client, session)

    def test_the_download_carries_it_only_for_those_with_a_place(self, client, session, make_learner):
        registered, waiting = make_learner(), make_learner()
        RegistrationFactory(session=session, user=registered)
        RegistrationFactory(session=session, user=waiting, status=Registration.Status.WAITLISTED)
        url = reverse("circles:session_ics", args=[session.pk])
        assert self.URL not in client.get(url).content.decode()
        client.force_login(waiting)
        assert self.URL not in client.get(url).content.decode()
        client.force_login(registered)
        assert self.URL in icalendar.Calendar.from_ical(client.get(url).content).events[0]["LOCATION"]


class TestMail:
    def test_the_confirmation_carries_the_calendar_entry_at_once(self, session, learner, mails):
        with mails() as outbox:
            services.register(session=session, user=learner)
        (message,) = outbox
        assert message.to == [learner.email]
        assert message.subject == f"Aangemeld: {session.theme}"
        assert "https://meet.example.org/leerkring" in message.body
        calendar = ics_of(message)
        assert calendar["METHOD"] == "REQUEST"
        event = calendar.events[0]
        assert str(event["UID"]).startswith(str(session.uid))
        assert event["ATTENDEE"] == f"mailto:{learner.email}"
        assert "meet.example.org" in str(event["LOCATION"])
        content_type = next(a for a in message.attachments if a[0].endswith(".ics"))[2]
        assert content_type.startswith("text/calendar")

    def test_the_waitlist_mail_names_the_place_in_line_and_has_no_link(self, session, make_learner, mails):
        for _ in range(2):
            services.register(session=session, user=make_learner())
        person = make_learner()
        with mails() as outbox:
            services.register(session=session, user=person)
        (message,) = outbox
        assert "als nummer 1" in message.body
        assert "meet.example.org" not in message.body
        assert not [a for a in message.attachments if a[0].endswith(".ics")]

    def test_giving_up_a_place_removes_it_from_the_calendar(self, session, learner, mails):
        services.register(session=session, user=learner)
        before = Session.objects.get(pk=session.pk).sequence
        with mails() as outbox:
            services.cancel_registration(session=session, user=learner)
        (message,) = outbox
        calendar = ics_of(message)
        assert calendar["METHOD"] == "CANCEL"
        assert calendar.events[0]["STATUS"] == "CANCELLED"
        assert calendar.events[0]["SEQUENCE"] > before


def test_the_times_on_the_page_are_amsterdam_time(client, circle):
    session = SessionFactory(
        circle=circle,
        starts_at=datetime.datetime(2030, 6, 8, 8, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 6, 8, 9, 30, tzinfo=datetime.UTC),
    )
    html = client.get(reverse("circles:session", args=[session.pk])).content.decode()
    assert "zaterdag 8 juni 2030" in html
    assert "10:00 tot 11:30 uur" in html
