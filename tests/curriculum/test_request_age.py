"""How long a request has waited, and whether HR is past its organisation's deadline.

``pending_requests`` (the HR pages and dashboard) and ``learner_learning`` (the learner's
dashboard) give each waiting request ``age_days``, ``deadline`` and ``is_overdue``, counted
in whole days of the local calendar from a given "today".
"""

import datetime

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from curriculum import selectors, services
from curriculum.models import Enrolment
from people.models import Membership, User
from tests.people.factories import HRAdviserFactory, LearnerFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

# Tuesday 2 March 2026, 10:00 in the Netherlands.
REQUESTED = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))
DAY = datetime.date(2026, 3, 2)


def days(n: int) -> datetime.date:
    return DAY + datetime.timedelta(days=n)


def request_on(user, track, when) -> Enrolment:
    enrolment = services.enrol(user=user, track=track)
    assert enrolment.status == Enrolment.Status.REQUESTED
    Enrolment.objects.filter(pk=enrolment.pk).update(requested_at=when)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def world(track):
    track.requires_approval = True
    track.save()
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    return {
        "track": track,
        "zeist": zeist,
        "anna": LearnerFactory(organisation=zeist).user,
        "hr": HRAdviserFactory(organisation=zeist).user,
    }


def only(decider, today):
    [enrolment] = selectors.pending_requests(decider=decider, today=today)
    return enrolment


@pytest.mark.parametrize(
    ("today", "age", "overdue"),
    [(days(0), 0, False), (days(1), 1, False), (days(14), 14, False), (days(15), 15, True), (days(40), 40, True)],
)
def test_age_and_overdue_against_the_default_two_weeks(world, today, age, overdue):
    request_on(world["anna"], world["track"], REQUESTED)
    enrolment = only(world["hr"], today)
    assert enrolment.age_days == age
    assert enrolment.deadline == days(14), "the last day HR has is two weeks after the request"
    assert enrolment.is_overdue is overdue


def test_the_organisations_own_deadline_counts(world):
    world["zeist"].request_decision_days = 5
    world["zeist"].save()
    request_on(world["anna"], world["track"], REQUESTED)
    assert only(world["hr"], days(5)).is_overdue is False
    enrolment = only(world["hr"], days(6))
    assert enrolment.is_overdue is True
    assert enrolment.deadline == days(5)


def test_someone_in_two_organisations_gets_the_shortest_deadline(world):
    utrecht = OrganisationFactory(name="Gemeente Utrecht", slug="utrecht", request_decision_days=3)
    MembershipFactory(user=world["anna"], organisation=utrecht, role=Membership.Role.LEARNER)
    world["zeist"].request_decision_days = 30
    world["zeist"].save()
    request_on(world["anna"], world["track"], REQUESTED)
    enrolment = only(world["hr"], days(4))
    assert enrolment.deadline == days(3)
    assert enrolment.is_overdue is True


def test_days_follow_the_dutch_calendar_not_utc(world):
    # 00:30 on 1 June in the Netherlands is still 31 May in UTC.
    request_on(world["anna"], world["track"], timezone.make_aware(datetime.datetime(2026, 6, 1, 0, 30)))
    enrolment = only(world["hr"], datetime.date(2026, 6, 15))
    assert enrolment.age_days == 14
    assert enrolment.deadline == datetime.date(2026, 6, 15)
    assert enrolment.is_overdue is False


def test_oldest_first(world):
    newer = request_on(world["anna"], world["track"], REQUESTED + datetime.timedelta(days=3))
    bram = LearnerFactory(organisation=world["zeist"]).user
    older = request_on(bram, world["track"], REQUESTED)
    assert [e.pk for e in selectors.pending_requests(decider=world["hr"], today=days(20))] == [older.pk, newer.pk]


def test_a_request_made_again_after_a_decline_waits_from_then(world):
    enrolment = request_on(world["anna"], world["track"], REQUESTED)
    services.decide_enrolment(adviser=world["hr"], enrolment_id=enrolment.pk, approve=False, reason="Eerst de basis")
    again = services.enrol(user=world["anna"], track=world["track"])
    assert again.pk == enrolment.pk
    assert again.status == Enrolment.Status.REQUESTED
    assert only(world["hr"], timezone.localdate()).age_days == 0


