"""The learners' histories of `demo.content.histories`, replayed through the services of the apps, as
the learners and their HR advisers would have done it in the site: career steps first, then each
timeline oldest event first, so every rule sees the world as it was on that day.

Services stamp what they write with the present moment, and none can be told another one; once an
event is done, its timestamps are moved back to the day it happened. That is the only direct write.

An event is done once: it is skipped when what it made is there already (the career step, the
assignment, the enrolment, the completed module, the self-assessment submitted that day, the plan item),
so running the seeding again changes nothing. The days count back from the demo's first day: when its
learning tracks were first published."""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Locale

from assessments import services as assessments
from assessments.models import Attempt, DevelopmentPlan, PlanItem, SelfAssessmentPage, Statement
from careers import services as careers
from careers.models import CareerStep, Competency, RoleProfilePage
from certificates import services as certificates
from curriculum import services as curriculum
from curriculum.grading import answer_key
from curriculum.models import (
    Assignment,
    AssignmentBatch,
    Enrolment,
    LearningPath,
    LearningTrackPage,
    ModulePage,
    ModuleProgress,
)
from people.models import Organisation

from ..content import histories as content


def seed_histories(*, users: dict) -> dict:
    first_day = LearningTrackPage.objects.filter(locale=Locale.get_default()).aggregate(
        first=Min("first_published_at")
    )["first"]
    if first_day is None:
        raise LookupError("No published learning track: seed the curriculum first")
    done = Counter()
    for history in content.HISTORIES:
        replay = Replay(
            learner=users[history["email"]],
            adviser=users[history["adviser"]],
            organisation=Organisation.objects.get(slug=history["organisation"]),
            first_day=first_day,
        )
        with transaction.atomic():
            for from_slug, to_slug, date, note in history["career"]:
                done["career_step"] += replay.career_step(from_slug=from_slug, to_slug=to_slug, date=date, note=note)
            for days_ago, event, details in sorted(history["timeline"], key=lambda entry: -entry[0]):
                if event not in Replay.EVENTS:
                    raise ValueError(f"Unknown event in the history of {history['email']}: {event}")
                when = first_day - timedelta(days=days_ago)
                done[event] += getattr(replay, event)(when=when, **details)
    return dict(done)


