"""The stored member count of a circle (``CircleStats``, issue 17): it equals a fresh count
after every change of membership, and its version moves with every change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from circles import selectors, services
from circles.models import CircleMember, CircleStats
from tests.people.factories import LearnerFactory

from .factories import CircleInvitationFactory, CircleMemberFactory, LearningCirclePageFactory, SessionFactory

pytestmark = pytest.mark.django_db


def stored(circle) -> tuple[int, int]:
    stats = CircleStats.objects.get(circle=circle)
    return stats.members, stats.version


def fresh(circle) -> int:
    return CircleMember.objects.filter(circle=circle, left_at__isnull=True).count()


def test_joining_leaving_and_coming_back_keep_the_count(circle, learner, make_learner):
    other = make_learner()
    services.join_circle(circle=circle, user=learner)
    services.join_circle(circle=circle, user=other)
    assert stored(circle)[0] == fresh(circle) == 2
    services.leave_circle(circle=circle, user=learner)
    assert stored(circle)[0] == fresh(circle) == 1
    services.join_circle(circle=circle, user=learner)  # coming back: the same row again
    assert stored(circle)[0] == fresh(circle) == 2
    assert selectors.member_count(circle=circle) == 2


def test_joining_or_leaving_twice_counts_once(circle, learner):
    services.join_circle(circle=circle, user=learner)
    services.join_circle(circle=circle, user=learner)
    assert stored(circle)[0] == fresh(circle) == 1
    assert services.leave_circle(circle=circle, user=learner)
    assert not services.leave_circle(circle=circle, user=learner)
    assert stored(circle)[0] == fresh(circle) == 0


def test_every_change_raises_the_version_and_the_fingerprint(circle, learner):
    services.join_circle(circle=circle, user=learner)
    before = selectors.member_stats(circle=circle).fingerprint
    services.leave_circle(circle=circle, user=learner)
    services.join_circle(circle=circle, user=learner)
    after = selectors.member_stats(circle=circle)
    assert after.count == 1
    assert after.fingerprint != before  # the same count, but the membership changed


def test_registering_joins_and_counts(circle, learner):
    services.register(session=SessionFactory(circle=circle), user=learner)
    assert stored(circle)[0] == fresh(circle) == 1


def test_accepting_an_invitation_counts(circle, learner):
    circle.membership = circle.Membership.INVITATION
    circle.save()
    CircleInvitationFactory(circle=circle, email=learner.email)
    learner.emailaddress_set.update_or_create(email=learner.email, defaults={"verified": True, "primary": True})
    services.join_circle(circle=circle, user=learner)
    assert stored(circle)[0] == fresh(circle) == 1


def test_a_deleted_account_leaves_the_count(circle, make_learner):
    people = [make_learner() for _ in range(3)]
    for person in people:
        services.join_circle(circle=circle, user=person)
    other_circle = LearningCirclePageFactory(parent=circle.get_parent())
    services.join_circle(circle=other_circle, user=people[0])
    people[0].delete()
    assert stored(circle)[0] == fresh(circle) == 2
    assert stored(other_circle)[0] == fresh(other_circle) == 0


def test_a_member_row_saved_elsewhere_counts(circle, learner):
    """Factories, the demo: every save of a membership recounts."""
    CircleMemberFactory(circle=circle, user=learner)
    assert stored(circle)[0] == fresh(circle) == 1


def test_a_circle_without_its_row_is_counted_at_its_first_read(circle, make_learner):
    """Members loaded in bulk (the benchmark population) bypass the services."""
    CircleMember.objects.bulk_create([CircleMember(circle=circle, user=make_learner()) for _ in range(3)])
    CircleStats.objects.filter(circle=circle).delete()
    assert selectors.member_count(circle=circle) == 3
    assert stored(circle)[0] == 3
    services.join_circle(circle=circle, user=LearnerFactory().user)
    assert stored(circle)[0] == fresh(circle) == 4


def test_deleting_a_circle_deletes_its_count(circle, learner):
    services.join_circle(circle=circle, user=learner)
    circle.delete()
    assert not CircleStats.objects.exists()
    assert not CircleMember.objects.exists()


def test_reading_the_count_is_one_small_query(circle, learner):
    services.join_circle(circle=circle, user=learner)
    with CaptureQueriesContext(connection) as queries:
        assert selectors.member_stats(circle=circle).count == 1
    assert len(queries) == 1
    assert "circles_circlemember" not in queries[0]["sql"]
