"""Shared set-up for the in-process benchmarks (``benchmarks.assign``, ``.dashboard``, ``.certificates``).

``bench_database()`` gives each run its own throw-away database: with a PostgreSQL
``DATABASE_URL`` a fresh ``spil_bench_<pid>`` on that server (dropped afterwards), otherwise a
SQLite file in a temporary directory. It sets Django up with ``benchmarks.settings``, migrates
and creates the site. Models are imported only after that, inside the benchmarks' functions.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import platform
import signal
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from curriculum.models import LearningTrackPage
    from people.models import User

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "psql"}


@contextlib.contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """Create ``spil_bench_<pid>`` on the server of ``url``, yield its URL, drop it afterwards."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"spil_bench_{os.getpid()}"
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@contextlib.contextmanager
def bench_database() -> Iterator[str]:
    """Set Django up against a fresh, migrated database with the site in it; yield its vendor.

    SIGTERM becomes SystemExit, so the database is dropped then too, as after Ctrl-C."""

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)
    url = os.environ.get("DATABASE_URL", "")
    scheme = urlsplit(url).scheme
    if url and scheme not in POSTGRES_SCHEMES and not scheme.startswith("sqlite"):
        raise SystemExit(f"Unsupported DATABASE_URL scheme {scheme!r}: use PostgreSQL, or unset it for SQLite.")
    with tempfile.TemporaryDirectory(prefix="spil-bench-") as tmp, contextlib.ExitStack() as stack:
        if scheme in POSTGRES_SCHEMES:
            url = stack.enter_context(postgres_database(url))
        else:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ.update(
            DJANGO_SETTINGS_MODULE="benchmarks.settings",
            DATABASE_URL=url,
            MEDIA_ROOT=str(Path(tmp) / "media"),
            PRIVATE_MEDIA_ROOT=str(Path(tmp) / "private"),
            STATIC_ROOT=str(Path(tmp) / "static"),
            REDIS_URL="",
            LOG_LEVEL="WARNING",
        )
        (Path(tmp) / "static").mkdir()  # WhiteNoise warns about a missing STATIC_ROOT otherwise.
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, connections

        from cms.services import ensure_site

        try:
            print(f"Migrating a fresh {connection.vendor} database ...", flush=True)
            call_command("migrate", interactive=False, verbosity=0)
            ensure_site()
            yield connection.vendor
        finally:
            connections.close_all()


def analyze() -> None:
    """Fresh planner statistics (and, on PostgreSQL, a vacuumed table as autovacuum would leave it)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def count_queries(fn: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, q in [0, 100]."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [list(map(str, header)), *[[str(cell) for cell in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for row in cells:
        first, *rest = zip(row, widths, strict=True)
        print("  ".join([first[0].ljust(first[1]), *(cell.rjust(width) for cell, width in rest)]))


def write_result(name: str, payload: dict[str, object]) -> Path:
    """Write ``benchmarks/results/<name>.json`` with the payload and where it was measured."""
    from django.db import connection

    path = RESULTS_DIR / f"{name}.json"
    path.parent.mkdir(exist_ok=True)
    payload = {
        "scenario": name,
        "finished_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        **payload,
    }
    path.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"Wrote {path.relative_to(ROOT)}")
    return path


# Data ---------------------------------------------------------------------------------


def bulk_users(prefix: str, count: int, start: int = 0) -> list[User]:
    """``count`` active users with unusable passwords, inserted in batches; primary keys set."""
    from django.contrib.auth.hashers import make_password

    from people.models import User

    unusable = make_password(None)
    users = [
        User(email=f"{prefix}{i}@example.org", full_name=f"{prefix.title()} {i}", password=unusable)
        for i in range(start, start + count)
    ]
    return User.objects.bulk_create(users, batch_size=2000)


def catalog_tracks(count: int, **fields: Any) -> list[LearningTrackPage]:
    """The catalogue page under the home page, with ``count`` tracks, through Wagtail's add_child.

    ``fields`` are set on every track (``leads_to_certificate=True``, for instance)."""
    from cms.models import HomePage
    from curriculum.models import CatalogPage, LearningTrackPage

    catalog = HomePage.objects.get().add_child(instance=CatalogPage(title="Leeraanbod", slug="leeraanbod"))
    return [
        catalog.add_child(
            instance=LearningTrackPage(
                title=f"Leergang {i}",
                slug=f"leergang-{i}",
                summary="Je leert notuleren.",
                study_load_hours=8,
                **fields,
            )
        )
        for i in range(count)
    ]