def test_the_learner_sees_the_age_of_her_own_requests(world):
    enrolment = request_on(world["anna"], world["track"], REQUESTED)
    [requested] = selectors.learner_learning(user=world["anna"], today=days(16))["requested"]
    assert requested.pk == enrolment.pk
    assert (requested.age_days, requested.deadline, requested.is_overdue) == (16, days(14), True)


@pytest.mark.parametrize("size", [2, 20])
def test_pending_requests_cost_one_query_however_many(world, size, django_assert_max_num_queries):
    utrecht = OrganisationFactory(request_decision_days=3)
    for number in range(size):
        learner = LearnerFactory(organisation=world["zeist"]).user
        if number % 2:
            MembershipFactory(user=learner, organisation=utrecht)
        request_on(learner, world["track"], REQUESTED)
    admin = User.objects.create_superuser(email="beheer@example.org", password="x" * 16, full_name="Beheer")
    for decider in (world["hr"], admin):
        with django_assert_max_num_queries(1):
            pending = selectors.pending_requests(decider=decider, today=days(10))
            assert [e.is_overdue for e in pending] == [bool(n % 2) for n in range(size)]
        with django_assert_max_num_queries(1):
            assert len(selectors.pending_requests(decider=decider, organisations=[world["zeist"]])) == size


@pytest.mark.parametrize("size", [1, 10])
def test_the_learners_requests_cost_the_same_however_many(world, catalog, size, django_assert_max_num_queries):
    from tests.curriculum.factories import LearningTrackPageFactory

    for _ in range(size):
        request_on(world["anna"], LearningTrackPageFactory(parent=catalog, requires_approval=True), REQUESTED)
    with django_assert_max_num_queries(5):
        assert len(selectors.learner_learning(user=world["anna"], today=days(3))["requested"]) == size


# The requests page ----------------------------------------------------------------------


def waiting_since(days_ago: int) -> datetime.datetime:
    """Noon, ``days_ago`` local calendar days before today."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def test_the_requests_page_shows_the_age_oldest_first_and_marks_overdue_in_words(client, world):
    bram = LearnerFactory(organisation=world["zeist"]).user
    overdue = request_on(world["anna"], world["track"], waiting_since(16))
    fresh = request_on(bram, world["track"], waiting_since(3))
    client.force_login(world["hr"])
    html = client.get("/hr/aanvragen/").content.decode()

    requested_on = date_format(timezone.localdate(overdue.requested_at), "j F Y")
    assert f"Wacht al 16 dagen, sinds {requested_on}" in html
    assert "Wacht al 3 dagen" in html
    assert html.index(f'id="aanvraag-{overdue.pk}"') < html.index(f'id="aanvraag-{fresh.pk}"'), "oldest first"
    # Overdue is said in words, not by colour alone, for that request only.
    overdue_section = html[html.index(f'id="aanvraag-{overdue.pk}"') : html.index(f'id="aanvraag-{fresh.pk}"')]
    fresh_section = html[html.index(f'id="aanvraag-{fresh.pk}"') :]
    assert "Termijn verstreken:" in overdue_section
    assert "Termijn verstreken:" not in fresh_section
    assert "1 aanvraag wacht langer dan de termijn." in html
    assert 'href="/hr/aanvragen/termijn/"' in html


def test_the_track_page_tells_the_learner_how_long_and_how_to_withdraw(client, world):
    enrolment = request_on(world["anna"], world["track"], waiting_since(20))
    client.force_login(world["anna"])
    html = client.get(world["track"].url).content.decode()
    assert "Wacht al 20 dagen" in html
    assert "De termijn voor een besluit is voorbij;" in html
    assert "Je aanvraag vervalt niet vanzelf." in html
    assert f'href="/mijn/aanvragen/{enrolment.pk}/intrekken/"' in html
