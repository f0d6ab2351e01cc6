"""The person's privacy page: their data export and the erasure of their account. Only the
person themself: an export of someone else answers 404, whoever asks."""

from allauth.account.decorators import reauthentication_required
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.jobs import progress_or_page

from . import selectors, services
from .forms import ErasureForm
from .models import DataExport, Erasure


def _own_export(request, export_id: int) -> DataExport:
    export = selectors.export_for(user=request.user, export_id=export_id)
    if export is None:
        raise Http404
    return export


@never_cache
@login_required
def overview(request):
    exports = selectors.recent_exports(user=request.user, now=timezone.now())
    return render(request, "privacy/overview.html", {"exports": exports})


@login_required
@require_POST
def request_export(request):
    export = services.request_export(user=request.user, request=request)
    return redirect("privacy:export", export_id=export.pk)


@never_cache
@login_required
def export(request, export_id: int):
    """The progress of an export; the page polls it as JSON (static/js/batch-progress.js)."""
    job = _own_export(request, export_id)
    return progress_or_page(request, job, "privacy/export.html", {"job": job})


@never_cache
@login_required
def download(request, export_id: int):
    job = _own_export(request, export_id)
    if not job.is_downloadable:
        raise Http404
    services.record_download(export=job, request=request)
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename, content_type="application/zip")


@never_cache
@login_required
def erase(request):
    """Confirm; then sign in again (allauth's reauthentication, which replays this request);
    then erase: the person is signed out and sees what happened."""
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _erase_now(request)
    return render(request, "privacy/erase.html", {"form": form})


@reauthentication_required
def _erase_now(request):
    erasure = services.erase_person(
        user=request.user, reason=Erasure.Reason.REQUEST, actor=request.user, request=request
    )
    logout(request)
    return render(request, "privacy/erased.html", {"erasure": erasure})