class Replay:
    """One learner's events, each through the service the site itself would call."""

    EVENTS = ("self_assessment", "enrol", "complete_module", "assign", "add_to_plan")

    def __init__(self, *, learner, adviser, organisation, first_day):
        self.learner = learner
        self.adviser = adviser
        self.organisation = organisation
        self.first_day = first_day

    def career_step(self, *, from_slug, to_slug, date, note) -> bool:
        """The HR adviser records a step; the latest becomes the confirmed current role."""
        to_profile = _page(RoleProfilePage, to_slug)
        if CareerStep.objects.filter(user=self.learner, to_profile=to_profile, date=date).exists():
            return False
        careers.record_career_step(
            adviser=self.adviser,
            person=self.learner,
            to_profile=to_profile,
            date=date,
            note=note,
            from_profile=_page(RoleProfilePage, from_slug) if from_slug else None,
        )
        return True

    def self_assessment(self, *, when, assessment, target_profile, levels, shared_days_ago) -> bool:
        page = _page(SelfAssessmentPage, assessment)
        if self._attempt_of(when, assessment=page):
            return False
        attempt = assessments.start_attempt(user=self.learner, assessment=page)
        assessments.set_target(user=self.learner, attempt=attempt, profile=_page(RoleProfilePage, target_profile))
        statements = Statement.objects.filter(page=page).select_related("competency")
        answers = {statement.pk: levels[statement.competency.slug] for statement in statements}
        assessments.save_answers(user=self.learner, attempt=attempt, levels=answers)
        assessments.submit(user=self.learner, attempt=attempt)
        shared_at = None
        if shared_days_ago is not None:
            assessments.set_sharing(user=self.learner, attempt=attempt, shared=True)
            shared_at = self.first_day - timedelta(days=shared_days_ago)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=when - timedelta(minutes=page.minutes), submitted_at=when, shared_with_organisation_at=shared_at
        )
        return True

    def enrol(self, *, when, track) -> bool:
        """Enrol, or ask for approval where the track needs it and HR did not assign it."""
        track = _page(LearningTrackPage, track)
        if Enrolment.objects.filter(user=self.learner, track=track).exists():
            return False
        enrolment = curriculum.enrol(user=self.learner, track=track)
        Enrolment.objects.filter(pk=enrolment.pk).update(
            requested_at=when, started_at=when if enrolment.started_at else None
        )
        return True

    def complete_module(self, *, when, track, module, wrong=(), reflections=()) -> bool:
        """Answer the module's checks and write its reflections; the service grades them, remembers the
        module as where the learner was, and completes the track when this was its last required module."""
        track = _page(LearningTrackPage, track)
        module = ModulePage.objects.child_of(track).get(slug=module)
        enrolment = Enrolment.objects.get(user=self.learner, track=track)
        if ModuleProgress.objects.filter(enrolment=enrolment, module=module, completed_at__isnull=False).exists():
            return False
        if enrolment.status != Enrolment.Status.ACTIVE:
            raise ValueError(f"{self.learner} works on {module.slug} without an active enrolment in {track.slug}")
        answers, texts = _answers(module, wrong=wrong, reflections=reflections)
        result, progress, completed_track = curriculum.complete_module(
            enrolment=enrolment, module=module, answers=answers, reflections=texts
        )
        if not result.passed:
            raise ValueError(f"The answers of {self.learner} to {module.slug} do not pass its checks")
        opened_at = when - timedelta(minutes=module.estimated_minutes + 20)
        ModuleProgress.objects.filter(pk=progress.pk).update(opened_at=opened_at, completed_at=when)
        if completed_track:
            _certify(Enrolment.objects.get(pk=enrolment.pk))
            Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=when)
        return True

    def assign(self, *, when, due_in_days, path=None, track=None) -> bool:
        """The HR adviser assigns a path or a track to this one person."""
        target = {"path": LearningPath.objects.get(slug=path)} if path else {"track": _page(LearningTrackPage, track)}
        if Assignment.objects.filter(user=self.learner, **target).exists():
            return False
        batch = curriculum.start_assignment(
            adviser=self.adviser,
            organisation=self.organisation,
            due_date=timezone.localdate(self.first_day) + timedelta(days=due_in_days),
            audience=AssignmentBatch.Audience.PERSON,
            person=self.learner,
            **target,
        )
        # What the task queued on commit does, done now so that the next events see the assignment;
        # the task then finds the batch done.
        curriculum.run_assignment_batch(batch_id=batch.pk)
        AssignmentBatch.objects.filter(pk=batch.pk).update(created_at=when, finished_at=when)
        Assignment.objects.filter(batch=batch).update(created_at=when)
        return True

    def add_to_plan(self, *, when, self_assessment_days_ago, items) -> bool:
        """Tracks added to the development plan, one a minute, from the result of a self-assessment."""
        attempt = self._attempt_of(self.first_day - timedelta(days=self_assessment_days_ago))
        added = 0
        for minutes, (track_slug, competency_slug) in enumerate(items, start=1):
            track = _page(LearningTrackPage, track_slug)
            if PlanItem.objects.filter(plan__user=self.learner, track=track).exists():
                continue
            item = assessments.add_to_plan(
                user=self.learner, track=track, competency=Competency.objects.get(slug=competency_slug), attempt=attempt
            )
            PlanItem.objects.filter(pk=item.pk).update(added_at=when + timedelta(minutes=minutes))
            added += 1
        if added:
            DevelopmentPlan.objects.filter(user=self.learner).update(updated_at=when + timedelta(minutes=len(items)))
        return added > 0

    def _attempt_of(self, when, *, assessment=None) -> Attempt | None:
        """The learner's self-assessment submitted on the day of ``when``."""
        attempts = Attempt.objects.filter(
            user=self.learner, status=Attempt.Status.SUBMITTED, submitted_at__date=timezone.localdate(when)
        )
        if assessment is not None:
            attempts = attempts.filter(assessment=assessment)
        return attempts.first()


def _page(page_class, slug):
    """The page of the site's default language with this slug."""
    return page_class.objects.get(locale=Locale.get_default(), slug=slug)


def _answers(module, *, wrong, reflections) -> tuple[dict, dict]:
    """Form answers to the module's checks, the question numbers in ``wrong`` with a wrong choice, and
    the reflections for its on-the-job assignments, in the order of its body."""
    answers, assignment_ids, number = {}, [], 0
    for block in module.body:
        if block.block_type == "assignment":
            assignment_ids.append(block.id)
        if block.block_type != "knowledge_check":
            continue
        for index, question in enumerate(block.value["questions"]):
            number += 1
            correct = [choice["correct"] for choice in question["choices"]]
            chosen = correct.index(False) if number in wrong else correct.index(True)
            answers[answer_key(block.id, index)] = str(chosen)
    if len(reflections) != len(assignment_ids):
        raise ValueError(f"{module.slug} has {len(assignment_ids)} assignments; give a reflection for each")
    return answers, dict(zip(assignment_ids, reflections, strict=True))


def _certify(enrolment) -> None:
    """Issue the certificate of a completed track, as the certificates app's handler does on commit.
    Done now, the certificate is there even when the seeding runs inside a transaction (as in tests);
    the handler then finds it by the same key."""
    request = certificates.track_request(enrolment=enrolment)
    if request is not None:
        target, key = request
        certificates.issue(user=enrolment.user, track=target, source_key=key)
