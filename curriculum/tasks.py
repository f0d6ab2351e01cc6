import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from common.jobs import JobTask

from . import services
from .models import AssignmentBatch


@shared_task(
    base=JobTask, job_model=AssignmentBatch, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5
)
def run_assignment_batch(batch_id: int) -> int:
    """Once the task gives up, ``JobTask`` marks the batch failed with a reason HR can read."""
    return services.run_assignment_batch(batch_id=batch_id).created_count


def _today(day: str | None) -> datetime.date:
    return datetime.date.fromisoformat(day) if day else timezone.localdate()


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_due_reminders(day: str | None = None) -> int:
    return services.send_due_reminders(today=_today(day))


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_overdue_digests(day: str | None = None) -> int:
    return services.send_overdue_digests(today=_today(day))


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_request_reminders(day: str | None = None) -> int:
    return services.send_request_reminders(today=_today(day))
