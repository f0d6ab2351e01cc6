from celery import shared_task
from django.db import OperationalError

from common.jobs import JobTask

from . import services
from .models import InvitationImport


@shared_task(
    base=JobTask, job_model=InvitationImport, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5
)
def run_invitation_import(job_id: int) -> int:
    """Once the task gives up, ``JobTask`` marks the import failed with a reason HR can read."""
    return services.run_import(job_id=job_id).invited_count
