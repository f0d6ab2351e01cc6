import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import services


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_session_reminders(now: str | None = None) -> int:
    """Hourly (Celery beat): the reminder, a day ahead, to everyone with a place. Running it
    twice sends nothing twice."""
    moment = datetime.datetime.fromisoformat(now) if now else timezone.now()
    return services.send_session_reminders(now=moment)
