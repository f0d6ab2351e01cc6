"""Writes about exports: recording an export, writing a large one in the background, counting
downloads, and deleting files once they expire.

An export covers what ``scope_for`` lets its adviser see and nothing more: the filters of the
request are validated against the adviser's own organisations, and a background export checks
them again when it runs, so an adviser who lost an organisation meanwhile gets no file of it.
"""

import dataclasses
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.events import Action, record
from people.models import Organisation, User

from . import exports
from .filters import Scope, scope_for
from .models import KEEP_FILES, ExportJob
from .tables import Table, table

# At most this many rows go straight to the browser; more are written by a Celery task.
DIRECT_LIMIT = 5000
# A background export reports its progress after every so many rows.
PROGRESS_EVERY = 1000

GONE_REASON = _("Deze tabel staat niet meer in het HR-overzicht. Kies een tabel die er nu staat.")
NO_ACCESS_REASON = _(
    "Je bent geen HR-adviseur meer van alle organisaties in deze export, dus het bestand is niet gemaakt."
)


class UnknownExportError(Exception):
    """No such table, or no such file format."""


@dataclasses.dataclass(frozen=True)
class Export:
    job: ExportJob
    table: Table
    scope: Scope

    def rows(self) -> Iterable[tuple]:
        return self.table.rows(self.scope)


def _filename(*, key: str, organisation_ids: Iterable[int], fmt: str) -> str:
    slugs = Organisation.objects.filter(pk__in=list(organisation_ids)).values_list("slug", flat=True)
    return exports.filename(key=key, organisation_slugs=slugs, day=timezone.localdate(), fmt=fmt)


def request_export(*, adviser: User, key: str, fmt: str, data: Mapping[str, str]) -> Export:
    """Record an export of table ``key`` with the dashboard filters ``data``.

    Up to ``DIRECT_LIMIT`` rows it is recorded as done and the caller streams the rows; beyond
    that a Celery task writes the file. The same export asked again while it is still being
    written is not queued twice. Creating the record writes the audit-log entry
    (insights.audit.AUDIT_FIELDS), with the signed-in person as actor."""
    from .tasks import run_export

    chosen = table(key)
    if chosen is None or fmt not in ExportJob.Format.values:
        raise UnknownExportError(key, fmt)
    scope, _form = scope_for(adviser=adviser, data=data)
    query = dict(sorted(scope.as_query().items()))
    total = chosen.count(scope)
    direct = total <= DIRECT_LIMIT
    with transaction.atomic():
        if not direct:
            pending = ExportJob.objects.filter(
                adviser=adviser,
                table_key=key,
                format=fmt,
                scope_query=query,
                direct=False,
                status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING],
            ).first()
            if pending is not None:
                return Export(job=pending, table=chosen, scope=scope)
        done = {"status": ExportJob.Status.DONE, "processed": total, "finished_at": timezone.now()} if direct else {}
        job = ExportJob.objects.create(
            adviser=adviser,
            organisation_ids=sorted(scope.organisation_ids),
            table_key=key,
            format=fmt,
            scope_query=query,
            direct=direct,
            total=total,
            filename=_filename(key=key, organisation_ids=scope.organisation_ids, fmt=fmt),
            **done,
        )
        if not direct:
            transaction.on_commit(lambda: run_export.delay(job.pk))
    return Export(job=job, table=chosen, scope=scope)


@transaction.atomic
def retry_export(*, job: ExportJob) -> bool:
    """Queue a failed background export again; False if it had not failed (a second click)."""
    from .tasks import run_export

    if job.direct or not ExportJob.requeue(job.pk):
        return False
    transaction.on_commit(lambda: run_export.delay(job.pk))
    return True


class _Counted:
    """The rows, passed on one by one, counted, with ``report(count)`` every ``every`` rows."""

    def __init__(self, rows: Iterable[tuple], *, every: int, report: Callable[[int], None]):
        self.rows, self.every, self.report, self.count = rows, every, report, 0

    def __iter__(self) -> Iterator[tuple]:
        for row in self.rows:
            yield row
            self.count += 1
            if self.count % self.every == 0:
                self.report(self.count)


def _scope_now(job: ExportJob) -> Scope | None:
    """The export's scope as its adviser may see it now; None when they no longer advise
    every organisation the export was asked for."""
    if job.adviser is None or not job.adviser.is_active:
        return None
    scope, _form = scope_for(adviser=job.adviser, data=job.scope_query)
    asked = set(job.organisation_ids)
    if not asked or not asked <= set(scope.organisation_ids):
        return None
    return dataclasses.replace(scope, organisation_ids=tuple(sorted(asked)))


def run_export(*, job_id: int, progress_every: int = PROGRESS_EVERY) -> ExportJob:
    """Write a background export to the private storage, row by row, with visible progress.

    Idempotent: a finished export is left alone; a run after a worker died midway writes the
    whole file again, in place of any it saved before (models.export_path). A failure the adviser can act on (the table
    is gone, they lost an organisation) marks the export failed with its reason."""
    job = ExportJob.objects.select_related("adviser").get(pk=job_id)
    if job.status == ExportJob.Status.DONE:
        return job
    chosen = table(job.table_key)
    scope = _scope_now(job)
    if chosen is None or scope is None:
        ExportJob.mark_failed(job.pk, reason=str(GONE_REASON if chosen is None else NO_ACCESS_REASON))
        job.refresh_from_db()
        return job
    ExportJob.mark_running(job.pk, total=chosen.count(scope))
    rows = _Counted(
        chosen.rows(scope), every=progress_every, report=lambda n: ExportJob.mark_progress(job.pk, processed=n)
    )
    with tempfile.TemporaryFile() as file:
        exports.write(fmt=job.format, title=chosen.title, columns=chosen.columns, rows=rows, file=file)
        file.seek(0)
        job.file.storage.delete(job.file.field.generate_filename(job, job.filename))
        job.file.save(job.filename, File(file), save=False)
    ExportJob.mark_done(job.pk, file=job.file.name, processed=rows.count)
    job.refresh_from_db()
    return job


def record_download(*, job: ExportJob) -> None:
    ExportJob.objects.filter(pk=job.pk).update(downloaded_at=timezone.now(), download_count=F("download_count") + 1)
    record(Action.EXPORT_DOWNLOADED, actor=job.adviser, organisation=job.organisation_ids, subject=job)


def delete_expired_exports(*, now: datetime.datetime) -> int:
    """Delete the files of background exports finished more than ``KEEP_FILES`` ago; the
    record stays. Idempotent: a file already gone is skipped."""
    expired = ExportJob.objects.filter(direct=False, finished_at__lt=now - KEEP_FILES).exclude(file="")
    deleted = 0
    for job in expired.only("pk", "file").iterator():
        job.file.delete(save=False)
        ExportJob.objects.filter(pk=job.pk).update(file="")
        deleted += 1
    return deleted
