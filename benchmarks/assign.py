"""Assigning a learning path to everyone in an organisation: the real service against a bare insert.

    .venv/bin/python -m benchmarks.assign [--people N] [--repeat R]

- **service**: ``curriculum.services.run_assignment_batch`` on a fresh ``AssignmentBatch`` with
  audience "all" (its audience query, chunked ``bulk_create(ignore_conflicts=True)`` and progress
  updates). The batch row is created before the clock starts, as ``start_assignment`` would.
- **floor**: building the same rows (same fields, user ids already in memory) and one plain
  ``Assignment.objects.bulk_create`` without conflict handling.

Both write into an empty assignment table (emptied after every run); the median of ``--repeat``
runs each is compared. Target: service/floor at most 2x. Writes benchmarks/results/assign.json.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass, field

from benchmarks import harness

TARGET = 2.0


@dataclass
class Scene:
    organisation_id: int
    adviser_id: int
    path_id: int
    user_ids: list[int]
    due_date: datetime.date


def populate(people: int) -> Scene:
    from curriculum.models import LearningPath, LearningPathItem
    from people.models import Membership, Organisation

    (track,) = harness.catalog_tracks(1)
    path = LearningPath.objects.create(title="Leerpad", slug="leerpad", description="Voor iedereen.")
    LearningPathItem.objects.create(path=path, track=track, required=True)
    organisation = Organisation.objects.create(name="Gemeente Benchmark", slug="benchmark")
    (adviser,) = harness.bulk_users("adviseur", 1)
    Membership.objects.create(user=adviser, organisation=organisation, role=Membership.Role.HR)
    users = harness.bulk_users("deelnemer", people)
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=organisation, role=Membership.Role.LEARNER) for user in users],
        batch_size=2000,
    )
    harness.analyze()
    return Scene(organisation.pk, adviser.pk, path.pk, sorted(u.pk for u in users), datetime.date(2030, 1, 31))


def new_batch(scene: Scene) -> int:
    from curriculum.models import AssignmentBatch

    batch = AssignmentBatch.objects.create(
        organisation_id=scene.organisation_id,
        assigned_by_id=scene.adviser_id,
        path_id=scene.path_id,
        due_date=scene.due_date,
        audience=AssignmentBatch.Audience.ALL,
    )
    return batch.pk


def floor(scene: Scene, batch_id: int) -> None:
    from curriculum.models import Assignment

    Assignment.objects.bulk_create(
        [
            Assignment(
                user_id=user_id,
                organisation_id=scene.organisation_id,
                path_id=scene.path_id,
                track_id=None,
                due_date=scene.due_date,
                assigned_by_id=scene.adviser_id,
                batch_id=batch_id,
            )
            for user_id in scene.user_ids
        ]
    )


def service(scene: Scene, batch_id: int) -> None:
    from curriculum.services import run_assignment_batch

    run_assignment_batch(batch_id=batch_id)


def empty_assignments(expected: int) -> None:
    """Check the run wrote every row, then empty the table for the next run."""
    from django.db import connection

    from curriculum.models import Assignment

    written = Assignment.objects.count()
    if written != expected:
        raise RuntimeError(f"expected {expected} assignments, found {written}")
    table = connection.ops.quote_name(Assignment._meta.db_table)  # The model's own table, no input.
    sql = f"TRUNCATE {table} CASCADE" if connection.vendor == "postgresql" else f"DELETE FROM {table}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)


@dataclass
class Timing:
    queries: int
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return harness.median(self.seconds)


def measure(people: int, repeat: int) -> dict[str, Timing]:
    print(f"Creating {people} learners in one organisation ...", flush=True)
    scene = populate(people)
    targets = {"floor": floor, "service": service}
    timings: dict[str, Timing] = {}
    for name, run in targets.items():  # One unmeasured run each: warm-up, and the number of queries.
        batch_id = new_batch(scene)
        timings[name] = Timing(queries=harness.count_queries(lambda run=run, batch_id=batch_id: run(scene, batch_id)))
        empty_assignments(people)
    for i in range(repeat):
        print(f"Run {i + 1} of {repeat} ...", flush=True)
        for name, run in targets.items():
            batch_id = new_batch(scene)
            timings[name].seconds.append(harness.timed(lambda run=run, batch_id=batch_id: run(scene, batch_id)))
            empty_assignments(people)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000, help="learners in the organisation")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs per target (the median counts)")
    args = parser.parse_args()
    if args.people < 1 or args.repeat < 1:
        parser.error("--people and --repeat must be at least 1")

    with harness.bench_database() as vendor:
        timings = measure(args.people, args.repeat)
        ratio = timings["service"].median / timings["floor"].median
        print()
        harness.print_table(
            ["target", "rows", "queries", "median s", "runs (s)"],
            [
                [name, args.people, t.queries, f"{t.median:.3f}", " ".join(f"{s:.3f}" for s in t.seconds)]
                for name, t in timings.items()
            ],
        )
        verdict = "within" if ratio <= TARGET else "MISSES"
        print(f"service/floor on {vendor}: {ratio:.2f}x, {verdict} the target of at most {TARGET:g}x")
        harness.write_result(
            "assign",
            {
                "people": args.people,
                "repeat": args.repeat,
                "targets": {
                    name: {"queries": t.queries, "median_seconds": round(t.median, 4), "seconds": t.seconds}
                    for name, t in timings.items()
                },
                "service_over_floor": round(ratio, 3),
                "target": TARGET,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
