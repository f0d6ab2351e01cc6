import pytest

from cms import health

pytestmark = pytest.mark.django_db


def test_health_reports_every_service(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["services"]) == {"database", "cache", "broker"}
    assert body["services"]["database"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_is_503_when_a_service_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("refused")

    monkeypatch.setitem(health.CHECKS, "broker", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "services": {"database": "ok", "cache": "ok", "broker": "down: ConnectionError"},
    }


def test_broker_check_against_a_dead_redis_is_down(settings):
    from cms.celery import app

    settings.REDIS_URL = "redis://127.0.0.1:9/0"
    before = {"broker_url": app.conf.broker_url, "task_always_eager": app.conf.task_always_eager}
    app.conf.update(broker_url="redis://127.0.0.1:9/0", task_always_eager=False)
    try:
        healthy, services = health.service_status()
    finally:
        app.conf.update(before)
    assert not healthy
    assert services["broker"].startswith("down")


def test_health_only_answers_get(client):
    assert client.post("/health/").status_code == 405
