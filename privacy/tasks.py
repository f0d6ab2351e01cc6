"""Thin tasks: they take ids, call a service, and retry on transient errors."""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from common.jobs import JobTask

from . import services
from .models import DataExport


@shared_task(base=JobTask, job_model=DataExport, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def run_data_export(export_id: int) -> int:
    """When it gives up, JobTask marks the export failed with a reason the person can read."""
    return services.run_export(export_id=export_id).processed


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def delete_expired_data_exports() -> int:
    return services.delete_expired_exports(now=timezone.now())


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def anonymise_leavers() -> int:
    return services.anonymise_leavers(now=timezone.now())
