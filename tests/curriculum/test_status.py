"""``Assignment.finished_at`` (curriculum.status) follows every change that can finish or
unfinish an assignment, and agrees with the rules worked out from the enrolments."""

import datetime

import pytest
from django.utils import timezone

from curriculum import services
from curriculum.models import Assignment, AssignmentBatch, Enrolment
from curriculum.status import refresh_finished
from tests.curriculum.factories import (
    AssignmentFactory,
    EnrolmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page):
    organisation = OrganisationFactory()
    learner = LearnerFactory(organisation=organisation).user
    tracks = [LearningTrackPageFactory() for _ in range(3)]
    return {"organisation": organisation, "learner": learner, "tracks": tracks}


def complete(user, track, at=None):
    enrolment, _created = Enrolment.objects.get_or_create(user=user, track=track)
    enrolment.status, enrolment.completed_at = Enrolment.Status.COMPLETED, at or timezone.now()
    enrolment.save()
    return enrolment


def finished_at(assignment) -> datetime.datetime | None:
    return Assignment.objects.values_list("finished_at", flat=True).get(pk=assignment.pk)


def test_a_track_assignment_is_finished_when_the_track_is_completed_and_not_after_a_reopening(world):
    learner, track = world["learner"], world["tracks"][0]
    assignment = AssignmentFactory(user=learner, organisation=world["organisation"], track=track, path=None)
    assert finished_at(assignment) is None
    moment = timezone.now() - datetime.timedelta(days=2)
    enrolment = complete(learner, track, at=moment)
    assert finished_at(assignment) == moment
    enrolment.status, enrolment.completed_at = Enrolment.Status.ACTIVE, None
    enrolment.save()
    assert finished_at(assignment) is None


def test_a_path_needs_its_required_tracks_and_enough_electives(world, django_capture_on_commit_callbacks):
    learner, (required, elective, other) = world["learner"], world["tracks"]
    with django_capture_on_commit_callbacks(execute=True):  # as an editor saves the path
        path = LearningPathFactory(min_electives=1)
        LearningPathItemFactory(path=path, track=required, required=True)
        LearningPathItemFactory(path=path, track=elective, required=False)
    assignment = AssignmentFactory(user=learner, organisation=world["organisation"], path=path, track=None)
    complete(learner, required)
    assert finished_at(assignment) is None  # an elective is still missing
    last = complete(learner, elective).completed_at
    assert finished_at(assignment) == last
    with django_capture_on_commit_callbacks(execute=True):  # an editor adds a required track
        LearningPathItemFactory(path=path, track=other, required=True)
    assert finished_at(assignment) is None
    last = complete(learner, other).completed_at
    assert finished_at(assignment) == last


def test_someone_assigned_what_they_completed_before_is_finished_at_once(world):
    learner, track = world["learner"], world["tracks"][0]
    done = complete(learner, track).completed_at
    adviser = HRAdviserFactory(organisation=world["organisation"]).user
    batch = AssignmentBatch.objects.create(
        organisation=world["organisation"],
        track=track,
        due_date=timezone.localdate() + datetime.timedelta(days=30),
        assigned_by=adviser,
        audience=AssignmentBatch.Audience.PERSON,
        person=learner,
    )
    services.run_assignment_batch(batch_id=batch.pk)  # bulk_create: no signals
    assert Assignment.objects.get(batch=batch).finished_at == done


def test_refresh_repairs_what_writes_without_signals_left_and_touches_nothing_else(
    world, django_assert_max_num_queries
):
    learner, track = world["learner"], world["tracks"][0]
    assignments = [
        AssignmentFactory(user=LearnerFactory(organisation=world["organisation"]).user, track=t, path=None)
        for t in world["tracks"]
    ]
    EnrolmentFactory(user=learner, track=track)
    Enrolment.objects.filter(user=learner, track=track).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    mine = AssignmentFactory(user=learner, organisation=world["organisation"], track=track, path=None)
    Assignment.objects.filter(pk=mine.pk).update(finished_at=None)  # as a COPY would leave it
    with django_assert_max_num_queries(2):
        assert refresh_finished(Assignment.objects.all()) == 1
    assert finished_at(mine) is not None
    assert all(finished_at(a) is None for a in assignments)
    assert refresh_finished(Assignment.objects.all()) == 0
