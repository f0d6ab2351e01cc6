"""Exports of the HR dashboard's tables: the download (streamed, or a background job with a
progress page), the job's file, and the adviser's list of exports.

Every page is for the adviser who asked only: another adviser, of the same organisation too,
finds nothing (404), someone not signed in goes to the login page, and anyone who is no HR
adviser gets 403."""

import tempfile

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.jobs import progress_or_page
from people.decorators import hr_adviser_required

from . import exports, services
from .models import ExportJob
from .selectors_exports import export_job_for, recent_exports
from .tables import table


def _stream(export: services.Export):
    """A small export, straight to the browser: CSV line by line; XLSX from a temporary file
    (openpyxl's write-only workbook writes each row to disk as it goes)."""
    job = export.job
    if job.format == ExportJob.Format.CSV:
        chunks = exports.csv_chunks(columns=export.table.columns, rows=export.rows())
        response = StreamingHttpResponse(chunks, content_type=exports.CONTENT_TYPES["csv"])
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=job.filename)
        return response
    file = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    exports.write_xlsx(title=export.table.title, columns=export.table.columns, rows=export.rows(), file=file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=job.filename, content_type=exports.CONTENT_TYPES["xlsx"])


@never_cache
@hr_adviser_required
def export(request, key: str, fmt: str):
    """Table ``key`` with the dashboard's filters (the query string) as CSV or XLSX."""
    try:
        requested = services.request_export(adviser=request.user, key=key, fmt=fmt, data=request.GET)
    except services.UnknownExportError:
        raise Http404 from None
    if not requested.job.direct:
        return redirect("insights:export_job", job_id=requested.job.pk)
    return _stream(requested)


def _own_job(request, job_id: int) -> ExportJob:
    job = export_job_for(adviser=request.user, job_id=job_id)
    if job is None:
        raise Http404
    return job


def _title(job: ExportJob) -> str:
    chosen = table(job.table_key)
    return str(chosen.title) if chosen else job.table_key


@never_cache
@hr_adviser_required
def export_job(request, job_id: int):
    """The progress of a background export; the page polls it as JSON (static/js/batch-progress.js)."""
    job = _own_job(request, job_id)
    return progress_or_page(request, job, "insights/exports/job.html", {"job": job, "table_title": _title(job)})


@never_cache
@hr_adviser_required
def download(request, job_id: int):
    job = _own_job(request, job_id)
    if not job.is_downloadable:
        raise Http404
    services.record_download(job=job)
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.filename, content_type=exports.CONTENT_TYPES[job.format]
    )


@hr_adviser_required
@require_POST
def retry(request, job_id: int):
    job = _own_job(request, job_id)
    services.retry_export(job=job)
    return redirect("insights:export_job", job_id=job.pk)


@hr_adviser_required
def export_list(request):
    jobs = [(job, _title(job)) for job in recent_exports(adviser=request.user)]
    return render(request, "insights/exports/list.html", {"jobs": jobs})
