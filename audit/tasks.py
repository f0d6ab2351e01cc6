"""Thin tasks: they call a service and retry on transient errors."""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from . import services


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def prune_audit_log() -> int:
    return services.prune(now=timezone.now())
