"""The learner dashboard /mijn/ with a small and a big module-progress table.

    .venv/bin/python -m benchmarks.dashboard [--small N] [--big N] [--requests R]

One learner with a fixed amount of own data (5 enrolments, 3 progress rows each, 3
assignments) asks for /mijn/ through Django's test client (full middleware stack, a real
session). The floor is that dashboard while the ModuleProgress table holds ``--small`` rows in
total; then other learners' rows are added until it holds ``--big`` rows and the same is
measured again. The rest belong to other learners, each enrolled in every track with progress
in every module. Statistics are refreshed after each load. Target: big/small at most 1.2x.
Writes benchmarks/results/dashboard.json.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benchmarks import harness

if TYPE_CHECKING:
    from curriculum.models import LearningTrackPage, ModulePage
    from people.models import User

TARGET = 1.2
TRACKS = 10
MODULES_PER_TRACK = 10
OWN_ENROLMENTS = 5
OWN_PROGRESS_PER_ENROLMENT = 3
WARMUP = 20
INSERT_BATCH = 10_000


@dataclass
class Scene:
    learner: User
    tracks: list[LearningTrackPage]
    modules: dict[int, list[ModulePage]]  # per track id
    others: int = 0  # other learners created so far


def populate() -> Scene:
    """Tracks with modules, a path, and the learner's own enrolments, progress and assignments."""
    from django.utils import timezone

    from curriculum.models import Assignment, Enrolment, LearningPath, LearningPathItem, ModulePage, ModuleProgress
    from people.models import Membership, Organisation

    tracks = harness.catalog_tracks(TRACKS)
    modules = {
        track.pk: [
            track.add_child(
                instance=ModulePage(
                    title=f"Module {t}.{m}",
                    slug=f"module-{m}",
                    required=m < MODULES_PER_TRACK - 2,
                    body=[("paragraph", "<p>Lees dit eerst.</p>")],
                )
            )
            for m in range(MODULES_PER_TRACK)
        ]
        for t, track in enumerate(tracks)
    }
    organisation = Organisation.objects.create(name="Gemeente Benchmark", slug="benchmark")
    (learner,) = harness.bulk_users("deelnemer", 1)
    Membership.objects.create(user=learner, organisation=organisation, role=Membership.Role.LEARNER)
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(
                user=learner,
                track=track,
                status=Enrolment.Status.COMPLETED if i == 0 else Enrolment.Status.ACTIVE,
                started_at=now,
                completed_at=now if i == 0 else None,
            )
            for i, track in enumerate(tracks[:OWN_ENROLMENTS])
        ]
    )
    ModuleProgress.objects.bulk_create(
        [
            ModuleProgress(enrolment=enrolment, module=module, completed_at=now if m < 2 else None)
            for enrolment in enrolments
            for m, module in enumerate(modules[enrolment.track_id][:OWN_PROGRESS_PER_ENROLMENT])
        ]
    )
    path = LearningPath.objects.create(title="Leerpad", slug="leerpad", description="Van A naar B.")
    LearningPathItem.objects.bulk_create(
        [LearningPathItem(path=path, track=track, sort_order=i) for i, track in enumerate(tracks[:2])]
    )
    today = timezone.localdate()
    Assignment.objects.bulk_create(  # A path, a track due next week, and a track overdue.
        Assignment(user=learner, organisation=organisation, path=target_path, track=track, due_date=today + days)
        for target_path, track, days in [
            (path, None, datetime.timedelta(30)),
            (None, tracks[5], datetime.timedelta(7)),
            (None, tracks[6], datetime.timedelta(-3)),
        ]
    )
    return Scene(learner=learner, tracks=tracks, modules=modules)


