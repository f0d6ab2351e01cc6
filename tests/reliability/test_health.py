"""/health/ reports each part; 503 only when a required one is down; no secrets."""

import datetime

import pytest
from django.core.files.storage import storages
from django.utils import timezone

from cms import health
from cms.celery import app as celery_app
from outbox import services as outbox_services
from outbox.models import Heartbeat, OutboxMessage

from .conftest import CLOSED_PORT_BROKER

pytestmark = pytest.mark.django_db


def report(client, expected_status: int) -> dict:
    response = client.get("/health/")
    assert response.status_code == expected_status, response.content
    return response.json()


@pytest.fixture
def with_workers(settings):
    """As in production: tasks go through a broker to workers, not in-process."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    settings.REDIS_URL = settings.REDIS_URL or "redis://127.0.0.1:6379/0"
    yield
    celery_app.conf.task_always_eager = before


def test_the_database_down_is_503(client, monkeypatch):
    def refused():
        from django.db import OperationalError

        raise OperationalError("connection to server at 10.0.0.5 failed: password authentication failed")

    monkeypatch.setitem(health.CHECKS, "database", refused)
    body = report(client, 503)
    assert body["status"] == "down"
    assert body["down"] == ["database"]
    assert body["services"]["database"] == "down: OperationalError"
    assert "10.0.0.5" not in str(body)
    assert "password" not in str(body)


def test_the_cache_down_is_degraded_not_503(client, settings):
    """The pages work without it (cms/cache.py): monitoring sees it, the load balancer keeps the site."""
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.TolerantRedisCache", "LOCATION": "redis://:geheim@127.0.0.1:9/0"}
    }
    body = report(client, 200)
    assert (body["status"], body["down"]) == ("degraded", ["cache"])
    assert body["services"]["cache"].startswith("down: ")
    assert "geheim" not in str(body)


def test_private_storage_that_refuses_to_write_is_503(client, monkeypatch):
    def read_only(name, content, max_length=None):
        raise PermissionError("/srv/spil/private is read-only")

    monkeypatch.setattr(storages["private"], "save", read_only)
    body = report(client, 503)
    assert body["down"] == ["storage"]
    assert body["services"]["storage"] == "down: PermissionError"
    assert "/srv" not in str(body)


def test_the_broker_down_is_degraded_not_503(client, with_workers, broker):
    broker("redis://:geheim@127.0.0.1:9/0")
    Heartbeat.objects.create(name="worker", beat_at=timezone.now())
    body = report(client, 200)
    assert body["status"] == "degraded"
    assert body["down"] == ["broker"]
    assert "geheim" not in str(body)
    assert "127.0.0.1" not in str(body)


def test_workers_without_a_recent_heartbeat_are_down(client, with_workers, monkeypatch):
    monkeypatch.setitem(health.CHECKS, "broker", lambda: "ok")
    assert report(client, 200)["services"]["workers"] == "down: no heartbeat yet"
    Heartbeat.objects.create(name="worker", beat_at=timezone.now() - datetime.timedelta(minutes=10))
    body = report(client, 200)
    assert body["services"]["workers"] == "down: no recent heartbeat"
    assert body["details"]["workers"]["last_heartbeat_age_seconds"] >= 600
    outbox_services.record_heartbeat()
    body = report(client, 200)
    assert (body["status"], body["services"]["workers"]) == ("ok", "ok")


def test_the_outbox_reports_its_backlog_and_an_old_one_as_down(client, broker):
    broker(CLOSED_PORT_BROKER)
    celery_app.send_task("people.tasks.send_email", args=[1])
    celery_app.send_task("people.tasks.send_email", args=[2])
    body = report(client, 200)
    assert body["details"]["outbox"]["backlog"] == 2
    assert body["services"]["outbox"] == "ok", "a fresh backlog: the relay will send it"
    OutboxMessage.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=20))
    body = report(client, 200)
    assert body["services"]["outbox"] == "down: tasks waiting"
    assert body["details"]["outbox"]["oldest_age_seconds"] >= 1200
    assert "outbox" in body["down"]
