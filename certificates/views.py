import datetime
import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from common.jobs import progress_or_page
from common.ratelimit import client_address
from common.throttle import Throttle
from curriculum.models import LearningPath, LearningTrackPage
from people.decorators import hr_adviser_required
from people.selectors import is_hr_adviser

from . import openbadges, selectors, services, statuslist
from .forms import LookupForm, RevokeForm
from .models import Certificate, CertificateTemplate, RerenderBatch, StatusList

# Lookups per window of LOOKUP_WINDOW seconds: per client address (a whole office may share
# one), per looked-up certificate number (so surnames cannot be tried against one number),
# and per signed-in HR adviser, who is counted per person instead of per address.
LOOKUP_WINDOW = 600
LOOKUP_LIMIT_PER_ADDRESS = 30
LOOKUP_LIMIT_PER_NUMBER = 10
LOOKUP_LIMIT_PER_HR_ADVISER = 200
LOOKUP_THROTTLE = Throttle("certificate-lookup", window=LOOKUP_WINDOW)


def _certificate_or_404(token: str) -> Certificate:
    certificate = selectors.by_token(token)
    if certificate is None:
        raise Http404
    return certificate


@never_cache
def verify(request, token: str):
    """The public verification page. Never kept whole: the certificate is read on every
    request. Its part of the page is a fragment kept under everything it shows, read just
    now, and its status at this moment, so a revocation or an expiry changes the key at
    once and one certificate's fragment can never be another's."""
    certificate = selectors.for_verification(token)
    if certificate is None:
        raise Http404
    status = certificate.status
    shown = [getattr(certificate, field) for field in selectors.VERIFICATION_FIELDS]
    context = {
        "certificate": certificate,
        "status": status,
        "shown": repr([*shown, status, timezone.get_current_timezone_name()]),
    }
    response = render(request, "certificates/verify.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def _client_ip(request) -> str:
    """The client's address as allauth sees it, so TRUSTED_PROXY_COUNT applies here too."""
    return client_address(request)


def _lookup_limited(request, number: str) -> str | None:
    """Which limit this lookup exceeds ("address", "adviser" or "number"), or None."""
    user = request.user
    if user.is_superuser or is_hr_adviser(user=user):
        if not LOOKUP_THROTTLE.hit(f"user:{user.pk}", limit=LOOKUP_LIMIT_PER_HR_ADVISER):
            return "adviser"
    elif not LOOKUP_THROTTLE.hit(f"ip:{_client_ip(request)}", limit=LOOKUP_LIMIT_PER_ADDRESS):
        return "address"
    digest = hashlib.sha256(" ".join(number.upper().split()).encode()).hexdigest()[:32]
    if not LOOKUP_THROTTLE.hit(f"number:{digest}", limit=LOOKUP_LIMIT_PER_NUMBER):
        return "number"
    return None


def _too_many(request, form, limited: str):
    seconds = LOOKUP_THROTTLE.seconds_left()
    minutes = max(1, -(-seconds // 60))
    retry_at = timezone.localtime() + datetime.timedelta(seconds=seconds)
    if limited == "number":
        what = _("Dit certificaatnummer is de afgelopen tijd te vaak opgezocht.")
    elif limited == "adviser":
        what = _("Je hebt de afgelopen tijd te veel certificaten opgezocht.")
    else:
        what = _("Vanaf jouw internetadres zijn de afgelopen tijd te veel certificaten opgezocht.")
    when = ngettext(
        "Probeer het over %(minutes)s minuut opnieuw, na %(time)s.",
        "Probeer het over %(minutes)s minuten opnieuw, na %(time)s.",
        minutes,
    ) % {"minutes": minutes, "time": retry_at.strftime("%H:%M")}
    response = render(
        request, "certificates/lookup.html", {"form": form, "limited": {"what": what, "when": when}}, status=429
    )
    response["Retry-After"] = str(seconds)
    return response


@never_cache
def lookup(request):
    """Find a certificate by its number and the holder's surname. Rate limited per client
    address (per person for HR advisers) and per certificate number, so neither numbers nor
    surnames can be tried in bulk; the limits hold for right answers too."""
    form = LookupForm(request.GET or None)
    status = 200
    if request.GET and form.is_valid():
        limited = _lookup_limited(request, form.cleaned_data["number"])
        if limited:
            return _too_many(request, form, limited)
        certificate = selectors.by_number_and_surname(form.cleaned_data["number"], form.cleaned_data["surname"])
        if certificate:
            return redirect("certificates:verify", token=certificate.token)
        form.add_error(None, _("Geen certificaat gevonden met dit nummer en deze achternaam."))
        status = 404
    elif request.GET:
        status = 400
    return render(request, "certificates/lookup.html", {"form": form}, status=status)


def _json_ld(data: dict, *, indent=None) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": indent})
    response["Content-Type"] = "application/ld+json"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
def status_list(request, list_id: int):
    """A Bitstring Status List credential. Never cached, so a revocation shows at once. It
    tells only which places are revoked; the reason HR gave stays internal."""
    return _json_ld(statuslist.credential(get_object_or_404(StatusList, pk=list_id)))


def achievement(request, kind: str, pk: int):
    """What a track or path certificate stands for, at the achievement id its credentials use."""
    if kind == "track":
        subject = get_object_or_404(LearningTrackPage.objects.live(), pk=pk).specific
        data = openbadges.achievement(name=subject.title, description=subject.summary, track=subject)
    elif kind == "path":
        subject = get_object_or_404(LearningPath, pk=pk)
        data = openbadges.achievement(name=subject.title, description=subject.description, path=subject)
    else:
        raise Http404
    return _json_ld({"@context": openbadges.CONTEXTS, **data})


def issuer(request):
    return _json_ld(openbadges.issuer_profile())


def badge(request, token: str):
    """The certificate's Open Badges credential, as it was signed when issued."""
    certificate = _certificate_or_404(token)
    response = _json_ld(openbadges.credential_for(certificate), indent=2)
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{certificate.number}.json"'
    return response


def _pdf(certificate: Certificate):
    """The stored PDF, only ever through a permission-checked view: never by a media URL."""
    if not certificate.pdf:
        raise Http404
    name = f"{certificate.number}-ingetrokken.pdf" if certificate.revoked_at else f"{certificate.number}.pdf"
    return FileResponse(certificate.pdf.open("rb"), as_attachment=True, filename=name)


@never_cache
@login_required
def my_pdf(request, certificate_id: int):
    return _pdf(get_object_or_404(Certificate, pk=certificate_id, user=request.user))


@hr_adviser_required(or_superuser=True)
def hr_list(request):
    return render(
        request, "certificates/hr_list.html", {**selectors.hr_lists(actor=request.user), "form": RevokeForm()}
    )


@never_cache
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
    # Back where the form was: the HR list, or the certificate in the admin.
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("certificates:hr_list")


@login_required
def rerender(request, template_id: int):
    template = get_object_or_404(CertificateTemplate, pk=template_id)
    if not services.may_rerender(actor=request.user):
        raise PermissionDenied
    if request.method == "POST":
        batch = services.start_rerender(actor=request.user, template=template)
        return redirect("certificates:rerender_batch", batch_id=batch.pk)
    count = Certificate.objects.filter(template=template).count()
    return render(request, "certificates/rerender.html", {"template": template, "count": count})


@login_required
def rerender_batch(request, batch_id: int):
    """The progress of a re-rendering; once it failed, the reason and a retry button."""
    if not services.may_rerender(actor=request.user):
        raise PermissionDenied
    batch = get_object_or_404(RerenderBatch.objects.select_related("template"), pk=batch_id)
    return progress_or_page(request, batch, "certificates/rerender_batch.html", {"batch": batch})


@login_required
@require_POST
def retry_rerender(request, batch_id: int):
    if not services.may_rerender(actor=request.user):
        raise PermissionDenied
    batch = get_object_or_404(RerenderBatch, pk=batch_id)
    services.retry_rerender(actor=request.user, batch_id=batch.pk)
    return redirect("certificates:rerender_batch", batch_id=batch.pk)
