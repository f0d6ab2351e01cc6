"""Keeping the audit log as long as each organisation's policy says, and no longer."""

import datetime
from collections import defaultdict

from auditlog.models import LogEntry
from django.conf import settings
from django.db import transaction

from .models import AuditEvent

DEFAULT_RETENTION_DAYS = 730


def default_retention_days() -> int:
    """For entries about no organisation (failed sign-ins of unknown accounts, the platform)."""
    return int(getattr(settings, "AUDIT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def prune(*, now: datetime.datetime) -> int:
    """Delete entries older than their organisation's ``audit_retention_days`` (entries
    without an organisation: ``AUDIT_RETENTION_DAYS``), and the django-auditlog entries whose
    copies are all gone, or that were never copied and are older than the default. Returns the
    number of entries deleted; running it twice deletes nothing more."""
    from people.models import Organisation

    by_days: dict[int, list[int]] = defaultdict(list)
    for pk, days in Organisation.objects.values_list("pk", "audit_retention_days"):
        by_days[days].append(pk)
    default_cutoff = now - datetime.timedelta(days=default_retention_days())
    expired = [AuditEvent.objects.filter(organisation=None, created_at__lt=default_cutoff)]
    for days, organisation_ids in by_days.items():
        cutoff = now - datetime.timedelta(days=days)
        expired.append(AuditEvent.objects.filter(organisation_id__in=organisation_ids, created_at__lt=cutoff))
    deleted = 0
    with transaction.atomic():
        for queryset in expired:
            log_entry_ids = set(queryset.exclude(log_entry=None).values_list("log_entry_id", flat=True))
            deleted += queryset.delete()[0]
            if log_entry_ids:
                LogEntry.objects.filter(pk__in=log_entry_ids, audit_events__isnull=True).delete()
        LogEntry.objects.filter(timestamp__lt=default_cutoff, audit_events__isnull=True).delete()
    return deleted
