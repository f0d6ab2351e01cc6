import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import kombu.pools
import pytest
from django.conf import settings
from django.db import connection

from cms.celery import app as celery_app
from outbox import services as outbox_services
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import HRAdviserFactory, LearnerFactory, OrganisationFactory

CLOSED_PORT_BROKER = "redis://127.0.0.1:9/0"


def wait_for(condition, *, timeout: float = 60.0, every: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return condition()


@pytest.fixture
def world(home_page):
    zeist = OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    track = LearningTrackPageFactory(
        parent=CatalogPageFactory(parent=home_page),
        title="Risicomanagement voor de PMO",
        leads_to_certificate=True,
        certificate_validity_months=24,
    )
    ModulePageFactory(parent=track, title="Risico's herkennen")
    return {
        "zeist": zeist,
        "track": track,
        "anna": LearnerFactory(organisation=zeist, user__full_name="Anna de Vries").user,
        "hr": HRAdviserFactory(organisation=zeist).user,
    }


def reset_producer_pools() -> None:
    """Forget pooled broker connections, so the next publish connects to the URL now set."""
    kombu.pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def broker():
    """Point this process's publishing at a broker: ``broker(url)``; restored afterwards."""
    before = {"broker_url": celery_app.conf.broker_url, "task_always_eager": celery_app.conf.task_always_eager}

    def point_at(url: str) -> None:
        celery_app.conf.update(broker_url=url, task_always_eager=False)
        reset_producer_pools()

    outbox_services.take_relay_request()
    yield point_at
    celery_app.conf.update(before)
    reset_producer_pools()
    outbox_services.take_relay_request()


@pytest.fixture
def broker_down(broker):
    """Redis away: publishing meets a closed port."""
    broker(CLOSED_PORT_BROKER)


@pytest.fixture
def redis_broker(broker, settings):
    """The real Redis of REDIS_URL, its default queue emptied first."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: there is no Redis to publish to")
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    client.delete("celery", "unacked", "unacked_index")
    broker(settings.REDIS_URL)
    yield client
    client.delete("celery", "unacked", "unacked_index")


def queued_task_ids(client) -> list[str]:
    """Ids of the messages waiting in Redis's default queue, first to be taken first."""
    import json

    return [json.loads(raw)["headers"]["id"] for raw in reversed(client.lrange("celery", 0, -1))]


def database_url_for_workers() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Workers:
    """Celery worker subprocesses on REDIS_URL and the test database, each one killable for real."""

    def __init__(self, root: Path):
        self.root = root
        self.private = root / "private"
        self.mail = root / "mail"
        self.private.mkdir()
        self.mail.mkdir()
        self.processes: list[subprocess.Popen] = []

    def start(self, *, pause_at: str = "", nth: int = 1) -> subprocess.Popen:
        number = len(self.processes) + 1
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.reliability.worker_settings",
            "DATABASE_URL": database_url_for_workers(),
            "REDIS_URL": settings.REDIS_URL,
            "PRIVATE_MEDIA_ROOT": str(self.private),
            "SPIL_TEST_PAUSE_AT": pause_at,
            "SPIL_TEST_PAUSE_NTH": str(nth),
            "SPIL_TEST_PAUSE_MARKER": str(self.marker),
        }
        command = [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool", "solo", "--loglevel", "WARNING"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        command += ["-n", f"reliability-{os.getpid()}-{number}@localhost"]
        log = (self.root / f"worker-{number}.log").open("wb")
        process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        self.processes.append(process)
        return process

    @property
    def marker(self) -> Path:
        return self.root / "paused"

    def kill_when_paused(self, process: subprocess.Popen, *, timeout: float = 120.0) -> str:
        """Wait until the worker stopped at its pause point, then SIGKILL it: no clean-up runs."""
        assert wait_for(lambda: self.marker.exists() or process.poll() is not None, timeout=timeout), self.logs()
        assert process.poll() is None, f"the worker ended before its pause point\n{self.logs()}"
        point = self.marker.read_text()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        self.marker.unlink()
        return point

    def pdfs(self) -> list[str]:
        return sorted(str(path.relative_to(self.private)) for path in self.private.rglob("*.pdf"))

    def mails_sent(self) -> int:
        """Messages the workers handed to the (file) mail backend."""
        return sum(path.read_bytes().count(b"\n" + b"-" * 79 + b"\n") for path in self.mail.glob("*.log"))

    def logs(self) -> str:
        return "\n".join(path.read_text(errors="replace")[-3000:] for path in sorted(self.root.glob("worker-*.log")))

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)


@pytest.fixture
def workers(transactional_db, redis_broker, tmp_path):
    pool = Workers(tmp_path)
    yield pool
    pool.stop_all()
