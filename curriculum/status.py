"""When an assignment was finished, kept on the assignment itself (``Assignment.finished_at``).

Whether an assignment is finished follows from other rows: the learner's completed enrolment
of the track, or for a path every required track and at least ``min_electives`` others.
Working that out per assignment on every read (two correlated subqueries per row) made the HR
dashboard of a ministry take seconds; kept on the row, every status figure is a plain column
filter that an index serves.

``refresh_finished`` recomputes the column for some assignments in a fixed number of queries
(whatever their number), from the same rules; ``connect`` keeps it current on every save and
delete that can change it: an enrolment (its status or completion moment), an assignment (new,
or another target), a path's items and its number of electives. It runs at once, so a reader
in the same transaction sees the new state, and again after the commit: two completions of the
same learner committed at the same moment each ran before seeing the other, and the second
run after the last commit sees both.

Writes that bypass Django's signals (``bulk_create``, ``QuerySet.update``, ``COPY``) call
``refresh_finished`` themselves (``curriculum.services`` for batches of assignments,
``benchmarks.population`` after loading).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save

from .models import Assignment, Enrolment, LearningPath, LearningPathItem

COMPLETED = Enrolment.Status.COMPLETED
BATCH = 2000


def _derived(assignments: QuerySet[Assignment], *, models=None) -> QuerySet[Assignment]:
    """``derived_finished`` and ``derived_at`` worked out from the enrolments, in SQL.

    For a path the moment is the last completion of a required track, or of any of its
    tracks when it asks for electives (a learner who completes more electives than asked is
    counted as finished at the last); a path with nothing to complete is finished from the
    moment it was assigned. ``models``: (Enrolment, LearningPathItem) of a migration's state."""
    Enrolment, LearningPathItem = models or (globals()["Enrolment"], globals()["LearningPathItem"])  # noqa: N806
    completed = Enrolment.objects.filter(user=OuterRef(OuterRef("user")), track=OuterRef("track"), status=COMPLETED)
    items = LearningPathItem.objects.filter(path=OuterRef("path"))

    def count(items_qs):
        counted = items_qs.order_by().values("path").annotate(c=Count("pk")).values("c")[:1]
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    done = Enrolment.objects.filter(user=OuterRef("user"), status=COMPLETED)
    counting = LearningPathItem.objects.filter(path=OuterRef(OuterRef("path")), track=OuterRef("track")).filter(
        Q(required=True) | Q(path__min_electives__gt=0)
    )
    last_of_path = done.filter(Exists(counting)).order_by().values("user").annotate(last=Max("completed_at"))
    return assignments.annotate(
        track_done_at=Subquery(done.filter(track=OuterRef("track")).values("completed_at")[:1]),
        track_done=Exists(done.filter(track=OuterRef("track"))),
        required_total=count(items.filter(required=True)),
        required_done=count(items.filter(Exists(completed), required=True)),
        electives_done=count(items.filter(Exists(completed), required=False)),
        path_done_at=Subquery(last_of_path.values("last")[:1]),
    ).annotate(
        derived_finished=Case(
            When(track__isnull=False, track_done=True, then=Value(True)),
            When(
                path__isnull=False,
                required_done=F("required_total"),
                electives_done__gte=F("path__min_electives"),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
        derived_at=Case(
            When(track__isnull=False, then=F("track_done_at")),
            default=F("path_done_at"),
            output_field=DateTimeField(),
        ),
    )


def refresh_finished(assignments: QuerySet[Assignment], *, models=None) -> int:
    """Set ``finished_at`` of these assignments from their enrolments; returns how many
    changed. One query to read, one per BATCH changed rows to write."""
    Assignment = assignments.model  # noqa: N806 (a migration's historical model too)
    changed = []
    rows = _derived(assignments.order_by(), models=models).values_list(
        "pk", "finished_at", "created_at", "derived_finished", "derived_at"
    )
    for pk, current, created_at, finished, at in rows.iterator(chunk_size=BATCH):
        wanted = (at or created_at) if finished else None
        if wanted != current:
            changed.append(Assignment(pk=pk, finished_at=wanted))
    Assignment.objects.bulk_update(changed, ["finished_at"], batch_size=BATCH)
    return len(changed)


def _refresh_now_and_after_commit(assignments: QuerySet[Assignment]) -> None:
    refresh_finished(assignments)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: refresh_finished(assignments))


def of_learner_and_track(*, user_id: int, track_id: int) -> QuerySet[Assignment]:
    """The learner's assignments that a completion of the track can change: of the track,
    or of a path that contains it."""
    return Assignment.objects.filter(
        Q(track_id=track_id) | Q(path__items__track_id=track_id), user_id=user_id
    ).distinct()


# Only these fields of an enrolment count for its assignments.
ENROLMENT_FIELDS = frozenset({"status", "completed_at", "track", "track_id", "user", "user_id"})


def enrolment_changed(sender, instance: Enrolment, update_fields=None, **kwargs) -> None:
    if update_fields and not set(update_fields) & ENROLMENT_FIELDS:
        return
    _refresh_now_and_after_commit(of_learner_and_track(user_id=instance.user_id, track_id=instance.track_id))


def assignment_saved(sender, instance: Assignment, update_fields=None, raw=False, **kwargs) -> None:
    if raw or (update_fields and set(update_fields) <= {"finished_at", "due_date", "batch", "assigned_by"}):
        return
    _refresh_now_and_after_commit(Assignment.objects.filter(pk=instance.pk))


def path_changed(sender, instance, raw=False, **kwargs) -> None:
    """A path, or one of its items, changed: all its assignments, once per transaction
    (saving a path saves each of its items), after the commit."""
    if raw:
        return
    path_id = instance.pk if isinstance(instance, LearningPath) else instance.path_id
    if path_id is None:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh_finished(Assignment.objects.filter(path_id=path_id))
        return
    # Once per transaction: a refresh of this path waiting for the commit already does it
    # (the list is Django's own, so a rollback leaves nothing behind).
    if any(getattr(entry[1], "refreshes_path", None) == path_id for entry in connection.run_on_commit):
        return

    def refresh() -> None:
        refresh.refreshes_path = None  # run: a later change needs a run of its own
        refresh_finished(Assignment.objects.filter(path_id=path_id))

    refresh.refreshes_path = path_id
    transaction.on_commit(refresh)


def connect() -> None:
    """Connect the receivers (from ``CurriculumConfig.ready``). Idempotent."""
    post_save.connect(enrolment_changed, sender=Enrolment, dispatch_uid="curriculum-status-enrolment-save")
    post_delete.connect(enrolment_changed, sender=Enrolment, dispatch_uid="curriculum-status-enrolment-delete")
    post_save.connect(assignment_saved, sender=Assignment, dispatch_uid="curriculum-status-assignment-save")
    post_save.connect(path_changed, sender=LearningPath, dispatch_uid="curriculum-status-path-save")
    post_save.connect(path_changed, sender=LearningPathItem, dispatch_uid="curriculum-status-item-save")
    post_delete.connect(path_changed, sender=LearningPathItem, dispatch_uid="curriculum-status-item-delete")
