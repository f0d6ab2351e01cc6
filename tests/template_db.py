"""Test databases as copies of one migrated template, on PostgreSQL.

Migrating an empty database takes about a minute of CPU on the CI machine (Django re-renders
the model states of some 250 migrations, most of them Wagtail's), and ``make test`` made one
per pytest-xdist worker and one more for the Celery-worker tests. Now the first process to
need a test database migrates a **template** once, under an advisory lock, and every test
database is created from it (``CREATE DATABASE ... TEMPLATE``, a second or two); Django's
``migrate`` then finds nothing to apply. The template's name carries a digest of every
migration file, so a changed or added migration gives a new template, never a stale one;
templates of other digests are dropped. ``.ci/run`` drops them all before it starts, so CI
always migrates once itself."""

import contextlib
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[1]
LOCK = 0x5B17_7E57  # pg_advisory_lock key: one template maker at a time, across processes
MAX_NAME = 63  # PostgreSQL's identifier length


def use_template() -> None:
    """Point the test database settings at a migrated template, making it first if needed."""
    database = settings.DATABASES["default"]
    url = os.environ.get("DATABASE_URL", "")
    if not database["ENGINE"].endswith("postgresql") or not url.startswith(("postgres://", "postgresql://")):
        return
    prefix = f"{database['NAME']}_tpl_"[: MAX_NAME - 13]
    name = f"{prefix}{migrations_digest()}"
    with psycopg.connect(_url_for(url, "postgres"), autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            existing = {row[0] for row in connection.execute("SELECT datname FROM pg_database")}
            for old in sorted(existing):
                if old.startswith(prefix) and old != name:
                    # Someone connected to it (a shell, another run) keeps it until next time.
                    with contextlib.suppress(psycopg.errors.ObjectInUse):
                        connection.execute(f'DROP DATABASE IF EXISTS "{old}"')
            if name not in existing:
                _make(connection, url, name)
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    database.setdefault("TEST", {})["TEMPLATE"] = name


def migrations_digest() -> str:
    """12 hex digits of a hash over the name and content of every migration on disk."""
    digest = hashlib.sha256()
    for (app, name), migration in sorted(MigrationLoader(None, ignore_no_migrations=True).disk_migrations.items()):
        digest.update(f"{app}.{name}\n".encode())
        digest.update(Path(sys.modules[migration.__module__].__file__).read_bytes())
    return digest.hexdigest()[:12]


def _make(connection, url: str, name: str) -> None:
    """Migrate a new database under a temporary name and rename it when it is complete, so that
    a run cut off halfway never leaves a template that looks finished."""
    unfinished = f"{name[: MAX_NAME - 4]}_new"
    connection.execute(f'DROP DATABASE IF EXISTS "{unfinished}"')
    connection.execute(f'CREATE DATABASE "{unfinished}"')
    environment = {
        **os.environ,
        "DATABASE_URL": _url_for(url, unfinished),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        connection.execute(f'DROP DATABASE IF EXISTS "{unfinished}"')
        raise RuntimeError(f"Migrating the template test database failed:\n{result.stdout}\n{result.stderr}")
    connection.execute(f'ALTER DATABASE "{unfinished}" RENAME TO "{name}"')


def _url_for(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    django.setup()
    use_template()
