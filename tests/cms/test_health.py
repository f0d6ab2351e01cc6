import pytest

from cms import health

pytestmark = pytest.mark.django_db


def test_health_reports_every_service(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["down"] == []
    assert set(body["services"]) == {"database", "cache", "storage", "broker", "workers", "outbox"}
    assert body["services"]["database"] == "ok"
    assert body["details"]["outbox"] == {"backlog": 0, "oldest_age_seconds": None}
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_is_503_when_a_required_service_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("refused")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["down"] == ["database"]
    assert body["services"]["database"] == "down: ConnectionError"
    assert body["services"]["cache"] == "ok"


def test_broker_check_against_a_dead_redis_is_down_but_not_fatal(settings):
    """Without Redis the pages keep working (tasks wait in the outbox): degraded, not down."""
    from cms.celery import app

    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    before = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    app.conf.update(broker_url="redis://127.0.0.1:9/0", task_always_eager=False)
    try:
        healthy, report = health.service_status()
    finally:
        app.conf.update(before)
    assert healthy
    assert report["status"] == "degraded"
    assert report["services"]["broker"].startswith("down")


def test_health_only_answers_get(client):
    assert client.post("/health/").status_code == 405
