import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import services


@shared_task(bind=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def run_assignment_batch(self, batch_id: int) -> int:
    try:
        return services.run_assignment_batch(batch_id=batch_id).created_count
    except OperationalError:
        raise
    except Exception as exc:
        services.mark_batch_failed(batch_id=batch_id, error=f"{exc.__class__.__name__}: {exc}")
        raise


def _today(day: str | None) -> datetime.date:
    return datetime.date.fromisoformat(day) if day else timezone.localdate()


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_due_reminders(day: str | None = None) -> int:
    return services.send_due_reminders(today=_today(day))


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_overdue_digests(day: str | None = None) -> int:
    return services.send_overdue_digests(today=_today(day))
