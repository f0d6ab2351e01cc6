"""The import job through a real Celery worker on Redis (REDIS_URL)."""

import time

import pytest
from celery.result import EagerResult
from django.utils import timezone

from common.jobs import FAILURE_REASON
from invitations import services
from invitations.models import Invitation, InvitationImport
from invitations.tasks import run_invitation_import
from people.models import OutgoingEmail
from tests.people.factories import HRAdviserFactory

from .conftest import csv_bytes

pytestmark = pytest.mark.celery_worker


def wait_for(job: InvitationImport, status: str) -> InvitationImport:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status == status:
            break
        time.sleep(0.1)
    return job


def confirmed_import(people: int) -> InvitationImport:
    adviser = HRAdviserFactory()
    rows = [f"Persoon {i};p{i}@example.org;PMO" for i in range(people)]
    job = services.preview_import(
        adviser=adviser.user,
        organisation=adviser.organisation,
        data=csv_bytes("naam;email;team", *rows, delimiter=";"),
        file_name="mensen.csv",
    )
    InvitationImport.objects.filter(pk=job.pk).update(confirmed_at=timezone.now())
    return job


def test_a_real_worker_runs_the_import_once_even_when_queued_twice(celery_worker_on_redis):
    job = confirmed_import(30)
    result = run_invitation_import.delay(job.pk)
    assert not isinstance(result, EagerResult)
    job = wait_for(job, InvitationImport.Status.DONE)
    assert (job.status, job.total, job.processed, job.invited_count) == ("done", 30, 30, 30)
    run_invitation_import.delay(job.pk)
    time.sleep(1)
    assert Invitation.objects.filter(import_job=job).count() == 30
    assert OutgoingEmail.objects.count() == 30


def test_an_import_that_fails_in_a_real_worker_is_marked_failed(celery_worker_on_redis, monkeypatch):
    def disk_full(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "run_import", disk_full)
    job = confirmed_import(2)
    run_invitation_import.delay(job.pk)
    job = wait_for(job, InvitationImport.Status.FAILED)
    assert (job.status, job.error) == (InvitationImport.Status.FAILED, str(FAILURE_REASON))
