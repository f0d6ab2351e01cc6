"""Inviting 10,000 people from one file: the real import against a bare insert of the same rows.

    .venv/bin/python -m benchmarks.bench_invitations [--people N] [--repeat R]

- **service**: the whole path of a file through ``invitations.services``: ``preview_import``
  (read the CSV, check every row alone, in the file and against the database, store the
  preview rows), ``confirm_import`` and ``run_import`` (check the database again, write the
  invitations in chunks of 500 with progress, and queue one mail per person through
  ``people.services.send_templated_email``). The file's bytes are made before the clock starts.
- **without mail**: the same path with ``invitations.services._send`` replaced by a no-op, to
  tell what the import costs apart from the mail it queues (one ``OutgoingEmail`` row, two
  rendered templates and one Celery message per person, all inside ``people.services``).
- **floor**: building the same ``Invitation`` objects (same fields, token hashes made in the
  loop) from rows already in memory and one plain ``Invitation.objects.bulk_create``.

Mail tasks go to Celery's in-memory broker and are never delivered (no worker runs): what is
measured is what the import does, queueing included, not the SMTP traffic a worker does later.
Both write into empty tables (emptied after every run); the median of ``--repeat`` runs each is
compared. Prints the parts of one service run too. Writes benchmarks/results/invitations.json.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field

from benchmarks import harness


@dataclass
class Scene:
    organisation_id: int
    adviser_id: int
    data: bytes
    rows: list[tuple[str, str, str]]


@dataclass
class Parts:
    """The two halves of each measured service run: the preview, and confirming and running."""

    preview: list[float] = field(default_factory=list)
    run: list[float] = field(default_factory=list)


def populate(people: int) -> Scene:
    from people.models import Membership, Organisation

    organisation = Organisation.objects.create(name="Gemeente Benchmark", slug="benchmark")
    (adviser,) = harness.bulk_users("adviseur", 1)
    Membership.objects.create(user=adviser, organisation=organisation, role=Membership.Role.HR)
    # Members of the organisation and of another one, so the checks against the database
    # look through tables that are not empty.
    other = Organisation.objects.create(name="Gemeente Elders", slug="elders")
    members = harness.bulk_users("lid", people)
    Membership.objects.bulk_create(
        [
            Membership(user=user, organisation=organisation if i % 2 else other, role=Membership.Role.LEARNER)
            for i, user in enumerate(members)
        ],
        batch_size=2000,
    )
    rows = [(f"Genodigde {i} de Vries", f"genodigde{i}@example.org", f"Team {i % 25}") for i in range(people)]
    lines = ["naam;e-mail;team;rol", *(f"{name};{email};{team};deelnemer" for name, email, team in rows)]
    harness.analyze()
    return Scene(organisation.pk, adviser.pk, ("\r\n".join(lines) + "\r\n").encode(), rows)


def floor(scene: Scene, parts: Parts | None = None) -> None:
    import datetime

    from django.utils import timezone

    from common.tokens import hash_token, new_token
    from invitations.models import Invitation

    now = timezone.now()
    expires = now + datetime.timedelta(days=14)
    Invitation.objects.bulk_create(
        [
            Invitation(
                organisation_id=scene.organisation_id,
                email=email,
                full_name=name,
                team=team,
                role="learner",
                token_hash=hash_token(new_token()),
                invited_by_id=scene.adviser_id,
                sent_at=now,
                expires_at=expires,
            )
            for name, email, team in scene.rows
        ]
    )


def service(scene: Scene, parts: Parts | None = None) -> None:
    from invitations import services
    from people.models import Organisation, User

    adviser = User.objects.get(pk=scene.adviser_id)
    organisation = Organisation.objects.get(pk=scene.organisation_id)
    start = time.perf_counter()
    job = services.preview_import(adviser=adviser, organisation=organisation, data=scene.data, file_name="mensen.csv")
    if job.problem_count:
        raise RuntimeError(f"the benchmark file has {job.problem_count} rows with a problem")
    middle = time.perf_counter()
    services.confirm_import(adviser=adviser, job_id=job.pk)
    job = services.run_import(job_id=job.pk)
    if job.status != job.Status.DONE:
        raise RuntimeError(f"the import ended {job.status}: {job.error}")
    if parts is not None:
        parts.preview.append(middle - start)
        parts.run.append(time.perf_counter() - middle)


def service_without_mail(scene: Scene, parts: Parts | None = None) -> None:
    from unittest import mock

    with mock.patch("invitations.services._send"):
        service(scene)


def empty_tables(expected: int) -> None:
    """Check the run wrote every invitation, then empty what it wrote for the next run."""
    from django.db import connection

    from invitations.models import ImportRow, Invitation, InvitationImport
    from people.models import OutgoingEmail

    written = Invitation.objects.count()
    if written != expected:
        raise RuntimeError(f"expected {expected} invitations, found {written}")
    models = [ImportRow, Invitation, InvitationImport, OutgoingEmail]
    with connection.cursor() as cursor:
        for model in models:
            table = connection.ops.quote_name(model._meta.db_table)  # The models' own tables, no input.
            sql = f"TRUNCATE {table} CASCADE" if connection.vendor == "postgresql" else f"DELETE FROM {table}"  # noqa: S608
            cursor.execute(sql)


def count_queries(fn) -> int:
    """Every query ``fn`` makes: ``harness.count_queries`` keeps only Django's last 9,000."""
    from django.db import connection

    count = 0

    def counting(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        fn()
    return count


@dataclass
class Timing:
    queries: int
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return harness.median(self.seconds)


def measure(people: int, repeat: int) -> tuple[dict[str, Timing], Parts]:
    print(f"Creating {people} members and a file of {people} people to invite ...", flush=True)
    scene = populate(people)
    targets = {"floor": floor, "without mail": service_without_mail, "service": service}
    timings: dict[str, Timing] = {}
    for name, run in targets.items():  # One unmeasured run each: warm-up, and the number of queries.
        timings[name] = Timing(queries=count_queries(lambda run=run: run(scene)))
        empty_tables(people)
    parts = Parts()
    for i in range(repeat):  # The targets take turns, so a busy moment on the machine falls on all.
        print(f"Run {i + 1} of {repeat} ...", flush=True)
        for name, run in targets.items():
            timings[name].seconds.append(harness.timed(lambda run=run: run(scene, parts if run is service else None)))
            empty_tables(people)
    return timings, parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000, help="rows in the file")
    parser.add_argument("--repeat", type=int, default=5, help="measured runs per target (the median counts)")
    args = parser.parse_args()
    if args.people < 1 or args.repeat < 1:
        parser.error("--people and --repeat must be at least 1")
    from invitations.files import MAX_ROWS

    if args.people > MAX_ROWS:
        parser.error(f"--people at most {MAX_ROWS}: a file holds no more rows")

    with harness.bench_database() as vendor:
        from cms.celery import app as celery_app

        # Mail tasks are queued, not run in this process: no worker reads the in-memory broker.
        celery_app.conf.update(task_always_eager=False, broker_url="memory://")
        timings, parts = measure(args.people, args.repeat)
        ratio = timings["service"].median / timings["floor"].median
        without_mail = timings["without mail"].median / timings["floor"].median
        print()
        harness.print_table(
            ["target", "rows", "queries", "median s", "runs (s)"],
            [
                [name, args.people, t.queries, f"{t.median:.3f}", " ".join(f"{s:.3f}" for s in t.seconds)]
                for name, t in timings.items()
            ],
        )
        preview, run = harness.median(parts.preview), harness.median(parts.run)
        print(f"service parts (median): preview {preview:.3f} s, confirm + run (writes and mails) {run:.3f} s")
        per_row_ms = 1000 * timings["service"].median / args.people
        print(f"without mail/floor on {vendor}: {without_mail:.2f}x")
        print(f"service/floor on {vendor}: {ratio:.2f}x ({per_row_ms:.3f} ms per person; no target set)")
        harness.write_result(
            "invitations",
            {
                "people": args.people,
                "repeat": args.repeat,
                "targets": {
                    name: {"queries": t.queries, "median_seconds": round(t.median, 4), "seconds": t.seconds}
                    for name, t in timings.items()
                },
                "service_parts_median_seconds": {"preview": round(preview, 4), "confirm_and_run": round(run, 4)},
                "without_mail_over_floor": round(without_mail, 3),
                "service_over_floor": round(ratio, 3),
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
