"""The demo content for tests that read it, seeded once per test process and then copied in.

Seeding the demo (``seed_demo``) takes half a minute, and a dozen modules need it. The first of
them in a process seeds it for real, as ``make run`` does (what the services queue on commit,
tasks and mails, runs too), copies every table out with PostgreSQL's ``COPY ... TO`` and rolls
the seeding back: the **snapshot**. Each test that needs the demo then has every table emptied
and filled from the snapshot (``COPY ... FROM``, a fraction of a second), inside its own
transaction, so the demo it reads is exactly what the seeder writes. Tests of the seeder itself
(tests/demo) still run it.

``demo`` (tests/conftest.py) loads it for one test, with ``db`` or in a transactional test (a
browser test's live server); ``shared_demo(snapshot, django_db_blocker)`` for the tests of a
class or module, in a transaction rolled back after them."""

import contextlib
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import TestCase

from common import i18n


@dataclass(frozen=True)
class Table:
    name: str
    columns: str  # quoted, comma-separated; without generated columns, which COPY cannot write
    rows: int
    data: bytes  # COPY's binary format


@dataclass(frozen=True)
class Snapshot:
    tables: list[Table]
    mails: list  # what seeding sent (Django's test outbox), for tests that read it


def take_snapshot() -> Snapshot:
    """Seed the demo, copy every table out, and roll the seeding back."""
    sent_before = len(getattr(mail, "outbox", []))
    with transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", verbosity=0)
        tables = []
        with connection.cursor() as cursor:
            for name, columns in _tables(cursor):
                with cursor.copy(f"COPY {_quoted(name)} ({columns}) TO STDOUT (FORMAT binary)") as copy:
                    data = b"".join(bytes(block) for block in copy)
                tables.append(Table(name, columns, cursor.rowcount, data))
        transaction.set_rollback(True)
    forget_cached_ids()
    return Snapshot(tables, list(getattr(mail, "outbox", []))[sent_before:])


def load(snapshot: Snapshot, *, with_mails: bool = True) -> None:
    """Replace the rows of every table with the snapshot's, move the id sequences past them,
    and put the mails seeding sent in the test outbox."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("TRUNCATE " + ", ".join(_quoted(table.name) for table in snapshot.tables))
        for table in snapshot.tables:
            if table.rows:
                with cursor.copy(f"COPY {_quoted(table.name)} ({table.columns}) FROM STDIN (FORMAT binary)") as copy:
                    copy.write(table.data)
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
            cursor.execute(statement)
    forget_cached_ids()
    if with_mails and hasattr(mail, "outbox"):
        mail.outbox.extend(snapshot.mails)


def forget_cached_ids() -> None:
    """Caches of this process that hold ids of rows the snapshot (or its rollback) replaced."""
    ContentType.objects.clear_cache()
    i18n.forget_all_locales()
    cache.clear()


@contextlib.contextmanager
def shared_demo(snapshot: Snapshot, django_db_blocker):
    """The demo for a group of tests, in a transaction rolled back after them. Each test still
    runs in a savepoint of its own (the ``db`` fixture), so what one test changes the next does
    not see. Only for tests with ``db``: ``transactional_db`` and a live server empty the tables."""
    with django_db_blocker.unblock(), transaction.atomic():
        load(snapshot, with_mails=False)
        yield
        transaction.set_rollback(True)
    forget_cached_ids()


def _tables(cursor) -> list[tuple[str, str]]:
    names = connection.introspection.django_table_names(only_existing=True, include_views=False)
    cursor.execute(
        """
        SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname = ANY(%s)
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        GROUP BY c.relname
        ORDER BY c.relname
        """,
        [sorted(names)],
    )
    return cursor.fetchall()


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)
