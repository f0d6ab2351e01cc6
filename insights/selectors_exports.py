"""Reads about exports: an adviser sees their own exports only, and only while they still
advise every organisation an export is about."""

from django.utils import timezone

from people.models import User
from people.selectors import organisations_advised_by

from .models import KEEP_FILES, ExportJob


def export_job_for(*, adviser: User, job_id: int) -> ExportJob | None:
    """The export, if ``adviser`` asked for it and still advises all its organisations.
    Anyone else, another adviser of the same organisation included, gets None."""
    job = ExportJob.objects.filter(pk=job_id, adviser_id=adviser.pk).first()
    if job is None:
        return None
    advised = set(organisations_advised_by(adviser=adviser).values_list("pk", flat=True))
    if not set(job.organisation_ids) <= advised:
        return None
    return job


def recent_exports(*, adviser: User, limit: int = 50) -> list[ExportJob]:
    """The adviser's exports of the time their files are kept, newest first, leaving out
    those about an organisation they no longer advise. Two queries."""
    since = timezone.now() - KEEP_FILES
    advised = set(organisations_advised_by(adviser=adviser).values_list("pk", flat=True))
    jobs = ExportJob.objects.filter(adviser_id=adviser.pk, created_at__gte=since).order_by("-created_at", "-pk")
    return [job for job in jobs[:limit] if set(job.organisation_ids) <= advised]
