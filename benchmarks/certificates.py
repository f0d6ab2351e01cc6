"""Certificates: one warm render against a one-line WeasyPrint page, and 1,000 issued through the queue.

    .venv/bin/python -m benchmarks.certificates [--renders N] [--certificates N] [--pool solo|threads]

1. **render**: ``certificates.pdf.certificate_pdf(certificate)`` in a warm process (3 unmeasured
   renders first), the median of ``--renders`` (20). **floor**: WeasyPrint writing a one-line page
   (``HTML(string="<p>Spil</p>").write_pdf()``), warmed up and counted the same, taking turns. Target:
   render/floor at most 3x; when it misses (or with ``--profile``), a cProfile of 5 renders is
   broken down into the QR code, the fonts and WeasyPrint's stages (cascade, boxes, layout,
   painting, PDF output).
2. **queue**: ``--certificates`` (1,000) learners who completed a certificate-bearing track; one
   ``issue_certificate.delay`` each, then the database is polled until every certificate has a
   rendered PDF. With ``REDIS_URL`` the tasks go through Redis (its database, never 0, is flushed
   before and after) to a real Celery worker in a thread of this process; without it they run eagerly.
   Reported: certificates/s, seconds, and queued seconds per certificate / the warm render median.

Files go to a temporary MEDIA_ROOT and PRIVATE_MEDIA_ROOT (removed at the end); mail goes to Django's dummy backend.
Writes benchmarks/results/certificates.json.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks import harness

TARGET = 3.0
WARMUP = 3
SOURCE_PREFIX = "bench:queue:"
POLL_SECONDS = 0.1


# 1. One render in a warm process --------------------------------------------------------


def floor_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Spil</p>").write_pdf()


def warm_medians_ms(targets: dict[str, Callable[[], bytes]], renders: int) -> dict[str, float]:
    """Median ms of each target after ``WARMUP`` unmeasured calls; the targets take turns, so a
    busy moment on the machine falls on both alike."""
    for fn in targets.values():
        for _ in range(WARMUP):
            fn()
    seconds: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(renders):
        for name, fn in targets.items():
            seconds[name].append(harness.timed(fn))
    return {name: 1000 * harness.median(values) for name, values in seconds.items()}


# Parts of a render in a cProfile: label -> functions added, functions subtracted (nested in them).
# A function is "end of its file name:start of its name"; the parts do not overlap.
WP = "weasyprint/"
FONT_FACE = f"{WP}text/fonts.py:add_font_face"
SHRINK = f"{WP}layout/preferred.py:shrink_to_fit"
PAINT = f"{WP}document.py:paint"
PARTS: dict[str, tuple[list[str], list[str]]] = {
    "QR code made (certificates.pdf.qr_*)": (["certificates/pdf.py:qr_"], []),
    "fonts loaded (FontConfiguration, @font-face)": ([f"{WP}text/fonts.py:__init__", FONT_FACE], []),
    "CSS matched (cascade)": ([f"{WP}css/__init__.py:get_all_computed_styles"], [FONT_FACE]),
    "boxes built (images loaded)": ([f"{WP}formatting_structure/build.py:build_formatting_structure"], []),
    "layout: shrink-to-fit widths": ([SHRINK], []),
    "layout: the rest (flex, text)": ([f"{WP}layout/__init__.py:layout_document"], [SHRINK]),
    "painting (text, borders, images, SVG)": ([PAINT], []),
    "PDF written (fonts, PDF/UA tags)": ([f"{WP}pdf/__init__.py:generate_pdf"], [PAINT]),
}


def profile_breakdown(fn: Callable[[], object], runs: int = 5) -> list[tuple[str, float]]:
    """Milliseconds per run (under cProfile, so inflated) of each part, the rest, and the total."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        fn()
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # {(file, line, function): (calls, calls, own s, cumulative s, callers)}

    def cumulative(where: str) -> float:
        file, function = where.split(":")
        return sum(v[3] for (f, _, name), v in stats.items() if f.endswith(file) and name.startswith(function))

    total = cumulative("certificates/pdf.py:certificate_pdf")
    parts = [(label, sum(map(cumulative, add)) - sum(map(cumulative, sub))) for label, (add, sub) in PARTS.items()]
    parts += [("everything else (template, HTML parsing)", total - sum(seconds for _, seconds in parts))]
    return [(label, 1000 * seconds / runs) for label, seconds in [*parts, ("total", total)]]


