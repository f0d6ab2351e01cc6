"""A large export through a real Celery worker on Redis (skipped without REDIS_URL)."""

import time

import pytest
from celery.result import EagerResult

from common.jobs import FAILURE_REASON
from insights import services, tasks
from insights.models import ExportJob
from tests.insights.test_exports import EVERYTHING, build_world, export_url, read_csv

pytestmark = pytest.mark.celery_worker


def wait_until_finished(job: ExportJob, seconds: float = 60) -> ExportJob:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.2)
    return job


@pytest.fixture
def world(celery_worker_on_redis, home_page, monkeypatch):
    monkeypatch.setattr(services, "DIRECT_LIMIT", 2)
    return build_world(home_page)


def test_a_large_export_is_written_by_a_real_worker(client, world):
    hr = world["utrecht"]["hr"]
    client.force_login(hr)
    response = client.get(export_url("te-laat", "csv", EVERYTHING))
    job = ExportJob.objects.get()
    assert response["Location"] == f"/hr/export/taak/{job.pk}/"
    job = wait_until_finished(job)
    assert (job.status, job.total, job.processed) == (ExportJob.Status.DONE, 3, 3)
    rows = read_csv(client.get(f"/hr/export/taak/{job.pk}/download/"))
    assert [row[0] for row in rows[1:]] == ["Utrechter 2", "Utrechter 1", "Utrechter 0"]
    assert not isinstance(tasks.run_export.delay(job.pk), EagerResult), "through the broker"

    client.force_login(world["zeist"]["hr"])
    assert client.get(f"/hr/export/taak/{job.pk}/").status_code == 404
    assert client.get(f"/hr/export/taak/{job.pk}/download/").status_code == 404


def test_a_failure_in_a_real_worker_shows_a_readable_reason(client, world, monkeypatch):
    def disk_full(**kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(services.exports, "write", disk_full)
    client.force_login(world["utrecht"]["hr"])
    client.get(export_url("te-laat", "xlsx", EVERYTHING))
    job = wait_until_finished(ExportJob.objects.get())
    assert (job.status, job.error) == (ExportJob.Status.FAILED, str(FAILURE_REASON))
    page = client.get(f"/hr/export/taak/{job.pk}/").content.decode()
    assert f"Mislukt: {FAILURE_REASON}" in page
    assert "Opnieuw proberen" in page
