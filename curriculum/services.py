"""Writes for enrolment, progress, learning paths and their assignment by HR."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.events import Action, record
from people.models import REQUEST_DECISION_DAYS_MAX, REQUEST_DECISION_DAYS_MIN, Organisation, User
from people.selectors import can_hr_see, organisations_advised_by

from . import notifications, selectors
from .grading import ModuleResult, grade_module
from .models import (
    Assignment,
    AssignmentBatch,
    Enrolment,
    Format,
    LearningPath,
    LearningTrackPage,
    ModulePage,
    ModuleProgress,
    RequestReminder,
)
from .signals import path_completed, track_completed
from .status import refresh_finished


@transaction.atomic
def enrol(*, user: User, track: LearningTrackPage) -> Enrolment:
    """Enrol, or ask the HR adviser's approval where the track needs it and HR did not
    assign it. Enrolling again returns the existing enrolment."""
    enrolment = Enrolment.objects.select_for_update().filter(user=user, track=track).first()
    if enrolment and enrolment.status != Enrolment.Status.DECLINED:
        return enrolment
    needs_approval = track.requires_approval and not selectors.is_assigned(user=user, track=track)
    status = Enrolment.Status.REQUESTED if needs_approval else Enrolment.Status.ACTIVE
    if enrolment is None:
        enrolment = Enrolment(user=user, track=track)
    else:
        # A new request after a decline: it waits from now, and is reminded about afresh.
        enrolment.requested_at = timezone.now()
        RequestReminder.objects.filter(enrolment=enrolment).delete()
    enrolment.status = status
    enrolment.decided_by = None
    enrolment.decided_at = None
    enrolment.decision_reason = ""
    enrolment.started_at = None if needs_approval else timezone.now()
    enrolment.save()
    if needs_approval:
        notifications.enrolment_requested(enrolment=enrolment)
    return enrolment


def request_gone_message() -> str:
    return _("Deze aanvraag bestaat niet meer: de deelnemer heeft hem misschien ingetrokken.")


class OwnRequestError(PermissionDenied):
    """Nobody decides their own enrolment request."""


def check_may_decide(*, decider: User, enrolment: Enrolment) -> None:
    """Raise ``OwnRequestError`` (with a message for the decider) when ``enrolment`` is
    the decider's own request, ``PermissionDenied`` when it is not theirs to decide.

    An HR adviser decides the requests of the members of the organisations they advise; an
    adviser's own request goes to another adviser of the organisation, or, when there is
    none, to the platform admin (a superuser), who may decide any request."""
    if enrolment.user_id == decider.pk:
        raise OwnRequestError(
            _(
                "Over je eigen aanvraag besluit je niet zelf. Een andere HR-adviseur van je organisatie "
                "of de beheerder van Spil besluit erover."
            )
        )
    if not selectors.enrolments_decidable_by(decider=decider).filter(pk=enrolment.pk).exists():
        raise PermissionDenied


@transaction.atomic
def decide_enrolment(*, adviser: User, enrolment_id: int, approve: bool, reason: str = "") -> Enrolment:
    """Approve or decline a request; ``adviser`` is the HR adviser or platform admin who
    decides (see ``check_may_decide``)."""
    enrolment = Enrolment.objects.select_for_update().select_related("user", "track").filter(pk=enrolment_id).first()
    if enrolment is None:
        raise ValidationError(request_gone_message())
    check_may_decide(decider=adviser, enrolment=enrolment)
    if enrolment.status != Enrolment.Status.REQUESTED:
        raise ValidationError(_("Over deze aanvraag is al besloten."))
    reason = reason.strip()
    if not approve and not reason:
        raise ValidationError({"reason": _("Geef een reden, zodat de deelnemer weet waarom.")})
    enrolment.status = Enrolment.Status.ACTIVE if approve else Enrolment.Status.DECLINED
    enrolment.decided_by = adviser
    enrolment.decided_at = timezone.now()
    enrolment.decision_reason = reason
    enrolment.started_at = enrolment.decided_at if approve else None
    enrolment.save()
    notifications.enrolment_decided(enrolment=enrolment)
    return enrolment


@transaction.atomic
def withdraw_request(*, user: User, enrolment_id: int) -> Enrolment:
    """Withdraw ``user``'s own request that HR has not decided yet. The request is removed
    (nothing was started under it), so the learner can ask again later. Raises
    ``Enrolment.DoesNotExist`` for a request that is not theirs, ``ValidationError`` once HR
    has decided."""
    enrolment = Enrolment.objects.select_for_update().select_related("track").get(pk=enrolment_id, user=user)
    if enrolment.status != Enrolment.Status.REQUESTED:
        raise ValidationError(_("Over je aanvraag is al besloten; intrekken kan niet meer."))
    enrolment.delete()
    return enrolment


@transaction.atomic
def set_request_decision_days(*, adviser: User, days: dict[int, int]) -> None:
    """Set, per organisation id, how many days HR has to decide a request; only for
    organisations ``adviser`` advises (``PermissionDenied`` otherwise, nothing changes)."""
    organisations = {o.pk: o for o in organisations_advised_by(adviser=adviser).filter(pk__in=list(days))}
    if set(days) - set(organisations):
        raise PermissionDenied
    for pk, value in days.items():
        if not REQUEST_DECISION_DAYS_MIN <= value <= REQUEST_DECISION_DAYS_MAX:
            raise ValidationError(
                _("Kies een aantal dagen van %(min)s tot en met %(max)s.")
                % {"min": REQUEST_DECISION_DAYS_MIN, "max": REQUEST_DECISION_DAYS_MAX}
            )
        organisation = organisations[pk]
        if organisation.request_decision_days != value:
            organisation.request_decision_days = value
            organisation.save(update_fields=["request_decision_days"])


@transaction.atomic
def restart_track(*, user: User, track: LearningTrackPage) -> Enrolment:
    """Do a completed track again, for instance to renew its certificate. The answers and
    reflections stay; the modules count as open again until they are completed anew."""
    enrolment = Enrolment.objects.select_for_update().get(user=user, track=track)
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise ValidationError(_("Je kunt alleen een afgeronde leergang opnieuw doen."))
    ModuleProgress.objects.filter(enrolment=enrolment).update(completed_at=None)
    enrolment.status = Enrolment.Status.ACTIVE
    enrolment.completed_at = None
    enrolment.started_at = timezone.now()
    enrolment.save(update_fields=["status", "completed_at", "started_at"])
    return enrolment


@transaction.atomic
def complete_module(
    *, enrolment: Enrolment, module: ModulePage, answers: dict, reflections: dict
) -> tuple[ModuleResult, ModuleProgress, bool]:
    """Grade and keep the answers; mark the module done when every check is passed and
    every reflection written; complete the track when all its required modules are done.
    The module is remembered as where the learner was, to resume there.
    Returns the grading, the progress row, and whether this completed the track."""
    result = grade_module(body=module.body, answers=answers, reflections=reflections)
    progress, _created = ModuleProgress.objects.select_for_update().get_or_create(enrolment=enrolment, module=module)
    if enrolment.last_module_id != module.pk:
        Enrolment.objects.filter(pk=enrolment.pk).update(last_module=module)
        enrolment.last_module = module
    progress.answers = {
        key: answers[key] for key in answers if key in {q.key for c in result.checks for q in c.questions}
    }
    progress.reflections = {key: str(value)[:5000] for key, value in reflections.items()}
    progress.score = result.score
    if result.passed and progress.completed_at is None:
        progress.completed_at = timezone.now()
    progress.save()
    completed_track = result.passed and complete_track_if_done(enrolment=enrolment)
    return result, progress, completed_track


def complete_track_if_done(*, enrolment: Enrolment) -> bool:
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.COMPLETED:
        return False
    required = selectors.required_module_ids(track=enrolment.track)
    done = set(
        ModuleProgress.objects.filter(
            enrolment=enrolment, module_id__in=required, completed_at__isnull=False
        ).values_list("module_id", flat=True)
    )
    if not required or done != set(required):
        return False
    _complete(enrolment=enrolment)
    return True


@transaction.atomic
def complete_by_attendance(*, user: User, track: LearningTrackPage) -> bool:
    """Complete a track of the learning-circle format whose circle says the learner attended
    enough sessions (circles decides that; a track has no modules to count then). Enrols
    first where needed, without asking HR: attending was the learning. Returns whether this
    completed the track; the certificate follows as for any completed track."""
    if track.format != Format.LEARNING_CIRCLE:
        raise ValidationError(_("Alleen een leergang in de vorm 'leerkring' rond je af door bijeenkomsten."))
    enrolment, _created = Enrolment.objects.select_for_update().get_or_create(
        user=user, track=track, defaults={"status": Enrolment.Status.ACTIVE, "started_at": timezone.now()}
    )
    if enrolment.status == Enrolment.Status.COMPLETED:
        return False
    _complete(enrolment=enrolment)
    return True


def _complete(*, enrolment: Enrolment) -> None:
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.started_at = enrolment.started_at or enrolment.completed_at
    enrolment.save(update_fields=["status", "completed_at", "started_at"])
    user = enrolment.user
    transaction.on_commit(lambda: track_completed.send(sender=Enrolment, enrolment=enrolment))
    for path in selectors.paths_completed_by(user=user, track=enrolment.track):
        transaction.on_commit(lambda path=path: path_completed.send(sender=LearningPath, user=user, path=path))


# Assignment by HR ------------------------------------------------------------------


def _require_adviser(*, adviser: User, organisation: Organisation) -> None:
    if not organisations_advised_by(adviser=adviser).filter(pk=organisation.pk).exists():
        raise PermissionDenied


@transaction.atomic
def start_assignment(
    *,
    adviser: User,
    organisation: Organisation,
    due_date: datetime.date,
    audience: str,
    path: LearningPath | None = None,
    track: LearningTrackPage | None = None,
    role_profile=None,
    team: str = "",
    person: User | None = None,
) -> AssignmentBatch:
    """Record an assignment job and queue it; the worker writes the assignments."""
    from .tasks import run_assignment_batch as run_assignment_batch_task

    _require_adviser(adviser=adviser, organisation=organisation)
    if (path is None) == (track is None):
        raise ValidationError(_("Kies een leerpad of een leergang."))
    if person is not None and not can_hr_see(adviser=adviser, person=person):
        raise PermissionDenied
    batch = AssignmentBatch.objects.create(
        organisation=organisation,
        assigned_by=adviser,
        path=path,
        track=track,
        due_date=due_date,
        audience=audience,
        role_profile=role_profile,
        team=team,
        person=person,
    )
    record(Action.ASSIGNMENT_CREATED, actor=adviser, organisation=organisation, subject=batch, audience=audience)
    transaction.on_commit(lambda: run_assignment_batch_task.delay(batch.pk))
    return batch


@transaction.atomic
def retry_assignment_batch(*, adviser: User, batch: AssignmentBatch) -> bool:
    """Queue a failed job again (its retry button). False when it had not failed, for
    instance when the button was pressed twice: the job is queued once."""
    from .tasks import run_assignment_batch as run_assignment_batch_task

    _require_adviser(adviser=adviser, organisation=batch.organisation)
    if not AssignmentBatch.requeue(batch.pk):
        return False
    transaction.on_commit(lambda: run_assignment_batch_task.delay(batch.pk))
    return True


def run_assignment_batch(*, batch_id: int, chunk_size: int = 2000) -> AssignmentBatch:
    """Write the assignments of a batch in bulk, chunk by chunk, with visible progress.

    Idempotent: a person already assigned this target keeps their assignment (the unique
    constraints make the insert skip them), so a second run, or a run after a worker died
    midway, adds only what is missing."""
    batch = AssignmentBatch.objects.select_related("organisation").get(pk=batch_id)
    if batch.status == AssignmentBatch.Status.DONE:
        return batch
    user_ids = list(selectors.audience_user_ids(batch=batch))
    AssignmentBatch.mark_running(batch.pk, total=len(user_ids))
    for start in range(0, len(user_ids), chunk_size):
        chunk = user_ids[start : start + chunk_size]
        Assignment.objects.bulk_create(
            [
                Assignment(
                    user_id=user_id,
                    organisation_id=batch.organisation_id,
                    path_id=batch.path_id,
                    track_id=batch.track_id,
                    due_date=batch.due_date,
                    assigned_by_id=batch.assigned_by_id,
                    batch_id=batch.pk,
                )
                for user_id in chunk
            ],
            ignore_conflicts=True,
        )
        # bulk_create sends no signals: a learner who already finished the target is done.
        refresh_finished(Assignment.objects.filter(batch=batch, user_id__in=chunk))
        AssignmentBatch.mark_progress(batch.pk, processed=start + len(chunk))
    created = Assignment.objects.filter(batch=batch).count()
    AssignmentBatch.mark_done(batch.pk, processed=len(user_ids), created_count=created)
    batch.refresh_from_db()
    return batch


# Reminders -------------------------------------------------------------------------


def send_due_reminders(*, today: datetime.date) -> int:
    """Email each learner once 14 days and 3 days before a due date and once when it has
    passed. The reminder row and the queued mail are written in one transaction, and the
    unique constraint turns a second run (or a second worker) into a no-op."""
    sent = 0
    for assignment, kind in selectors.reminders_due(today=today):
        try:
            with transaction.atomic():
                notifications.due_reminder(assignment=assignment, kind=kind, today=today)
        except IntegrityError:
            continue
        sent += 1
    return sent


def send_overdue_digests(*, today: datetime.date) -> int:
    """Send every HR adviser, once per ISO week and organisation, the list of overdue
    assignments of that organisation."""
    year, week, _weekday = today.isocalendar()
    label = f"{year}-W{week:02d}"
    sent = 0
    for adviser, organisation, overdue in selectors.overdue_digests(today=today):
        try:
            with transaction.atomic():
                notifications.overdue_digest(
                    adviser=adviser, organisation=organisation, overdue=overdue, week=label, today=today
                )
        except IntegrityError:
            continue
        sent += 1
    return sent


def send_request_reminders(*, today: datetime.date) -> int:
    """Remind about every request HR has not decided within its organisation's deadline,
    once per period (see ``selectors.request_reminders_due``): the learner, that the
    request still waits and does not expire; the people who decide, one mail each with all
    their overdue requests; the platform admins when no HR adviser is active. No request
    is ever declined for being late.

    One transaction: the reminder rows and the queued mails are written together, and the
    unique (request, number) turns a second run, or a second worker, into a no-op.
    Returns the number of requests reminded about."""
    to_decide: dict[int, tuple[User, list]] = {}
    sent = 0
    with transaction.atomic():
        for enrolment, number in selectors.request_reminders_due(today=today):
            advisers, escalated = selectors.request_reminder_recipients(enrolment=enrolment)
            try:
                with transaction.atomic():
                    RequestReminder.objects.create(
                        enrolment=enrolment, number=number, sent_on=today, escalated=escalated
                    )
            except IntegrityError:
                continue
            notifications.request_waiting(enrolment=enrolment, advisers=advisers, escalated=escalated)
            for adviser in advisers:
                to_decide.setdefault(adviser.pk, (adviser, []))[1].append((enrolment, escalated))
            sent += 1
        for adviser, requests in to_decide.values():
            notifications.requests_overdue(adviser=adviser, requests=requests)
    return sent
