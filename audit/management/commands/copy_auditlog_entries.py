"""Copy the django-auditlog entries written before the audit app existed (or whose copy
failed) into the audit log, with their organisations. Idempotent: an entry copied once is
skipped."""

from auditlog.models import LogEntry
from django.core.management.base import BaseCommand

from audit.signal_handlers import copy_log_entry


class Command(BaseCommand):
    help = "Copy django-auditlog entries that have no audit-log copy yet."

    def handle(self, *args, **options):
        missing = LogEntry.objects.filter(audit_events__isnull=True).select_related("content_type", "actor")
        copied = 0
        for entry in missing.order_by("pk").iterator(chunk_size=500):
            copy_log_entry(sender=LogEntry, instance=entry, created=True)
            copied += 1
        self.stdout.write(f"{copied}")