# 2. Issuing through the queue ----------------------------------------------------------


@dataclass
class QueueRun:
    mode: str
    certificates: int
    enqueue_seconds: float
    seconds: float
    pdf_files: int

    @property
    def per_second(self) -> float:
        return self.certificates / self.seconds

    @property
    def ms_each(self) -> float:
        return 1000 * self.seconds / self.certificates


def done_count() -> int:
    from certificates.models import Certificate

    return (
        Certificate.objects.filter(source_key__startswith=SOURCE_PREFIX, rendered_at__isnull=False)
        .exclude(pdf="")
        .count()
    )


def issue_all(user_ids: list[int], track_id: int, timeout: float) -> tuple[float, float]:
    """Queue one issue task per learner; seconds to queue them all, and until all are rendered."""
    from certificates.tasks import issue_certificate

    start = time.perf_counter()
    for user_id in user_ids:
        issue_certificate.delay(user_id, f"{SOURCE_PREFIX}{user_id}", track_id=track_id)
    enqueued = time.perf_counter() - start
    while (done := done_count()) < len(user_ids):
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"only {done} of {len(user_ids)} certificates rendered after {timeout:g} s")
        time.sleep(POLL_SECONDS)
    return enqueued, time.perf_counter() - start


def flush_redis(url: str) -> None:
    import redis

    db = urlsplit(url).path.strip("/") or "0"
    if db == "0":
        raise SystemExit("REDIS_URL must name a dedicated database (e.g. redis://127.0.0.1:6379/9): it is flushed.")
    redis.Redis.from_url(url).flushdb()


