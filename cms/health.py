"""Status of the services the site depends on, for /health/ and monitoring.

Each part answers "ok", "in-process" (no broker or worker: tasks run in the web process) or
"down: <ErrorClass>" (or a short reason), never an address, host name or password. The
database and the private storage are required: without them pages fail, and /health/
answers 503. Without Redis (the cache and the broker), the workers or with an old outbox
the pages keep working (the cache acts empty, cms/cache.py; tasks wait in the outbox,
outbox/), so the status is "degraded", with 200: a load balancer keeps sending visitors,
monitoring sees what is wrong.
"""

import datetime
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.utils import timezone

from outbox import selectors as outbox_selectors

from .celery import app as celery_app

REQUIRED = ("database", "storage")
# A worker runs the relay every minute (Celery beat) and records a heartbeat; three missed
# minutes mean beat or every worker is gone.
HEARTBEAT_MAX_AGE = datetime.timedelta(minutes=3)
# Tasks kept longer than this mean the broker has been away (or the relay stuck) a while.
OUTBOX_MAX_AGE = datetime.timedelta(minutes=5)


def _in_process() -> bool:
    return bool(celery_app.conf.task_always_eager)


def _age(moment: datetime.datetime | None) -> int | None:
    return None if moment is None else max(0, int((timezone.now() - moment).total_seconds()))


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_cache() -> str:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value written")
    cache.delete(key)
    return "ok"


def check_storage() -> str:
    """The private storage (certificate PDFs, exports) takes a file and gives it back."""
    storage = storages["private"]
    name = storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with storage.open(name) as stored:
            if stored.read() != b"ok":
                raise RuntimeError("storage did not return the file written")
    finally:
        storage.delete(name)
    return "ok"


def check_broker() -> str:
    if _in_process() and not settings.REDIS_URL:
        return "in-process"
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0.2, timeout=2)
    return "ok"


def check_workers(details: dict) -> str:
    if _in_process():
        return "in-process"
    age = _age(outbox_selectors.last_heartbeat())
    details["last_heartbeat_age_seconds"] = age
    if age is None:
        return "down: no heartbeat yet"
    if age > HEARTBEAT_MAX_AGE.total_seconds():
        return "down: no recent heartbeat"
    return "ok"


def check_outbox(details: dict) -> str:
    count, oldest = outbox_selectors.backlog()
    age = _age(oldest)
    details.update(backlog=count, oldest_age_seconds=age)
    if age is not None and age > OUTBOX_MAX_AGE.total_seconds():
        return "down: tasks waiting"
    return "ok"


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "broker": check_broker,
    "workers": check_workers,
    "outbox": check_outbox,
}
# Checks that report figures beside their status.
WITH_DETAILS = {"workers", "outbox"}


def service_status() -> tuple[bool, dict]:
    """(healthy, report): healthy is False when a required part is down. The report has
    ``status`` (ok, degraded or down), ``down`` (the parts that are), ``services`` (each
    part's status) and ``details`` (the outbox's backlog, the age of the last heartbeat)."""
    services: dict[str, str] = {}
    details: dict[str, dict] = {}
    for name, check in CHECKS.items():
        try:
            if name in WITH_DETAILS:
                details[name] = {}
                services[name] = check(details[name])
            else:
                services[name] = check()
        except Exception as exc:  # every failure is a 'down', whatever its kind
            services[name] = f"down: {exc.__class__.__name__}"
    down = [name for name, status in services.items() if status.startswith("down")]
    healthy = not any(name in REQUIRED for name in down)
    status = "down" if not healthy else "degraded" if down else "ok"
    return healthy, {"status": status, "down": down, "services": services, "details": details}
