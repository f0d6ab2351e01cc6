"""What the audit log (django-auditlog) records about exports: creating an export leaves an
entry, with the adviser as actor (see ``services.request_export``): the table, the filters and
the row count, never the data. ``audit`` copies it into its own log as "export aangevraagd",
for the organisations exported. Progress and downloads are written with ``update()``, which
auditlog does not see: ``services.record_download`` records a download itself."""

from auditlog.registry import auditlog

from .models import ExportJob

AUDIT_FIELDS = ["adviser", "organisation_ids", "table_key", "format", "scope_query", "total", "direct"]


def register() -> None:
    auditlog.register(ExportJob, include_fields=AUDIT_FIELDS)
