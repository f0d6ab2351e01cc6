import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from curriculum import services
from curriculum.grading import answer_key
from curriculum.models import Assignment, AssignmentBatch, Enrolment, ModulePage, ModuleProgress
from curriculum.signals import path_completed, track_completed
from people.models import Membership
from tests.curriculum.factories import (
    AssignmentFactory,
    LearningPathFactory,
    LearningPathItemFactory,
    LearningTrackPageFactory,
    ModulePageFactory,
)
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def modules(track):
    return list(ModulePage.objects.child_of(track).order_by("path"))


def answers_for(module, choices):
    check = module.knowledge_checks()[0]
    return {answer_key(check.id, i): str(choice) for i, choice in enumerate(choices)}


@pytest.fixture
def zeist():
    organisation = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    return {
        "organisation": organisation,
        "anna": LearnerFactory(organisation=organisation, team="Programmabureau").user,
        "hr": HRAdviserFactory(organisation=organisation).user,
    }


@pytest.fixture
def other_hr():
    return HRAdviserFactory(organisation=OrganisationFactory()).user


# Enrolment --------------------------------------------------------------------------


def test_enrolling_is_idempotent(track, zeist):
    first = services.enrol(user=zeist["anna"], track=track)
    again = services.enrol(user=zeist["anna"], track=track)
    assert first.pk == again.pk
    assert first.status == Enrolment.Status.ACTIVE
    assert first.started_at is not None


def test_approval_is_requested_and_hr_is_told(track, zeist, mailoutbox, django_capture_on_commit_callbacks):
    track.requires_approval = True
    track.save()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(user=zeist["anna"], track=track)
    assert enrolment.status == Enrolment.Status.REQUESTED
    assert [m.to for m in mailoutbox] == [[zeist["hr"].email]]


def test_an_assigned_track_needs_no_approval(track, zeist):
    track.requires_approval = True
    track.save()
    AssignmentFactory(user=zeist["anna"], organisation=zeist["organisation"], track=track)
    assert services.enrol(user=zeist["anna"], track=track).status == Enrolment.Status.ACTIVE


def test_hr_declines_with_a_reason_and_the_learner_may_ask_again(track, zeist):
    track.requires_approval = True
    track.save()
    enrolment = services.enrol(user=zeist["anna"], track=track)
    with pytest.raises(ValidationError):
        services.decide_enrolment(adviser=zeist["hr"], enrolment_id=enrolment.pk, approve=False, reason=" ")
    declined = services.decide_enrolment(
        adviser=zeist["hr"], enrolment_id=enrolment.pk, approve=False, reason="Eerst de basisleergang"
    )
    assert declined.status == Enrolment.Status.DECLINED
    with pytest.raises(ValidationError):
        services.decide_enrolment(adviser=zeist["hr"], enrolment_id=enrolment.pk, approve=True)
    again = services.enrol(user=zeist["anna"], track=track)
    assert again.pk == enrolment.pk
    assert again.status == Enrolment.Status.REQUESTED
    approved = services.decide_enrolment(adviser=zeist["hr"], enrolment_id=enrolment.pk, approve=True)
    assert approved.status == Enrolment.Status.ACTIVE


def test_hr_of_another_organisation_cannot_decide(track, zeist, other_hr):
    track.requires_approval = True
    track.save()
    enrolment = services.enrol(user=zeist["anna"], track=track)
    with pytest.raises(PermissionDenied):
        services.decide_enrolment(adviser=other_hr, enrolment_id=enrolment.pk, approve=True)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.REQUESTED


# Progress ----------------------------------------------------------------------------


def test_a_failed_check_keeps_the_answers_but_not_the_module(track, zeist):
    enrolment = services.enrol(user=zeist["anna"], track=track)
    check_module = modules(track)[1]
    result, progress, _ = services.complete_module(
        enrolment=enrolment, module=check_module, answers=answers_for(check_module, [0, 1]), reflections={}
    )
    assert not result.passed
    assert result.score == 0
    assert progress.completed_at is None
    assert list(progress.answers.values()) == ["0", "1"]


def test_missing_and_nonsense_answers_are_missing(track, zeist):
    enrolment = services.enrol(user=zeist["anna"], track=track)
    check_module = modules(track)[1]
    key = answer_key(check_module.knowledge_checks()[0].id, 0)
    result, _, _ = services.complete_module(
        enrolment=enrolment, module=check_module, answers={key: "99"}, reflections={}
    )
    assert len(result.missing_answers) == 2


