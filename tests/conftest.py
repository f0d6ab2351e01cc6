import pytest
from django.core.cache import cache

from cms.celery import app as celery_app
from cms.services import ensure_site
from tests import demo_content, template_db


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test databases are made from one migrated template (tests/template_db.py)."""
    template_db.use_template()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached fragments must not leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    return ensure_site()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The demo content, seeded once in this process and copied out (tests/demo_content.py)."""
    with django_db_blocker.unblock():
        return demo_content.take_snapshot()


@pytest.fixture
def demo(request, demo_snapshot):
    """The demo content, as ``seed_demo`` writes it, for this test (a copy of the snapshot)."""
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    request.getfixturevalue("transactional_db" if transactional else "db")
    demo_content.load(demo_snapshot)
    yield
    demo_content.forget_cached_ids()


@pytest.fixture
def celery_worker_on_redis(transactional_db, settings):
    """A real Celery worker, in a thread of this process, consuming from REDIS_URL.

    Tasks queued while it runs travel through Redis, not the in-process eager path.
    """
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: there is no broker for a real Celery worker")
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.update(task_always_eager=False, broker_url=settings.REDIS_URL)
    try:
        with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=30, loglevel="WARNING"):
            yield celery_app
    finally:
        celery_app.conf.update(task_always_eager=True)


def pytest_collection_modifyitems(items):
    """Every test with a real Celery worker carries the ``celery_worker`` marker, so that
    ``make test`` runs them on their own, in one process, after the rest of the suite has run
    in two (pytest-xdist): two processes consuming one broker would take each other's tasks
    and run them against the wrong test database, and a worker thread beside hundreds of other
    tests in one process was seen to leave its tasks queued."""
    for item in items:
        if "celery_worker_on_redis" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.celery_worker)
            item.add_marker(pytest.mark.xdist_group("celery-worker"))
