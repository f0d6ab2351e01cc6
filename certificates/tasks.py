"""Thin tasks: they take ids, call a service, and retry on transient errors."""

import datetime
import logging

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from common.jobs import JobTask
from curriculum.models import LearningPath, LearningTrackPage
from people.models import User

from . import services
from .models import RerenderBatch

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def issue_certificate(
    user_id: int, source_key: str, track_id: int | None = None, path_id: int | None = None
) -> int | None:
    """The certificate's id, or None when the person may receive none (no membership while
    certificates are for members only): a refusal, not an error to retry."""
    try:
        certificate = services.issue(
            user=User.objects.get(pk=user_id),
            source_key=source_key,
            track=LearningTrackPage.objects.get(pk=track_id) if track_id else None,
            path=LearningPath.objects.get(pk=path_id) if path_id else None,
        )
    except services.NotVouchedFor:
        logger.info("no certificate for user %s (%s): not a member of an organisation", user_id, source_key)
        return None
    return certificate.pk


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_backoff_max=900, max_retries=8)
def render_certificate(certificate_id: int) -> int:
    """Delivered again after a worker died: renders only what is missing (``services.render``)."""
    return services.render(certificate_id=certificate_id, again=False).pk


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def requeue_unrendered() -> int:
    """Every ten minutes (Celery beat): certificates whose rendering task was lost."""
    return services.requeue_unrendered()


@shared_task(
    base=JobTask, job_model=RerenderBatch, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5
)
def run_rerender(batch_id: int) -> int:
    """When it gives up (its retries spent, or an error it does not retry), JobTask marks
    the batch failed with a reason its progress page shows, next to a retry button."""
    return services.run_rerender(batch_id=batch_id).processed


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def send_expiry_reminders(day: str | None = None) -> int:
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return services.send_expiry_reminders(today=today)
