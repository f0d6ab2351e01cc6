"""Thin tasks: they take ids, call a service, and retry on transient errors."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.jobs import JobTask

from . import services
from .models import ExportJob

TOO_LONG_REASON = _(
    "Het maken van het bestand duurde te lang. Kies met de filters minder mensen of een kortere periode, "
    "en probeer het opnieuw."
)


class ExportTask(JobTask):
    def failure_reason(self, exc: BaseException) -> str:
        if isinstance(exc, SoftTimeLimitExceeded):
            return str(TOO_LONG_REASON)
        return super().failure_reason(exc)


@shared_task(base=ExportTask, job_model=ExportJob, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def run_export(job_id: int) -> int:
    """When it gives up, ExportTask marks the export failed with a reason the adviser can read,
    shown on its progress page next to a retry button."""
    return services.run_export(job_id=job_id).processed


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def delete_expired_exports() -> int:
    return services.delete_expired_exports(now=timezone.now())


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def refresh_figures(adviser_id: int, query: dict, language: str) -> None:
    """Compute an adviser's outdated dashboard figures in the background (insights.selectors)."""
    from django.utils import translation

    from people.models import User

    from .selectors import refresh_figures as refresh

    adviser = User.objects.filter(pk=adviser_id, is_active=True).first()
    if adviser is None:
        return
    with translation.override(language):
        refresh(adviser=adviser, query=query)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3, expires=9 * 60)
def keep_figures_current() -> int:
    """Every ten minutes: the organisations' unfiltered dashboards are recomputed when outdated."""
    from .selectors import keep_current

    return keep_current(today=timezone.localdate())