def test_an_assignment_needs_a_reflection(track, zeist):
    enrolment = services.enrol(user=zeist["anna"], track=track)
    practice = modules(track)[2]
    block_id = practice.assignments()[0].id
    result, _, _ = services.complete_module(
        enrolment=enrolment, module=practice, answers={}, reflections={block_id: "  "}
    )
    assert not result.passed
    result, progress, _ = services.complete_module(
        enrolment=enrolment, module=practice, answers={}, reflections={block_id: "Het werkte goed."}
    )
    assert result.passed
    assert progress.reflections == {block_id: "Het werkte goed."}


def test_the_track_completes_once_when_all_required_modules_are_done(track, zeist, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, enrolment, **kwargs):
        received.append(enrolment.pk)

    track_completed.connect(receiver)
    enrolment = services.enrol(user=zeist["anna"], track=track)
    reading, check_module, _elective = modules(track)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_module(enrolment=enrolment, module=reading, answers={}, reflections={})
        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.ACTIVE
        *_, completed_now = services.complete_module(
            enrolment=enrolment, module=check_module, answers=answers_for(check_module, [1, 0]), reflections={}
        )
        assert completed_now
        *_, completed_again = services.complete_module(
            enrolment=enrolment, module=check_module, answers=answers_for(check_module, [1, 0]), reflections={}
        )
        assert not completed_again
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.completed_at is not None
    assert received == [enrolment.pk]
    track_completed.disconnect(receiver)


def test_working_on_a_module_remembers_where_the_learner_is(track, zeist):
    enrolment = services.enrol(user=zeist["anna"], track=track)
    second = modules(track)[1]
    for _attempt in range(2):
        services.complete_module(enrolment=enrolment, module=second, answers={}, reflections={})
    enrolment.refresh_from_db()
    assert enrolment.last_module_id == second.pk
    assert ModuleProgress.objects.filter(enrolment=enrolment).count() == 1


def test_a_path_completes_with_required_tracks_and_enough_electives(catalog, zeist, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, user, path, **kwargs):
        received.append(path.pk)

    path_completed.connect(receiver)
    path = LearningPathFactory(min_electives=1)
    required, elective_a, elective_b = (LearningTrackPageFactory(parent=catalog) for _ in range(3))
    for track in (required, elective_a, elective_b):
        ModulePageFactory(parent=track)
    LearningPathItemFactory(path=path, track=required, required=True)
    LearningPathItemFactory(path=path, track=elective_a, required=False)
    LearningPathItemFactory(path=path, track=elective_b, required=False)

    def finish(track):
        enrolment = services.enrol(user=zeist["anna"], track=track)
        services.complete_module(enrolment=enrolment, module=modules(track)[0], answers={}, reflections={})

    with django_capture_on_commit_callbacks(execute=True):
        finish(required)
    assert received == []
    with django_capture_on_commit_callbacks(execute=True):
        finish(elective_b)
    assert received == [path.pk]
    path_completed.disconnect(receiver)


# Assignment ---------------------------------------------------------------------------


def test_assigning_is_refused_for_another_organisation(track, zeist, other_hr):
    with pytest.raises(PermissionDenied):
        services.start_assignment(
            adviser=other_hr,
            organisation=zeist["organisation"],
            due_date=TODAY,
            audience=AssignmentBatch.Audience.ALL,
            track=track,
        )
    with pytest.raises(PermissionDenied):
        services.start_assignment(
            adviser=zeist["anna"],
            organisation=zeist["organisation"],
            due_date=TODAY,
            audience=AssignmentBatch.Audience.ALL,
            track=track,
        )
    assert not AssignmentBatch.objects.exists()


def test_assigning_a_person_of_another_organisation_is_refused(track, zeist):
    stranger = LearnerFactory(organisation=OrganisationFactory()).user
    with pytest.raises(PermissionDenied):
        services.start_assignment(
            adviser=zeist["hr"],
            organisation=zeist["organisation"],
            due_date=TODAY,
            audience=AssignmentBatch.Audience.PERSON,
            track=track,
            person=stranger,
        )


