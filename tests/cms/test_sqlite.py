"""SQLite, the embedded default of `make run`: two writers at once wait for each other
instead of failing with "database is locked" (Wagtail's autosave next to a save)."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from cms.settings.base import SQLITE_OPTIONS


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker):
    """These tests open their own SQLite files, outside the test database."""
    with django_db_blocker.unblock():
        yield


def wrapper(path, options: dict) -> DatabaseWrapper:
    settings_dict = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": dict(options),
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    return DatabaseWrapper(settings_dict, alias=f"race-{id(settings_dict)}")


def race(path, options: dict) -> list[str]:
    """Two connections each read, pause, then write in one transaction, at the same time."""
    setup = wrapper(path, options)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS page (id INTEGER PRIMARY KEY, title TEXT)")
        cursor.execute("INSERT INTO page (id, title) VALUES (1, 'Spil')")
    setup.close()
    errors, barrier = [], threading.Barrier(2)

    def writer(title: str) -> None:
        connection = wrapper(path, options)
        connections[connection.alias] = connection  # this thread's: Django's own atomic() below
        try:
            barrier.wait()
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute("SELECT title FROM page WHERE id = 1")
                time.sleep(0.2)
                cursor.execute("UPDATE page SET title = %s WHERE id = 1", [title])
        except OperationalError as error:
            errors.append(str(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(title,)) for title in ("autosave", "save")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_without_the_options_two_writers_collide(tmp_path):
    errors = race(tmp_path / "plain.sqlite3", {"timeout": 1})
    assert any("locked" in error for error in errors)


def test_with_the_sites_options_both_writers_succeed(tmp_path):
    assert race(tmp_path / "spil.sqlite3", SQLITE_OPTIONS) == []


def test_the_site_uses_write_ahead_logging(tmp_path):
    connection = wrapper(tmp_path / "wal.sqlite3", SQLITE_OPTIONS)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    connection.close()


@pytest.mark.parametrize("name", ["init_command", "transaction_mode", "timeout"])
def test_sqlite_settings_carry_each_option(name):
    assert name in SQLITE_OPTIONS
