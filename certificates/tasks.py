import datetime

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from curriculum.models import LearningPath, LearningTrackPage
from people.models import User

from . import services


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def issue_certificate(user_id: int, source_key: str, track_id: int | None = None, path_id: int | None = None) -> int:
    certificate = services.issue(
        user=User.objects.get(pk=user_id),
        source_key=source_key,
        track=LearningTrackPage.objects.get(pk=track_id) if track_id else None,
        path=LearningPath.objects.get(pk=path_id) if path_id else None,
    )
    return certificate.pk


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=900, max_retries=8)
def render_certificate(certificate_id: int) -> int:
    return services.render(certificate_id=certificate_id).pk


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def run_rerender(batch_id: int) -> int:
    return services.run_rerender(batch_id=batch_id).processed


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_expiry_reminders(day: str | None = None) -> int:
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return services.send_expiry_reminders(today=today)