def queue_run(people: int, redis_url: str, pool: str, concurrency: int, timeout: float) -> QueueRun:
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings

    from cms.celery import app
    from curriculum.models import LearningTrackPage
    from people.models import Membership, Organisation

    track = LearningTrackPage.objects.get(leads_to_certificate=True)
    user_ids = [user.pk for user in harness.bulk_users("deelnemer", people)]
    # Certificates are for members of an organisation (CERTIFICATES_MEMBERS_ONLY).
    organisation, _ = Organisation.objects.get_or_create(slug="benchmark", defaults={"name": "Gemeente Benchmark"})
    Membership.objects.bulk_create(
        [Membership(user_id=pk, organisation=organisation) for pk in user_ids], batch_size=1000
    )
    harness.analyze()
    if not redis_url:
        print(f"Issuing {people} certificates eagerly (no REDIS_URL: no broker, no worker) ...", flush=True)
        logging.getLogger("kombu.connection").setLevel(logging.ERROR)  # "No hostname" of the memory:// broker.
        enqueued, seconds = issue_all(user_ids, track.pk, timeout)
        mode = "eager (no REDIS_URL)"
    else:
        flush_redis(redis_url)
        mode = f"redis, worker pool {pool} x{concurrency}"
        print(f"Issuing {people} certificates through {redis_url} ({mode}) ...", flush=True)
        app.conf.update(task_always_eager=False, broker_url=redis_url)
        if app.pool.connection.transport_cls not in {"redis", "rediss"}:  # Opened by an eager task earlier.
            raise RuntimeError("the broker pool still points to memory://: run the queue before any eager task")
        try:
            with start_worker(
                app,
                pool=pool,
                concurrency=concurrency,
                perform_ping_check=False,
                shutdown_timeout=60,
                loglevel="WARNING",
            ):
                enqueued, seconds = issue_all(user_ids, track.pk, timeout)
        finally:
            app.conf.update(task_always_eager=True, broker_url="memory://")
            flush_redis(redis_url)  # The mail tasks the worker had not reached yet.
    files = (Path(settings.PRIVATE_MEDIA_ROOT) / "certificates").rglob("*.pdf")
    pdfs = sum(path.read_bytes().startswith(b"%PDF-") for path in files)
    return QueueRun(mode, people, enqueued, seconds, pdfs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--renders", type=int, default=20, help="measured renders each (the median counts)")
    parser.add_argument("--certificates", type=int, default=1000, help="certificates issued through the queue")
    parser.add_argument("--pool", choices=["solo", "threads"], default="solo", help="Celery worker pool (Redis)")
    parser.add_argument("--concurrency", type=int, default=1, help="worker concurrency (threads pool only)")
    parser.add_argument("--timeout", type=float, default=1800, help="give up on the queue after this many seconds")
    parser.add_argument("--profile", action="store_true", help="break a render down by cProfile even within target")
    args = parser.parse_args()
    if args.renders < 1 or args.certificates < 1 or args.concurrency < 1:
        parser.error("--renders, --certificates and --concurrency must be at least 1")
    if args.pool == "solo" and args.concurrency != 1:
        parser.error("the solo pool runs one task at a time: use --pool threads for --concurrency above 1")
    redis_url = os.environ.get("REDIS_URL", "")  # bench_database() blanks it for the settings.

    with harness.bench_database() as vendor:
        from django.conf import settings
        from django.test.utils import override_settings

        from certificates.models import Certificate
        from certificates.pdf import certificate_pdf
        from certificates.services import template_for

        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            harness.catalog_tracks(1, leads_to_certificate=True, certificate_validity_months=36)
            template_for(language=settings.LANGUAGE_CODE)  # The default template, before any worker runs.
            # The queue first: an eager task before it would leave Celery's broker pool on memory://.
            run = queue_run(args.certificates, redis_url, args.pool, args.concurrency, args.timeout)
        if run.pdf_files != args.certificates:
            raise RuntimeError(f"expected {args.certificates} PDF files, found {run.pdf_files} valid ones")
        certificate = Certificate.objects.select_related("template", "user").order_by("pk").first()
        print(f"Rendering a certificate and the floor in turns, {WARMUP} + {args.renders} times each ...", flush=True)
        medians = warm_medians_ms({"floor": floor_pdf, "render": lambda: certificate_pdf(certificate)}, args.renders)
        floor_ms, render_ms = medians["floor"], medians["render"]
        render_ratio = render_ms / floor_ms
        queue_ratio = run.ms_each / render_ms

        print()
        harness.print_table(
            ["render (warm, in-process)", "median ms"],
            [["floor: one-line WeasyPrint page", f"{floor_ms:.1f}"], ["certificate_pdf()", f"{render_ms:.1f}"]],
        )
        verdict = "within" if render_ratio <= TARGET else "MISSES"
        print(f"render/floor: {render_ratio:.2f}x, {verdict} the target of at most {TARGET:g}x")
        print()
        harness.print_table(
            ["queue", "certificates", "queued in s", "total s", "per s", "ms each", "each/render"],
            [
                [
                    run.mode,
                    run.certificates,
                    f"{run.enqueue_seconds:.2f}",
                    f"{run.seconds:.1f}",
                    f"{run.per_second:.1f}",
                    f"{run.ms_each:.1f}",
                    f"{queue_ratio:.2f}x",
                ]
            ],
        )
        print(f"queued per certificate / warm render on {vendor}: {queue_ratio:.2f}x (issue + render + mail, queued)")
        breakdown: list[tuple[str, float]] = []
        if render_ratio > TARGET or args.profile:
            breakdown = profile_breakdown(lambda: certificate_pdf(certificate))
            total_ms = breakdown[-1][1]
            print("\nWhere a render's time goes (cProfile of 5 renders; profiling inflates Python-heavy parts):")
            harness.print_table(
                ["part of certificate_pdf()", "ms (profiled)", "share"],
                [[label, f"{ms:.1f}", f"{100 * ms / total_ms:.0f}%"] for label, ms in breakdown],
            )
        harness.write_result(
            "certificates",
            {
                "render": {
                    "renders": args.renders,
                    "warmup": WARMUP,
                    "floor_median_ms": round(floor_ms, 2),
                    "render_median_ms": round(render_ms, 2),
                    "render_over_floor": round(render_ratio, 3),
                    "target": TARGET,
                    "profiled_ms": {label: round(ms, 2) for label, ms in breakdown},
                },
                "queue": {
                    "mode": run.mode,
                    "certificates": run.certificates,
                    "enqueue_seconds": round(run.enqueue_seconds, 3),
                    "seconds": round(run.seconds, 3),
                    "per_second": round(run.per_second, 2),
                    "ms_each": round(run.ms_each, 2),
                    "each_over_render": round(queue_ratio, 3),
                },
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