def test_assigning_twice_does_not_duplicate(track, zeist, django_capture_on_commit_callbacks):
    for _ in range(4):
        LearnerFactory(organisation=zeist["organisation"])
    kwargs = {
        "adviser": zeist["hr"],
        "organisation": zeist["organisation"],
        "due_date": TODAY,
        "audience": AssignmentBatch.Audience.ALL,
        "track": track,
    }
    with django_capture_on_commit_callbacks(execute=True):
        first = services.start_assignment(**kwargs)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.start_assignment(**{**kwargs, "due_date": TODAY + datetime.timedelta(days=9)})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.total, first.created_count) == ("done", 5, 5)
    assert (second.status, second.total, second.created_count) == ("done", 5, 0)
    assert Assignment.objects.count() == 5
    assert set(Assignment.objects.values_list("due_date", flat=True)) == {TODAY}
    services.run_assignment_batch(batch_id=first.pk)
    assert Assignment.objects.count() == 5


def test_a_batch_that_died_midway_finishes_on_a_rerun(track, zeist):
    people = [LearnerFactory(organisation=zeist["organisation"]).user for _ in range(5)]
    batch = AssignmentBatch.objects.create(
        organisation=zeist["organisation"],
        assigned_by=zeist["hr"],
        track=track,
        due_date=TODAY,
        audience="all",
        status=AssignmentBatch.Status.RUNNING,
    )
    Assignment.objects.create(
        user=people[0], organisation=zeist["organisation"], track=track, due_date=TODAY, batch=batch
    )
    batch = services.run_assignment_batch(batch_id=batch.pk, chunk_size=2)
    assert batch.status == AssignmentBatch.Status.DONE
    assert batch.processed == batch.total == 6
    assert Assignment.objects.filter(track=track).count() == 6


@pytest.mark.parametrize(
    ("audience", "extra", "expected"),
    [
        (AssignmentBatch.Audience.ALL, {}, {"anna", "bram"}),
        (AssignmentBatch.Audience.TEAM, {"team": "Programmabureau"}, {"anna"}),
        (AssignmentBatch.Audience.PERSON, {"person": "bram"}, {"bram"}),
        (AssignmentBatch.Audience.ROLE, {"role_profile": True}, {"bram"}),
    ],
)
def test_audience_filters(track, zeist, profile_index, audience, extra, expected):
    from careers.models import CurrentRole
    from tests.careers.factories import RoleProfilePageFactory

    bram = LearnerFactory(organisation=zeist["organisation"], team="PMO").user
    LearnerFactory(organisation=OrganisationFactory())  # another organisation's learner
    profile = RoleProfilePageFactory(parent=profile_index)
    CurrentRole.objects.create(user=bram, profile=profile, since=TODAY)
    people = {"anna": zeist["anna"], "bram": bram}
    if "person" in extra:
        extra = {"person": people[extra["person"]]}
    if "role_profile" in extra:
        extra = {"role_profile": profile}
    batch = AssignmentBatch.objects.create(
        organisation=zeist["organisation"], track=track, due_date=TODAY, audience=audience, **extra
    )
    services.run_assignment_batch(batch_id=batch.pk)
    assigned = set(Assignment.objects.values_list("user_id", flat=True))
    assert assigned == {people[name].pk for name in expected}
    assert zeist["hr"].pk not in assigned
    assert Membership.objects.count() >= 4


# Reminders ------------------------------------------------------------------------------


def test_reminders_go_once_each_at_14_days_3_days_and_overdue(
    track, zeist, mailoutbox, django_capture_on_commit_callbacks
):
    assignment = AssignmentFactory(
        user=zeist["anna"],
        organisation=zeist["organisation"],
        track=track,
        due_date=TODAY + datetime.timedelta(days=14),
    )
    far = AssignmentFactory(
        user=UserFactory(),
        organisation=zeist["organisation"],
        track=track,
        due_date=TODAY + datetime.timedelta(days=60),
    )

    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return services.send_due_reminders(today=day)

    assert run(TODAY) == 1
    assert run(TODAY) == 0, "running the job twice sends nothing twice"
    assert run(TODAY + datetime.timedelta(days=5)) == 0
    assert run(TODAY + datetime.timedelta(days=11)) == 1
    assert run(TODAY + datetime.timedelta(days=15)) == 1
    assert run(TODAY + datetime.timedelta(days=16)) == 0
    assert sorted(assignment.reminders.values_list("kind", flat=True)) == ["due-14", "due-3", "overdue"]
    assert not far.reminders.exists()
    assert {m.to[0] for m in mailoutbox} >= {zeist["anna"].email}
    assert "14 dagen" in mailoutbox[0].subject