def grow_progress_to(scene: Scene, total: int) -> None:
    """Add other learners, each enrolled in every track with a row per module, until the
    ModuleProgress table holds ``total`` rows."""
    from django.utils import timezone

    from curriculum.models import Enrolment, ModuleProgress

    missing = total - ModuleProgress.objects.count()
    per_learner = TRACKS * MODULES_PER_TRACK
    count = -(-missing // per_learner)
    users = harness.bulk_users("ander", count, start=scene.others)
    scene.others += count
    now = timezone.now()
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(user=user, track=track, started_at=now) for user in users for track in scene.tracks],
        batch_size=INSERT_BATCH,
    )
    rows: list[ModuleProgress] = []
    for enrolment in enrolments:
        for m, module in enumerate(scene.modules[enrolment.track_id]):
            if missing == 0:
                break
            done = now if (enrolment.pk + m) % 3 else None
            rows.append(ModuleProgress(enrolment=enrolment, module=module, completed_at=done, score=80))
            missing -= 1
        if rows and (len(rows) >= INSERT_BATCH or missing == 0):
            ModuleProgress.objects.bulk_create(rows)
            rows = []
    harness.analyze()


@dataclass
class Timing:
    progress_rows: int
    queries: int
    milliseconds: list[float]


def measure_dashboard(scene: Scene, requests: int) -> Timing:
    from django.test import Client

    from curriculum.models import ModuleProgress

    client = Client(HTTP_HOST="localhost")
    client.force_login(scene.learner)

    def get() -> None:
        response = client.get("/mijn/")
        if response.status_code != 200 or scene.tracks[1].title.encode() not in response.content:
            raise RuntimeError(f"/mijn/ answered {response.status_code} without the learner's tracks")

    for _ in range(WARMUP):
        get()
    queries = harness.count_queries(get)
    milliseconds = [harness.timed(get) * 1000 for _ in range(requests)]
    return Timing(ModuleProgress.objects.count(), queries, milliseconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--small", type=int, default=1_000, help="ModuleProgress rows in total for the floor")
    parser.add_argument("--big", type=int, default=100_000, help="ModuleProgress rows in total for the big table")
    parser.add_argument("--requests", type=int, default=200, help="measured requests per size")
    args = parser.parse_args()
    own = OWN_ENROLMENTS * OWN_PROGRESS_PER_ENROLMENT
    if not own <= args.small < args.big or args.requests < 1:
        parser.error(f"need {own} <= --small < --big and --requests >= 1")

    with harness.bench_database() as vendor:
        print("Creating tracks, modules and the learner ...", flush=True)
        scene = populate()
        timings: dict[str, Timing] = {}
        for name, total in (("small", args.small), ("big", args.big)):
            print(f"Filling ModuleProgress to {total} rows, then {args.requests} requests ...", flush=True)
            grow_progress_to(scene, total)
            timings[name] = measure_dashboard(scene, args.requests)
        ratio = harness.median(timings["big"].milliseconds) / harness.median(timings["small"].milliseconds)
        print()
        harness.print_table(
            ["size", "progress rows", "queries/request", "median ms", "p95 ms"],
            [
                [
                    name,
                    t.progress_rows,
                    t.queries,
                    f"{harness.median(t.milliseconds):.2f}",
                    f"{harness.percentile(t.milliseconds, 95):.2f}",
                ]
                for name, t in timings.items()
            ],
        )
        verdict = "within" if ratio <= TARGET else "MISSES"
        print(f"big/small on {vendor}: {ratio:.2f}x, {verdict} the target of at most {TARGET:g}x")
        harness.write_result(
            "dashboard",
            {
                "requests": args.requests,
                "warmup": WARMUP,
                "sizes": {
                    name: {
                        "progress_rows": t.progress_rows,
                        "queries_per_request": t.queries,
                        "median_ms": round(harness.median(t.milliseconds), 3),
                        "p95_ms": round(harness.percentile(t.milliseconds, 95), 3),
                    }
                    for name, t in timings.items()
                },
                "big_over_small": round(ratio, 3),
                "target": TARGET,
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
