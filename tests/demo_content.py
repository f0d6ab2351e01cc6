"""The demo content made once for a group of tests that only read it (issue 17: seeding takes
half a minute, and modules that read the demo content made it for each test).

``shared_demo(django_db_blocker)`` seeds inside a transaction that stays open while the tests
of a class or module run and is rolled back after them. Each test still runs in a savepoint of
its own (the ``db`` fixture), so what one test changes the next does not see. Only for tests
with ``db``: ``transactional_db`` and a live server empty the tables."""

import contextlib

from django.core.management import call_command
from django.db import transaction


@contextlib.contextmanager
def shared_demo(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", verbosity=0)
        yield
        transaction.set_rollback(True)