def test_finished_work_gets_no_reminder(track, zeist, django_capture_on_commit_callbacks):
    AssignmentFactory(user=zeist["anna"], organisation=zeist["organisation"], track=track, due_date=TODAY)
    Enrolment.objects.create(user=zeist["anna"], track=track, status=Enrolment.Status.COMPLETED)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(today=TODAY + datetime.timedelta(days=3)) == 0


def test_weekly_digest_goes_once_per_week_to_the_organisations_hr(
    track, zeist, other_hr, mailoutbox, django_capture_on_commit_callbacks
):
    AssignmentFactory(
        user=zeist["anna"], organisation=zeist["organisation"], track=track, due_date=TODAY - datetime.timedelta(days=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_overdue_digests(today=TODAY) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_overdue_digests(today=TODAY + datetime.timedelta(days=2)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_overdue_digests(today=TODAY + datetime.timedelta(days=7)) == 1
    assert {m.to[0] for m in mailoutbox} == {zeist["hr"].email}
    assert zeist["anna"].full_name in mailoutbox[0].body


def test_status_summary_counts_each_status(track, zeist):
    from curriculum.selectors import status_summary, with_status

    people = [LearnerFactory(organisation=zeist["organisation"]).user for _ in range(4)]
    for person in people:
        AssignmentFactory(user=person, organisation=zeist["organisation"], track=track, due_date=TODAY)
    Enrolment.objects.create(user=people[0], track=track, status=Enrolment.Status.COMPLETED)
    Enrolment.objects.create(user=people[1], track=track, status=Enrolment.Status.ACTIVE)
    summary = status_summary(with_status(Assignment.objects.all(), today=TODAY + datetime.timedelta(days=1)))
    assert summary == {"total": 4, "not_started": 2, "busy": 1, "finished": 1, "late": 3}


def test_the_status_in_python_is_the_status_in_sql(track, catalog, zeist):
    """``set_status`` (the learner dashboard) and ``with_status`` (HR's lists) answer alike:
    not started, begun through the track or a track of the path, finished, late."""
    from curriculum.selectors import set_status, with_status

    other = LearningTrackPageFactory(parent=catalog, title="Plannen")
    path = LearningPathFactory()
    LearningPathItemFactory(path=path, track=other)
    people = [LearnerFactory(organisation=zeist["organisation"]).user for _ in range(4)]
    for person in people:
        AssignmentFactory(user=person, organisation=zeist["organisation"], track=track, due_date=TODAY)
        AssignmentFactory(user=person, organisation=zeist["organisation"], path=path, track=None, due_date=TODAY)
    Enrolment.objects.create(user=people[0], track=track, status=Enrolment.Status.COMPLETED)
    Enrolment.objects.create(user=people[1], track=other, status=Enrolment.Status.ACTIVE)
    Enrolment.objects.create(user=people[2], track=track, status=Enrolment.Status.REQUESTED)
    Assignment.objects.filter(user=people[3], track=track).update(finished_at=timezone.now())
    today = TODAY + datetime.timedelta(days=1)
    fields = ("finished", "late", "started")
    expected = {a.pk: tuple(getattr(a, f) for f in fields) for a in with_status(Assignment.objects.all(), today=today)}
    for assignment in Assignment.objects.all():
        started = set(
            Enrolment.objects.filter(user=assignment.user_id, status__in=["active", "completed"]).values_list(
                "track_id", flat=True
            )
        )
        tracks = list(path.items.values_list("track_id", flat=True)) if assignment.path_id else []
        set_status(assignment, today=today, started_tracks=started, path_tracks=tracks)
        assert tuple(getattr(assignment, f) for f in fields) == expected[assignment.pk], assignment
    assert len(set(expected.values())) >= 3  # the cases differ


def test_attendance_completes_a_learning_circle_track_once(home_page):
    from curriculum.models import Format
    from tests.curriculum.factories import CatalogPageFactory

    catalog = CatalogPageFactory(parent=home_page)
    circle_track = LearningTrackPageFactory(parent=catalog, format=Format.LEARNING_CIRCLE, requires_approval=True)
    other_track = LearningTrackPageFactory(parent=catalog, format=Format.ELEARNING)
    learner = UserFactory()
    assert services.complete_by_attendance(user=learner, track=circle_track)
    enrolment = Enrolment.objects.get(user=learner, track=circle_track)
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.started_at
    assert enrolment.completed_at
    assert not services.complete_by_attendance(user=learner, track=circle_track)
    with pytest.raises(ValidationError):
        services.complete_by_attendance(user=learner, track=other_track)
