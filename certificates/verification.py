"""Checking a credential someone was given, and the baked badge image.

Anyone may paste an Open Badges credential or upload it (a .json file or a baked PNG) on
the public lookup page and read what Spil says about it. The check is rate limited per
client address, like the lookup by number.
"""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from common.ratelimit import client_address
from common.throttle import Throttle

from . import baking, openbadges, selectors
from .forms import CredentialCheckForm, LookupForm

# Checks per client address in each window of CHECK_WINDOW seconds. Each one reads up to
# 512 kB and verifies a signature: generous for a person, a wall for a script.
CHECK_WINDOW = 600
CHECK_LIMIT_PER_ADDRESS = 30
CHECK_THROTTLE = Throttle("credential-check", window=CHECK_WINDOW)


def _page(request, check_form, *, verdict=None, limited=None, status=200):
    response = render(
        request,
        "certificates/lookup.html",
        {"form": LookupForm(), "check_form": check_form, "verdict": verdict, "check_limited": limited, "noindex": True},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _too_many(request):
    seconds = CHECK_THROTTLE.seconds_left()
    minutes = max(1, -(-seconds // 60))
    retry_at = timezone.localtime() + datetime.timedelta(seconds=seconds)
    limited = {
        "what": _("Vanaf jouw internetadres zijn de afgelopen tijd te veel credentials gecontroleerd."),
        "when": ngettext(
            "Probeer het over %(minutes)s minuut opnieuw, na %(time)s.",
            "Probeer het over %(minutes)s minuten opnieuw, na %(time)s.",
            minutes,
        )
        % {"minutes": minutes, "time": retry_at.strftime("%H:%M")},
    }
    # The pasted text stays, unchecked; an upload cannot be kept by any browser.
    form = CredentialCheckForm(initial={"credential": request.POST.get("credential", "")})
    response = _page(request, form, limited=limited, status=429)
    response["Retry-After"] = str(seconds)
    return response


@never_cache
def check(request):
    """Check a pasted or uploaded credential and show the verdict under the form, which
    keeps the pasted text. Every outcome is a page: 200 with a verdict, 400 with the reason
    the input could not be checked, 429 when this address checked too often."""
    if request.method != "POST":
        return redirect("certificates:lookup")
    address = client_address(request)
    if not CHECK_THROTTLE.hit(f"ip:{address}", limit=CHECK_LIMIT_PER_ADDRESS):
        return _too_many(request)
    form = CredentialCheckForm(request.POST, request.FILES)
    if form.is_valid():
        verdict = openbadges.check(form.cleaned_data["parsed"])
        if not verdict.problem:
            return _page(request, form, verdict=verdict)
        form.add_error(form.used_field, verdict.problem)
    return _page(request, form, status=400)


def badge_image(request, token: str):
    """The certificate's badge as a PNG with its signed credential baked in; public, like
    the credential itself. ``?download=1`` saves it under the certificate number."""
    certificate = selectors.by_token(token)
    if certificate is None:
        raise Http404
    response = HttpResponse(baking.baked_badge(certificate), content_type="image/png")
    if request.GET.get("download"):
        response["Content-Disposition"] = content_disposition_header(True, f"{certificate.number}.png")
    return response
