"""Races on PostgreSQL, with real concurrent transactions: each thread has its own database
connection, and a barrier lets them start together. The session's row lock makes them wait
for each other, so the last place goes to one person, and two cancellations promote two."""

import threading

import pytest
from django.db import close_old_connections, connection

from circles import services
from circles.models import CircleMember, CircleStats, Registration, Session
from people.models import OutgoingEmail
from tests.people.factories import LearnerFactory

from .factories import LearningCirclePageFactory, RegistrationFactory, SessionFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one writer at a time, so nothing here could race",
    ),
]


def run_together(jobs) -> list:
    """Run each job in its own thread (and connection) at the same moment; their results or
    exceptions, in order."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as error:
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def learners(count):
    return [LearnerFactory().user for _ in range(count)]


def test_simultaneous_registrations_for_the_last_place_never_overbook():
    session = SessionFactory(circle=LearningCirclePageFactory(), capacity=3)
    for person in learners(2):
        services.register(session=session, user=person)
    racers = learners(8)
    results = run_together([lambda person=person: services.register(session=session, user=person) for person in racers])
    assert not [result for result in results if isinstance(result, Exception)], results
    statuses = [Registration.objects.get(session=session, user=person).status for person in racers]
    assert statuses.count("registered") == 1
    assert statuses.count("waitlisted") == 7
    assert Registration.objects.filter(session=session, status="registered").count() == 3


def test_two_simultaneous_cancellations_promote_exactly_two_and_tell_them_once():
    session = SessionFactory(circle=LearningCirclePageFactory(), capacity=2)
    holders = learners(2)
    waiting = learners(3)
    for person in holders + waiting:
        services.register(session=session, user=person)
    OutgoingEmail.objects.all().delete()
    results = run_together(
        [lambda person=person: services.cancel_registration(session=session, user=person) for person in holders]
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    statuses = [Registration.objects.get(session=session, user=person).status for person in waiting]
    assert statuses == ["registered", "registered", "waitlisted"]
    for person in waiting[:2]:
        assert OutgoingEmail.objects.filter(to=person.email, subject__startswith="Je hebt een plaats").count() == 1
    assert not OutgoingEmail.objects.filter(to=waiting[2].email).exists()
    assert Registration.objects.filter(session=session, status="registered").count() == 2


def test_a_cancellation_racing_a_registration_keeps_the_count_right():
    session = SessionFactory(circle=LearningCirclePageFactory(), capacity=1)
    holder, newcomer, waiting = learners(3)
    services.register(session=session, user=holder)
    services.register(session=session, user=waiting)
    run_together(
        [
            lambda: services.cancel_registration(session=session, user=holder),
            lambda: services.register(session=session, user=newcomer),
        ]
    )
    assert Registration.objects.filter(session=session, status="registered").count() == 1
    # First in line first: the one who waited has the place.
    assert Registration.objects.get(session=session, user=waiting).status == "registered"


def test_the_reminder_job_run_twice_at_once_sends_once():
    import datetime

    from django.utils import timezone

    starts = timezone.now() + datetime.timedelta(days=3)
    session = SessionFactory(
        circle=LearningCirclePageFactory(), starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    people = learners(5)
    for person in people:
        RegistrationFactory(session=session, user=person)
    moment = starts - datetime.timedelta(hours=23)
    results = run_together([lambda: services.send_session_reminders(now=moment) for _ in range(3)])
    assert sum(results) == 5
    for person in people:
        assert OutgoingEmail.objects.filter(to=person.email, subject__startswith="Herinnering").count() == 1
    assert Session.objects.get(pk=session.pk).reminder_sent_at is not None


def test_simultaneous_joins_and_leaves_are_all_counted():
    """The circle's count row is locked before counting: each change counts those committed
    before it, so none is lost."""
    circle = LearningCirclePageFactory()
    leaving = learners(3)
    for person in leaving:
        services.join_circle(circle=circle, user=person)
    joining = learners(6)
    jobs = [lambda person=person: services.join_circle(circle=circle, user=person) for person in joining]
    jobs += [lambda person=person: services.leave_circle(circle=circle, user=person) for person in leaving]
    jobs += [lambda: services.join_circle(circle=circle, user=joining[0])]  # a double click
    results = run_together(jobs)
    assert not [result for result in results if isinstance(result, Exception)], results
    assert CircleStats.objects.get(circle=circle).members == 6
    assert CircleMember.objects.filter(circle=circle, left_at__isnull=True).count() == 6


def test_simultaneous_first_joins_make_one_count_row():
    circle = LearningCirclePageFactory()
    CircleStats.objects.filter(circle=circle).delete()
    results = run_together(
        [lambda person=person: services.join_circle(circle=circle, user=person) for person in learners(4)]
    )
    assert not [result for result in results if isinstance(result, Exception)], results
    assert CircleStats.objects.get(circle=circle).members == 4
