"""Load test: the site under many people at once, served as in production, against a floor.

    .venv/bin/python -m benchmarks.loadtest [--seconds N] [--users N] [--database-url URL] [--small]

One command does it all, on this machine, over loopback:

1. Copies the population (``benchmarks.population``, in ``spil_bench_pop``; read only) to a
   database of its own, ``spil_bench_load_<pid>`` (``CREATE DATABASE ... TEMPLATE``), migrates
   the copy and prepares signed-in people without the login form (allauth's login is rate
   limited and slow by design, and population accounts have no usable password): a database
   session per person (``_auth_user_id``, ``_auth_user_backend``, ``_auth_user_hash``) for
   learners with an active enrolment, HR advisers of the big ministry and of small
   organisations, and circle organisers. Everything locust needs goes into a JSON file.
2. Starts gunicorn (``cms.wsgi`` with ``benchmarks.settings_load``) on a free loopback port and
   one Celery worker (pool ``solo``, concurrency 1), both against Redis database 7.
3. Runs locust headless (``benchmarks/locustfile.py``, ``FastHttpUser``), one process per phase:
   the **floor** ``/__bench__/floor/``; every anonymous page alone with the page cache **on**;
   the **mixed** journeys; the anonymous pages again with the cache **off** (gunicorn restarted
   with ``SPIL_PAGE_CACHE_SECONDS=0``); the **dashboards** alone; with ``--small`` the uncached
   pages and the dashboards on a small population too (1,000 progress rows against 1,000,000);
   and the floor **again**, to show how far the machine drifted meanwhile.
4. Prints per page the requests, requests/s, p50/p95/p99, failures and error rate, the ratio to
   the floor (throughput; p95 for the dashboards) beside the issue's targets, the CPU that
   locust, gunicorn and the worker took (locust shares the two cores with the site), and writes
   ``benchmarks/results/load-latest.json``. Exits non-zero when any request failed.

Gunicorn, the worker and locust are stopped, Redis database 7 emptied and the copies dropped at
the end, also after an error, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from benchmarks.harness import RESULTS_DIR, ROOT, percentile, print_table
from benchmarks.load import LOOPBACK
from benchmarks.run import free_port, stop, wait_until_up

RESULTS = RESULTS_DIR / "load-latest.json"
CSV_DIR = RESULTS_DIR / "load-csv"  # locust's own tables, per phase
POPULATION_URL = "postgres://postgres@127.0.0.1:5432/spil_bench_pop"
SMALL_DATABASE = "spil_bench_small"
SMALL_SCALE = 0.001  # 100 people, 1,000 progress rows: the "1k" of "1k vs 1M rows"
REDIS_DB = 7
FLOOR = "/__bench__/floor/"
PAGE_CACHE_VERSION_KEY = "spil:1:pagecache:version"  # KEY_PREFIX, version 1, cms.pagecache.VERSION_KEY
TARGET_CACHED = 0.85  # anonymous pages, cached: at least this share of the floor's throughput
TARGET_UNCACHED = 0.15  # the same, uncached
TARGET_DASHBOARD_P95 = 5.0  # learner and HR dashboards: p95 at most this many times the floor's
TARGET_SMALL = 1.2  # full population against the small one: p50 at most this many times
DASHBOARDS = ("learner dashboard", "HR dashboard")
MIXED_CLASSES = ["AnonymousReader", "CertificateChecker", "Learner", "HRAdviser", "Organiser"]


# Preparing the data (runs in a child process with Django) ---------------------------------------


def prepare(out: Path, *, learners: int, advisers: int, organisers: int, seed: int) -> None:
    """Migrate the copy, make the sessions and write what locust needs to ``out``.

    Runs in its own process (``--prepare``), so the runner never holds a connection to a
    database it is about to drop, and the two populations of ``--small`` each get theirs."""
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils import timezone

    from assessments.models import SelfAssessmentIndexPage, SelfAssessmentPage
    from careers.models import RoleProfileIndexPage, RoleProfilePage
    from certificates.models import Certificate
    from circles.models import CircleIndexPage, LearningCirclePage, Session
    from cms.models import HomePage
    from curriculum.models import CatalogPage, Enrolment, LearningTrackPage, ModulePage, ModuleProgress
    from people.models import Membership, Organisation, User

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(seed)  # noqa: S311 (a sample of people, not a secret)
    role = Membership.Role

    def session_for(user: User) -> str:
        # What django.contrib.auth.login leaves in a session, without the form in front of it.
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    # Learners with an active enrolment that has progress; nobody with another role.
    others = Membership.objects.exclude(role=role.LEARNER).values("user_id")
    candidates: dict[int, tuple[int, int]] = {}
    for pk, user_id, track_id in (
        Enrolment.objects.filter(status=Enrolment.Status.ACTIVE, user__is_active=True, progress__isnull=False)
        .exclude(user_id__in=others)
        .values_list("pk", "user_id", "track_id")
        .distinct()
        .order_by("pk")
    ):
        candidates.setdefault(user_id, (pk, track_id))
    chosen = rng.sample(sorted(candidates), min(learners, len(candidates)))
    users = User.objects.in_bulk(chosen)
    module_paths: dict[int, list[tuple[int, str]]] = {}
    learner_rows = []
    for user_id in chosen:
        enrolment_id, track_id = candidates[user_id]
        if track_id not in module_paths:
            track = LearningTrackPage.objects.get(pk=track_id)
            module_paths[track_id] = [
                (module.pk, module.get_url()) for module in ModulePage.objects.child_of(track).live().order_by("path")
            ]
        done = set(
            ModuleProgress.objects.filter(enrolment_id=enrolment_id, completed_at__isnull=False).values_list(
                "module_id", flat=True
            )
        )
        modules = module_paths[track_id]
        # Resume where the learner is: the first module not done, then on in order (and round).
        first = next((i for i, (pk, _path) in enumerate(modules) if pk not in done), 0)
        ordered = [path for _pk, path in modules[first:] + modules[:first]]
        if ordered:
            learner_rows.append({"session_key": session_for(users[user_id]), "user": user_id, "modules": ordered})

    # HR advisers of one organisation only: half of the largest's, half one each of the smallest.
    organisations = list(
        Organisation.objects.annotate(
            n=Count("memberships", filter=Q(memberships__role=role.LEARNER)),
            hr=Count("memberships", filter=Q(memberships__role=role.HR)),
        )
        .filter(hr__gt=0)
        .order_by("-n", "pk")
    )
    single = (
        User.objects.filter(is_active=True)
        .annotate(advised=Count("memberships", filter=Q(memberships__role=role.HR)))
        .filter(advised=1)
    )
    largest = organisations[0]
    big = list(single.filter(memberships__organisation=largest, memberships__role=role.HR).order_by("pk"))
    big = big[: max(1, advisers // 2)]
    small = []
    for organisation in reversed(organisations[1:]):
        if len(small) >= advisers - len(big):
            break
        found = single.filter(memberships__organisation=organisation, memberships__role=role.HR).order_by("pk").first()
        if found is not None:
            small.append(found)
    adviser_rows = [
        {"session_key": session_for(user), "user": user.pk, "organisation": org}
        for org, group in ((largest.name, big), ("small", small))
        for user in group
    ]

    organiser_rows = []
    for circle in LearningCirclePage.objects.live().order_by("pk"):
        for user in circle.organisers.filter(is_active=True).order_by("pk"):
            if len(organiser_rows) < organisers and user.pk not in {row["user"] for row in organiser_rows}:
                organiser_rows.append({"session_key": session_for(user), "user": user.pk, "circle": circle.pk})

    now = timezone.now()
    sessions = list(
        Session.objects.filter(
            status=Session.Status.SCHEDULED,
            starts_at__gt=now + datetime.timedelta(hours=2),
            circle__membership=LearningCirclePage.Membership.OPEN,
            circle__live=True,
        )
        .filter(Q(registration_deadline__isnull=True) | Q(registration_deadline__gt=now + datetime.timedelta(hours=1)))
        .values_list("pk", flat=True)
    )
    tokens = list(Certificate.objects.order_by("pk").values_list("token", flat=True)[:5000])
    certificates = [reverse("certificates:verify", args=[token]) for token in rng.sample(tokens, min(200, len(tokens)))]
    valid = Certificate.objects.filter(revoked_at__isnull=True, superseded_at__isnull=True).order_by("pk").first()

    def first_url(model: Any) -> str | None:
        page = model.objects.live().order_by("path").first()
        return page.get_url() if page else None

    named = {
        "home": first_url(HomePage),
        "catalogue": first_url(CatalogPage),
        "track page": first_url(LearningTrackPage),
        "role profiles": first_url(RoleProfileIndexPage),
        "role profile": first_url(RoleProfilePage),
        "self-assessments": first_url(SelfAssessmentIndexPage),
        "self-assessment": first_url(SelfAssessmentPage),
        "circles": first_url(CircleIndexPage),
        "circle": first_url(LearningCirclePage),
        "certificate verification": reverse("certificates:verify", args=[valid.token]) if valid else None,
    }
    missing = {name: "not in the population" for name, path in named.items() if path is None}
    # Pages the brief lists that an anonymous reader cannot have from this population.
    missing["module page"] = "anonymous readers are sent to the login page (ModulePage.serve)"
    try:
        from careers.models import CareerMapPage

        career_map = first_url(CareerMapPage)
    except ImportError:
        career_map = None
    if career_map:
        named["career map"] = career_map
    else:
        missing["career map"] = "the population has no CareerMapPage"
    data = {
        "paths": {name: path for name, path in named.items() if path},
        "anonymous_pages": [[name, path] for name, path in named.items() if path],
        "missing": missing,
        "tracks": [page.get_url() for page in LearningTrackPage.objects.live().order_by("path")[:60]],
        "role_profiles": [page.get_url() for page in RoleProfilePage.objects.live().order_by("path")],
        "certificates": certificates,
        "circle_sessions": sessions,
        "assessments": [
            {"path": page.get_url(), "start": reverse("assessments:start", args=[page.pk])}
            for page in SelfAssessmentPage.objects.live().order_by("path")
        ],
        "learners": learner_rows,
        "advisers": adviser_rows,
        "ministry_advisers": [row for row in adviser_rows if row["organisation"] == largest.name],
        "organisers": organiser_rows,
        "largest_organisation": largest.name,
        "counts": {
            "people": User.objects.count(),
            "module_progress": ModuleProgress.objects.count(),
        },
    }
    out.write_text(json.dumps(data, indent=1))


# Processes, databases and Redis ------------------------------------------------------------------


def maintenance_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(scheme="postgresql", path="/postgres"))


def copy_database(url: str, template: str, name: str, *, attempts: int = 8) -> float:
    """``CREATE DATABASE name TEMPLATE template``; seconds it took. PostgreSQL refuses while anyone
    is connected to the template (another benchmark reading it), so it waits and tries again."""
    import psycopg
    from psycopg import errors, sql

    start = time.perf_counter()
    for attempt in range(attempts):
        try:
            with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
                conn.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
                )
            return time.perf_counter() - start
        except errors.ObjectInUse:
            if attempt == attempts - 1:
                raise
            print(f"  {template} is in use by another session; trying again in 5 s ...", flush=True)
            time.sleep(5)
    raise AssertionError("unreachable")


def drop_database(url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    if not name.startswith("spil_bench_load_"):
        raise ValueError(f"refusing to drop {name!r}: the load test drops its own copies only")
    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def database_exists_with_people(url: str) -> bool:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(maintenance_url(url), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
    from benchmarks.population import holds_people

    return holds_people(url)


def ensure_small_population(server_url: str) -> float:
    """Make ``spil_bench_small`` (``--scale 0.001``) unless it is there already; seconds spent.

    ``benchmarks/results/population.json`` belongs to whoever made the full population; the
    generator writes it too, so it is put back afterwards."""
    url = urlunsplit(urlsplit(server_url)._replace(path=f"/{SMALL_DATABASE}"))
    if database_exists_with_people(url):
        return 0.0
    print(f"Generating the small population in {SMALL_DATABASE} (--scale {SMALL_SCALE}, once) ...", flush=True)
    kept = RESULTS_DIR / "population.json"
    backup = kept.read_bytes() if kept.exists() else None
    start = time.perf_counter()
    try:
        command = [sys.executable, "-m", "benchmarks.population", "--database-url", url, "--reset"]
        subprocess.run(
            [*command, "--scale", str(SMALL_SCALE), "--quiet"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
    finally:
        if backup is not None:
            kept.write_bytes(backup)
    return time.perf_counter() - start


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


class Managed:
    """What the server and the worker share: stopping their process and reading its CPU time."""

    process: subprocess.Popen[bytes] | None

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    def cpu_seconds(self) -> float:
        return process_tree_cpu(self.process.pid) if self.process else 0.0


@dataclass
class Server(Managed):
    """Gunicorn and its settings; restarted to switch the page cache or the database."""

    env: dict[str, str]
    worker_class: str
    workers: int
    threads: int
    log: Path
    process: subprocess.Popen[bytes] | None = None
    port: int = 0

    def start(self, **env: str) -> None:
        self.stop()
        self.env.update(env)
        self.port = free_port()
        command = [str(Path(sys.executable).with_name("gunicorn")), "cms.wsgi:application"]
        command += ["--bind", f"{LOOPBACK}:{self.port}", "--workers", str(self.workers)]
        command += ["--worker-class", self.worker_class, "--log-level", "warning", "--timeout", "60"]
        if self.worker_class == "gthread":
            command += ["--threads", str(self.threads)]
        with self.log.open("ab") as log:
            # Own session: a Ctrl-C reaches only the runner, which then stops gunicorn itself.
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
            )
        wait_until_up(self.process, self.port, timeout=60)


@dataclass
class Worker(Managed):
    """One Celery worker (pool ``solo``: one process, concurrency 1) on the database being served."""

    env: dict[str, str]
    log: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self, database_url: str) -> None:
        self.stop()
        command = [str(Path(sys.executable).with_name("celery")), "-A", "cms", "worker", "--pool", "solo"]
        command += ["--concurrency", "1", "--loglevel", "WARNING", "--without-gossip", "--without-mingle"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**self.env, "DATABASE_URL": database_url},
                stdout=log,
                stderr=log,
                start_new_session=True,
            )


def process_tree_cpu(pid: int) -> float:
    """User and system CPU seconds of a process and its living children."""
    import psutil

    try:
        root = psutil.Process(pid)
        total = 0.0
        for proc in [root, *root.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                total += times.user + times.system
        return total
    except psutil.Error:
        return 0.0


def database_cpu(name: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving database ``name`` (by its process title,
    ``postgres: user database address state``): the queries' share of the two cores."""
    import psutil

    seconds = {}
    for proc in psutil.process_iter(["name", "cmdline"]):
        with contextlib.suppress(psutil.Error):
            title = " ".join(proc.info["cmdline"] or [])
            if title.startswith("postgres:") and f" {name} " in f"{title} ":
                times = proc.cpu_times()
                seconds[proc.pid] = times.user + times.system
    return seconds


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores."""
    import psutil

    times = psutil.cpu_times()
    idle = times.idle + getattr(times, "iowait", 0.0)
    total = sum(times)
    return total - idle, total


class QueueWatch:
    """Samples the length of Celery's queue in Redis once a second while a phase runs."""

    def __init__(self, url: str) -> None:
        import redis

        self.redis = redis.Redis.from_url(url)
        self.samples: list[int] = []
        self.versions: set[bytes] = set()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stopping.wait(1.0):
            with contextlib.suppress(Exception):
                self.samples.append(int(self.redis.llen("celery")))
                # The page cache's content version (cms/pagecache.py): a new one empties the cache.
                self.versions.add(self.redis.get(PAGE_CACHE_VERSION_KEY) or b"")

    def __enter__(self) -> QueueWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join()

    def drain(self, timeout: float) -> float | None:
        """Seconds until the queue is empty (None: still not after ``timeout``)."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if int(self.redis.llen("celery")) == 0:
                return time.perf_counter() - start
            time.sleep(0.5)
        return None


# Phases --------------------------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    server: str  # what gunicorn served: "cache on", "cache off", "small"
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    queue: dict[str, Any] = field(default_factory=dict)


def page_figures(raw: dict[str, Any]) -> dict[str, Any]:
    latencies = raw["latencies_ms"]
    requests = sum(raw["statuses"].values())
    failures = sum(raw["failures"].values())
    window = raw["window"] or 1.0
    cache = raw.get("cache", {})
    looked = cache.get("hit", 0) + cache.get("miss", 0)
    return {
        "requests": requests,
        "requests_per_second": round(len(latencies) / window, 1),
        "p50_ms": round(percentile(latencies, 50), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "p99_ms": round(percentile(latencies, 99), 1) if latencies else None,
        "failures": failures,
        "error_rate": round(failures / requests, 4) if requests else 0.0,
        "statuses": raw["statuses"],
        "failure_reasons": raw["failures"],
        "cache_hit_share": round(cache.get("hit", 0) / looked, 3) if looked else None,
    }


def run_locust(
    name: str,
    plan: dict[str, Any],
    classes: list[str],
    *,
    users: int,
    data: Path,
    server: Server,
    worker: Worker,
    work: Path,
) -> Phase:
    """One locust process for one phase; the figures from what the locustfile wrote."""
    if plan["mode"] == "stages":
        total = len(plan["stages"]) * plan["stage_seconds"]
    else:
        total = plan["warmup"] + plan["seconds"]
    # The locustfile quits once the requests under way at the end have come back; this is a backstop.
    backstop = total + 70
    slug = name.replace(", ", "-").replace(" ", "-")
    out = work / f"{slug}.json"
    env = {**os.environ, "SPIL_LOAD_DATA": str(data), "SPIL_LOAD_PLAN": json.dumps(plan), "SPIL_LOAD_OUT": str(out)}
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless"]
    command += ["--users", str(users), "--spawn-rate", str(users), "--run-time", f"{backstop:.0f}s"]
    command += ["--stop-timeout", "0", "--host", f"http://{LOOPBACK}:{server.port}", "--only-summary"]
    command += ["--csv", str(CSV_DIR / slug), "--loglevel", "WARNING", *classes]
    print(f"  {name}: {users} users, {total:.0f} s ...", flush=True)
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy0, all0 = machine_cpu()
    site0 = server.cpu_seconds()
    worker0 = worker.cpu_seconds()
    database = urlsplit(server.env["DATABASE_URL"]).path.lstrip("/")
    db0 = database_cpu(database)
    start = time.perf_counter()
    with (work / f"{slug}.log").open("wb") as log:
        locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            locust.wait(timeout=backstop + 30)
        finally:
            if locust.poll() is None:
                locust.terminate()
                locust.wait()
    wall = time.perf_counter() - start
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy1, all1 = machine_cpu()
    db1 = database_cpu(database)
    locust_cpu = (after_children.ru_utime - before_children.ru_utime) + (
        after_children.ru_stime - before_children.ru_stime
    )
    cores = os.cpu_count() or 1
    phase = Phase(name=name, server=server.env.get("SPIL_LOAD_SERVER", ""), seconds=round(wall, 1))
    phase.cpu = {
        "locust_core_share": round(locust_cpu / wall, 3),
        "gunicorn_core_share": round((server.cpu_seconds() - site0) / wall, 3),
        "worker_core_share": round((worker.cpu_seconds() - worker0) / wall, 3),
        "postgres_core_share": round(sum(v - db0.get(pid, 0.0) for pid, v in db1.items()) / wall, 3),
        "machine_busy_share": round((busy1 - busy0) / (all1 - all0), 3) if all1 > all0 else 0.0,
        "cores": cores,
    }
    if not out.exists():
        raise RuntimeError(f"locust wrote no figures for {name}; see {work / f'{slug}.log'}")
    raw = json.loads(out.read_text())
    phase.pages = {page: page_figures(figures) for page, figures in raw["pages"].items()}
    return phase


def stages_plan(stages: list[tuple[str, str, str | None]], seconds: float, warmup: float) -> dict[str, Any]:
    return {
        "mode": "stages",
        "stages": [{"name": n, "path": p, "role": r} for n, p, r in stages],
        "stage_seconds": seconds + warmup,
        "warmup": warmup,
    }


# Report ------------------------------------------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def fmt(value: float | None, spec: str = ".1f") -> str:
    return "-" if value is None else format(value, spec)


def report(phases: list[Phase], floor: dict[str, float]) -> tuple[list[list[str]], list[str]]:
    """The table, and the targets missed."""
    rows: list[list[str]] = []
    missed: list[str] = []
    for phase in phases:
        own = phase.pages.get("floor")
        reference = {"rps": own["requests_per_second"], "p95": own["p95_ms"]} if own else floor
        for page, f in phase.pages.items():
            rps_ratio = ratio(f["requests_per_second"], reference["rps"]) if phase.name != "mixed" else None
            p95_ratio = ratio(f["p95_ms"], reference["p95"]) if page in DASHBOARDS else None
            target = ""
            if phase.name.startswith("pages") and "small" not in phase.name and page != "floor":
                want = TARGET_CACHED if phase.name == "pages, cached" else TARGET_UNCACHED
                ok = rps_ratio is not None and rps_ratio >= want
                target = f">={want}x {'ok' if ok else 'MISSED'}"
                if not ok:
                    missed.append(f"{phase.name} {page}: {rps_ratio}x of the floor's throughput, target >= {want}x")
            if p95_ratio is not None:
                ok = p95_ratio <= TARGET_DASHBOARD_P95
                target = f"p95 {p95_ratio}x <={TARGET_DASHBOARD_P95:g}x {'ok' if ok else 'MISSED'}"
                if not ok:
                    missed.append(
                        f"{phase.name} {page}: p95 {p95_ratio}x the floor's, target <= {TARGET_DASHBOARD_P95}x"
                    )
            hit = f["cache_hit_share"]
            rows.append(
                [
                    phase.name,
                    page,
                    str(f["requests"]),
                    fmt(f["requests_per_second"]),
                    fmt(f["p50_ms"]),
                    fmt(f["p95_ms"]),
                    fmt(f["p99_ms"]),
                    str(f["failures"]),
                    f"{f['error_rate']:.2%}",
                    fmt(rps_ratio, ".2f"),
                    "-" if hit is None else f"{hit:.0%}",
                    target,
                ]
            )
    return rows, missed


def small_comparison(phases: list[Phase]) -> tuple[list[list[str]], list[str]]:
    by_name = {phase.name: phase for phase in phases}
    rows, missed = [], []
    for full_name, small_name in (("pages, uncached", "pages, uncached, small"), ("dashboards", "dashboards, small")):
        full, small = by_name.get(full_name), by_name.get(small_name)
        if not full or not small:
            continue
        for page, f in full.pages.items():
            s = small.pages.get(page)
            if not s or page == "floor":
                continue
            r = ratio(f["p50_ms"], s["p50_ms"])
            ok = r is not None and r <= TARGET_SMALL
            if not ok:
                missed.append(f"1M vs 1k rows, {page}: p50 {r}x, target <= {TARGET_SMALL}x")
            rows.append(
                [
                    page,
                    fmt(s["p50_ms"]),
                    fmt(f["p50_ms"]),
                    fmt(r, ".2f"),
                    fmt(s["requests_per_second"]),
                    fmt(f["requests_per_second"]),
                    f"<={TARGET_SMALL}x {'ok' if ok else 'MISSED'}",
                ]
            )
    return rows, missed


# Main ----------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per page alone (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds before each (default 2)")
    parser.add_argument("--mixed-seconds", type=float, default=60.0, help="measured seconds of the mixed journeys")
    parser.add_argument("--users", type=int, default=10, help="concurrent users of the floor and single pages")
    parser.add_argument("--mixed-users", type=int, default=24, help="concurrent users of the mixed journeys")
    parser.add_argument(
        "--wait-max", type=float, default=4.0, help="think time 0..T s between mixed journeys' tasks (0: saturate)"
    )
    parser.add_argument("--database-url", default=os.environ.get("LOAD_POPULATION_URL", POPULATION_URL))
    parser.add_argument("--small", action="store_true", help="also the small population (1k vs 1M rows)")
    parser.add_argument(
        "--worker-class", choices=["sync", "gthread"], default="gthread", help="gunicorn workers (default gthread)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default 4)")
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--advisers", type=int, default=20)
    parser.add_argument("--organisers", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--prepare", nargs=1, metavar="OUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(
            Path(args.prepare[0]),
            learners=args.learners,
            advisers=args.advisers,
            organisers=args.organisers,
            seed=args.seed,
        )
        return 0
    if args.seconds <= 0 or args.users < 1 or args.mixed_users < 1:
        parser.error("--seconds must be > 0 and the user counts at least 1")

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)
    population = urlsplit(args.database_url)
    template = population.path.lstrip("/")
    started = time.perf_counter()
    setup: dict[str, float] = {}
    phases: list[Phase] = []
    with tempfile.TemporaryDirectory(prefix="spil-load-") as tmp, contextlib.ExitStack() as stack:
        work = Path(tmp)
        CSV_DIR.mkdir(parents=True, exist_ok=True)
        redis_url = f"redis://127.0.0.1:6379/{REDIS_DB}"
        flush_redis(redis_url)
        stack.callback(flush_redis, redis_url)

        def copy(source: str, suffix: str) -> str:
            name = f"spil_bench_load_{os.getpid()}{suffix}"
            print(f"Copying {source} to {name} ...", flush=True)
            stack.callback(drop_database, args.database_url, name)
            setup[f"copy {source}"] = round(copy_database(args.database_url, source, name), 1)
            return urlunsplit(population._replace(path=f"/{name}"))

        if args.small:
            setup["generate small population"] = round(ensure_small_population(args.database_url), 1)
        full_url = copy(template, "")
        small_url = copy(SMALL_DATABASE, "_small") if args.small else ""
        (work / "static").mkdir()
        base_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.settings_load",
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(work / "media"),
            "PRIVATE_MEDIA_ROOT": str(work / "private"),
            "STATIC_ROOT": str(work / "static"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

        def prepare_copy(url: str, out: Path) -> dict[str, Any]:
            start = time.perf_counter()
            command = [sys.executable, "-m", "benchmarks.loadtest", "--prepare", str(out), "--seed", str(args.seed)]
            command += ["--learners", str(args.learners), "--advisers", str(args.advisers)]
            command += ["--organisers", str(args.organisers)]
            subprocess.run(command, cwd=ROOT, env={**base_env, "DATABASE_URL": url}, check=True)
            setup[f"migrate and sessions {urlsplit(url).path.lstrip('/')}"] = round(time.perf_counter() - start, 1)
            return json.loads(out.read_text())

        print("Migrating the copy and preparing the sessions ...", flush=True)
        data_path = work / "data.json"
        data = prepare_copy(full_url, data_path)
        small_path = work / "data-small.json"
        small_data = prepare_copy(small_url, small_path) if args.small else {}
        print(
            f"  {len(data['learners'])} learners, {len(data['advisers'])} HR advisers "
            f"({len(data['ministry_advisers'])} of {data['largest_organisation']}), "
            f"{len(data['organisers'])} organisers, "
            f"{len(data['circle_sessions'])} open sessions to register for",
            flush=True,
        )

        worker_log = RESULTS_DIR / "load-worker.log"
        worker_log.write_bytes(b"")
        worker = Worker(env=base_env, log=worker_log)
        stack.callback(worker.stop)
        worker.start(full_url)
        server_log = RESULTS_DIR / "load-gunicorn.log"
        server_log.write_bytes(b"")
        server = Server(
            env={**base_env, "DATABASE_URL": full_url},
            worker_class=args.worker_class,
            workers=args.workers,
            threads=args.threads,
            log=server_log,
        )
        stack.callback(server.stop)
        setup["total before the first phase"] = round(time.perf_counter() - started, 1)
        print(f"Set-up took {setup['total before the first phase']:.0f} s. Phases:", flush=True)

        def staged(name: str, stages: list[tuple[str, str, str | None]], data_file: Path) -> None:
            plan = stages_plan(stages, args.seconds, args.warmup)
            phases.append(
                run_locust(
                    name,
                    plan,
                    ["StagedPageUser"],
                    users=args.users,
                    data=data_file,
                    server=server,
                    worker=worker,
                    work=work,
                )
            )

        # Every phase of single pages starts with the floor, so each page is compared with a floor
        # measured a minute before it on the same server, not one the machine's other load moved.
        floor_stage: tuple[str, str, str | None] = ("floor", FLOOR, None)
        anonymous = [(n, p, None) for n, p in data["anonymous_pages"]]
        dashboards = [
            ("learner dashboard", "/mijn/", "learners"),
            ("learner career", "/mijn/loopbaan/", "learners"),
            ("HR dashboard", "/hr/", "ministry_advisers"),
        ]
        server.start(SPIL_PAGE_CACHE_SECONDS="300", SPIL_LOAD_SERVER="cache on")
        staged("floor", [floor_stage], data_path)
        staged("pages, cached", [floor_stage, *anonymous], data_path)
        mixed_plan = {"mode": "mixed", "seconds": args.mixed_seconds, "warmup": 5.0, "wait_max": args.wait_max}
        with QueueWatch(redis_url) as watch:
            mixed = run_locust(
                "mixed",
                mixed_plan,
                MIXED_CLASSES,
                users=args.mixed_users,
                data=data_path,
                server=server,
                worker=worker,
                work=work,
            )
        drained = watch.drain(timeout=60)
        mixed.queue = {
            "max_waiting": max(watch.samples, default=0),
            "waiting_at_end": watch.samples[-1] if watch.samples else 0,
            "seconds_to_drain_after": None if drained is None else round(drained, 1),
            "page_cache_versions_seen": len(watch.versions),
        }
        phases.append(mixed)
        server.start(SPIL_PAGE_CACHE_SECONDS="0", SPIL_LOAD_SERVER="cache off")
        staged("pages, uncached", [floor_stage, *anonymous], data_path)
        staged("dashboards", [floor_stage, *dashboards], data_path)
        if args.small:
            # Kept HR figures and the queue belong to the full copy: empty Redis, worker on the small one.
            worker.stop()
            server.stop()
            flush_redis(redis_url)
            worker.start(small_url)
            server.start(SPIL_PAGE_CACHE_SECONDS="0", SPIL_LOAD_SERVER="small, cache off", DATABASE_URL=small_url)
            small_anonymous = [(n, p, None) for n, p in small_data["anonymous_pages"]]
            staged("pages, uncached, small", [floor_stage, *small_anonymous], small_path)
            staged("dashboards, small", [floor_stage, *dashboards], small_path)
        staged("floor, again", [floor_stage], data_path)
        server.stop()

        # Anything the site logged (a traceback of a 500) is worth reading beside the figures.
        site_errors = [line for line in server_log.read_text(errors="replace").splitlines() if line.strip()]

    floors = [phase.pages["floor"] for phase in phases if phase.name.startswith("floor")]
    floor = {
        "rps": sum(f["requests_per_second"] for f in floors) / len(floors),
        "p95": sum(f["p95_ms"] or 0 for f in floors) / len(floors),
    }
    drift = ratio(floors[-1]["requests_per_second"], floors[0]["requests_per_second"])
    print()
    rows, missed = report(phases, floor)
    header = ["phase", "page", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "fail", "errors", "x floor"]
    print_table([*header, "cache hit", "target"], rows)
    print(
        f"\nFloor (mean of the first and last): {floor['rps']:.1f} req/s, p95 {floor['p95']:.1f} ms; "
        f"last/first throughput {drift}x (how much the machine's other load moved)."
    )
    print(f"Missing pages: {data['missing']}")
    small_rows: list[list[str]] = []
    if args.small:
        small_rows, small_missed = small_comparison(phases)
        missed += small_missed
        print(f"\n1k vs 1M progress rows ({small_data['counts']} against {data['counts']}), uncached, alone:")
        print_table(["page", "p50 1k", "p50 1M", "1M/1k", "req/s 1k", "req/s 1M", "target"], small_rows)
    print("\nCPU as a share of one core (the machine has 2), per phase:")
    print_table(
        ["phase", "locust", "gunicorn", "worker", "postgres (this db)", "machine busy (of all cores)", "wall s"],
        [
            [
                p.name,
                f"{p.cpu['locust_core_share']:.0%}",
                f"{p.cpu['gunicorn_core_share']:.0%}",
                f"{p.cpu['worker_core_share']:.0%}",
                f"{p.cpu['postgres_core_share']:.0%}",
                f"{p.cpu['machine_busy_share']:.0%}",
                f"{p.seconds:.0f}",
            ]
            for p in phases
        ],
    )
    mixed_requests = sum(f["requests"] for f in mixed.pages.values())
    mixed_rps = sum(f["requests_per_second"] for f in mixed.pages.values())
    print(f"Mixed journeys: {mixed_requests} requests, {mixed_rps:.1f} req/s in all; {mixed.queue}")
    failed = {
        f"{p.name} / {page}": f["failure_reasons"] for p in phases for page, f in p.pages.items() if f["failures"]
    }
    total_requests = sum(f["requests"] for p in phases for f in p.pages.values())
    total_failures = sum(f["failures"] for p in phases for f in p.pages.values())
    print(f"Set-up: {setup}")
    print(f"Requests {total_requests}, failures {total_failures} ({total_failures / max(1, total_requests):.3%}).")
    if missed:
        print("Targets missed:\n  " + "\n  ".join(missed))
    payload = {
        "scenario": "load",
        "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.node(),
        "arguments": {k: v for k, v in vars(args).items() if k != "prepare"},
        "gunicorn": {"worker_class": args.worker_class, "workers": args.workers, "threads": args.threads},
        "setup_seconds": setup,
        "total_seconds": round(time.perf_counter() - started, 1),
        "floor": floor,
        "floor_drift": drift,
        "phases": [p.__dict__ for p in phases],
        "missing_pages": data["missing"],
        "small_comparison": small_rows,
        "targets_missed": missed,
        "failures": failed,
        "site_log": site_errors[-200:],
    }
    RESULTS.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"Wrote {RESULTS.relative_to(ROOT)} (gunicorn's log: benchmarks/results/load-gunicorn.log)")
    if failed:
        print(f"Failures: {json.dumps(failed, indent=1)[:4000]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
