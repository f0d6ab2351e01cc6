from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from people.selectors import organisations_advised_by

from . import openbadges, selectors, services
from .forms import LookupForm, RevokeForm
from .models import Certificate, CertificateTemplate, RerenderBatch

LOOKUP_LIMIT = 10
LOOKUP_WINDOW = 600


def _certificate_or_404(token: str) -> Certificate:
    certificate = selectors.by_token(token)
    if certificate is None:
        raise Http404
    return certificate


@never_cache
def verify(request, token: str):
    certificate = _certificate_or_404(token)
    response = render(request, "certificates/verify.html", {"certificate": certificate})
    response["X-Robots-Tag"] = "noindex"
    return response


def _client_ip(request) -> str:
    """The client's address as allauth sees it, so TRUSTED_PROXY_COUNT applies here too."""
    return get_adapter(request).get_client_ip(request)


def lookup(request):
    """Find a certificate by its number and the holder's surname. Rate limited per address,
    so numbers cannot be tried in bulk."""
    form = LookupForm(request.GET or None)
    status = 200
    if request.GET and form.is_valid():
        key = f"certificate-lookup:{_client_ip(request)}"
        attempts = cache.get_or_set(key, 0, LOOKUP_WINDOW)
        if attempts >= LOOKUP_LIMIT:
            form.add_error(None, _("Te veel pogingen. Probeer het over tien minuten opnieuw."))
            status = 429
        else:
            cache.incr(key)
            certificate = selectors.by_number_and_surname(form.cleaned_data["number"], form.cleaned_data["surname"])
            if certificate:
                return redirect("certificates:verify", token=certificate.token)
            form.add_error(None, _("Geen certificaat gevonden met dit nummer en deze achternaam."))
            status = 404
    elif request.GET:
        status = 400
    return render(request, "certificates/lookup.html", {"form": form}, status=status)


def status(request, token: str):
    """The credential status as a 1EdTech revocation list."""
    certificate = _certificate_or_404(token)
    revoked = []
    if certificate.revoked_at:
        revoked = [
            {"id": request.build_absolute_uri(), "revoked": True, "revocationReason": certificate.revocation_reason}
        ]
    return JsonResponse(
        {"id": request.build_absolute_uri(), "issuer": openbadges.issuer_id(), "revokedCredentials": revoked}
    )


def issuer(request):
    return JsonResponse(openbadges.issuer_profile(), json_dumps_params={"ensure_ascii": False})


def badge(request, token: str):
    certificate = _certificate_or_404(token)
    response = JsonResponse(
        openbadges.credential_for(certificate), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Type"] = "application/ld+json"
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{certificate.number}.json"'
    return response


def _pdf(certificate: Certificate):
    if not certificate.pdf:
        raise Http404
    return FileResponse(certificate.pdf.open("rb"), as_attachment=True, filename=f"{certificate.number}.pdf")


@login_required
def my_pdf(request, certificate_id: int):
    return _pdf(get_object_or_404(Certificate, pk=certificate_id, user=request.user))


@login_required
def hr_list(request):
    if not (request.user.is_superuser or organisations_advised_by(adviser=request.user).exists()):
        raise PermissionDenied
    return render(
        request, "certificates/hr_list.html", {**selectors.hr_lists(actor=request.user), "form": RevokeForm()}
    )


@login_required
def hr_pdf(request, certificate_id: int):
    return _pdf(get_object_or_404(selectors.managed_by(actor=request.user), pk=certificate_id))


@login_required
@require_POST
def revoke(request, certificate_id: int):
    certificate = get_object_or_404(selectors.managed_by(actor=request.user), pk=certificate_id)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.revoke(actor=request.user, certificate_id=certificate.pk, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Certificaat %(number)s is ingetrokken.") % {"number": certificate.number})
    else:
        messages.error(request, _("Geef de reden van intrekking."))
    return redirect("certificates:hr_list")


@login_required
def rerender(request, template_id: int):
    template = get_object_or_404(CertificateTemplate, pk=template_id)
    if not request.user.has_perm("certificates.change_certificatetemplate"):
        raise PermissionDenied
    if request.method == "POST":
        batch = services.start_rerender(actor=request.user, template=template)
        return redirect("certificates:rerender_batch", batch_id=batch.pk)
    count = Certificate.objects.filter(template=template).count()
    return render(request, "certificates/rerender.html", {"template": template, "count": count})


@login_required
def rerender_batch(request, batch_id: int):
    if not request.user.has_perm("certificates.change_certificatetemplate"):
        raise PermissionDenied
    batch = get_object_or_404(RerenderBatch.objects.select_related("template"), pk=batch_id)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse(
            {
                "status": "done" if batch.finished_at else "running",
                "status_label": _("Klaar") if batch.finished_at else _("Bezig"),
                "processed": batch.processed,
                "total": batch.total,
                "percent": batch.percent,
            }
        )
    return render(request, "certificates/rerender_batch.html", {"batch": batch})
