"""The reminder a day before: once per place, also when the job runs twice, at once for those
who register (or are promoted) later, and again after a move."""

import datetime

import pytest
from django.utils import timezone

from circles import services, tasks
from circles.models import Registration, Session

from .factories import SessionFactory

pytestmark = pytest.mark.django_db


def reminders_to(outbox, user):
    return [message for message in outbox if message.to == [user.email] and message.subject.startswith("Herinnering")]


@pytest.fixture
def tomorrow(circle):
    starts = timezone.now() + datetime.timedelta(hours=20)
    return SessionFactory(circle=circle, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), capacity=2)


@pytest.fixture
def next_week(circle):
    starts = timezone.now() + datetime.timedelta(days=7)
    return SessionFactory(circle=circle, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), capacity=2)


def test_the_job_reminds_each_place_once_even_when_it_runs_twice(next_week, make_learner, mails):
    anna, bram = make_learner(), make_learner()
    services.register(session=next_week, user=anna)
    services.register(session=next_week, user=bram)
    day_before = next_week.starts_at - datetime.timedelta(hours=23)
    with mails() as outbox:
        assert services.send_session_reminders(now=next_week.starts_at - datetime.timedelta(days=3)) == 0
        assert tasks.send_session_reminders.delay(day_before.isoformat()).get() == 2
        assert tasks.send_session_reminders.delay(day_before.isoformat()).get() == 0
        assert services.send_session_reminders(now=day_before + datetime.timedelta(hours=1)) == 0
    assert len(reminders_to(outbox, anna)) == 1
    assert len(reminders_to(outbox, bram)) == 1
    message = reminders_to(outbox, anna)[0]
    assert "https://meet.example.org/leerkring" in message.body
    assert Session.objects.get(pk=next_week.pk).reminder_sent_at is not None


def test_no_reminder_for_the_waitlist_or_a_cancelled_session(next_week, make_learner, mails):
    people = [make_learner() for _ in range(3)]
    for person in people:
        services.register(session=next_week, user=person)
    day_before = next_week.starts_at - datetime.timedelta(hours=23)
    with mails() as outbox:
        services.send_session_reminders(now=day_before)
    assert not reminders_to(outbox, people[2])
    other = SessionFactory(circle=next_week.circle, starts_at=next_week.starts_at, capacity=5)
    services.register(session=other, user=people[2])
    services.cancel_session(session=other)
    with mails() as outbox:
        assert services.send_session_reminders(now=day_before) == 0
    assert outbox == []


def test_a_late_registration_gets_the_reminder_at_once_and_the_job_skips_it(tomorrow, learner, mails):
    with mails() as outbox:
        services.register(session=tomorrow, user=learner)
        assert services.send_session_reminders(now=timezone.now()) == 0
    assert len(reminders_to(outbox, learner)) == 1
    assert len([message for message in outbox if message.subject.startswith("Aangemeld")]) == 1
    assert Registration.objects.get(user=learner).reminder_sent_at is not None


def test_a_late_promotion_gets_the_reminder_at_once(tomorrow, make_learner, mails):
    anna, bram, cees = (make_learner() for _ in range(3))
    for person in (anna, bram, cees):
        services.register(session=tomorrow, user=person)
    with mails() as outbox:
        services.cancel_registration(session=tomorrow, user=anna)
        services.send_session_reminders(now=timezone.now())
    assert len(reminders_to(outbox, cees)) == 1


def test_moving_a_session_reminds_again_before_the_new_time(next_week, learner, mails):
    services.register(session=next_week, user=learner)
    services.send_session_reminders(now=next_week.starts_at - datetime.timedelta(hours=23))
    later = next_week.starts_at + datetime.timedelta(days=7)
    services.move_session(
        session=next_week, starts_at=later, ends_at=later + datetime.timedelta(hours=1), registration_deadline=None
    )
    assert Registration.objects.get(user=learner).reminder_sent_at is None
    with mails() as outbox:
        assert services.send_session_reminders(now=later - datetime.timedelta(hours=23)) == 1
    assert len(reminders_to(outbox, learner)) == 1


def test_moving_into_the_next_day_reminds_at_once(next_week, learner, mails):
    services.register(session=next_week, user=learner)
    soon = timezone.now() + datetime.timedelta(hours=5)
    with mails() as outbox:
        services.move_session(
            session=next_week, starts_at=soon, ends_at=soon + datetime.timedelta(hours=1), registration_deadline=None
        )
        services.send_session_reminders(now=timezone.now())
    assert len(reminders_to(outbox, learner)) == 1
