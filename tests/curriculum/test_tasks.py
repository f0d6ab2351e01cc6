"""The assignment job through a real Celery worker on Redis (REDIS_URL)."""

import datetime
import time

import pytest
from celery.result import EagerResult

from common.jobs import FAILURE_REASON
from curriculum import services
from curriculum.models import Assignment, AssignmentBatch
from curriculum.tasks import run_assignment_batch
from tests.curriculum.factories import CatalogPageFactory, LearningTrackPageFactory
from tests.people.factories import LearnerFactory, OrganisationFactory

pytestmark = pytest.mark.celery_worker


def test_a_real_worker_runs_the_assignment_job(celery_worker_on_redis, home_page):
    organisation = OrganisationFactory()
    for _ in range(25):
        LearnerFactory(organisation=organisation)
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=home_page))
    batch = AssignmentBatch.objects.create(
        organisation=organisation, track=track, due_date=datetime.date(2027, 1, 1), audience="all"
    )
    result = run_assignment_batch.delay(batch.pk)
    assert not isinstance(result, EagerResult)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status == AssignmentBatch.Status.DONE:
            break
        time.sleep(0.1)
    assert (batch.status, batch.total, batch.created_count) == ("done", 25, 25)
    run_assignment_batch.delay(batch.pk)
    time.sleep(1)
    assert Assignment.objects.filter(track=track).count() == 25


def test_a_job_that_fails_in_a_real_worker_is_marked_failed(celery_worker_on_redis, home_page, monkeypatch):
    def disk_full(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "run_assignment_batch", disk_full)
    track = LearningTrackPageFactory(parent=CatalogPageFactory(parent=home_page))
    batch = AssignmentBatch.objects.create(
        organisation=OrganisationFactory(), track=track, due_date=datetime.date(2027, 1, 1), audience="all"
    )
    run_assignment_batch.delay(batch.pk)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and batch.status != AssignmentBatch.Status.FAILED:
        time.sleep(0.1)
        batch.refresh_from_db()
    assert (batch.status, batch.error) == (AssignmentBatch.Status.FAILED, str(FAILURE_REASON))
