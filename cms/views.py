from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.i18n import set_language as django_set_language

from people.decorators import hr_adviser_required
from people.selectors import organisations_advised_by
from people.services import set_preferred_language

from . import selectors
from .health import service_status


@never_cache
@require_GET
def health(request):
    """Each part's status as JSON (cms/health.py); 503 when a required part is down."""
    healthy, report = service_status()
    return JsonResponse(report, status=200 if healthy else 503)


def not_found(request):
    raise Http404


@never_cache
def admin_login(request):
    """Where the Wagtail admin sends people it does not let in.

    Someone not signed in goes to allauth's login (and comes back); someone signed in
    who may not use the admin gets a clear 403 instead of a loop between the admin and
    the login page."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = reverse("wagtailadmin_home")
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, login_url="account_login")
    if request.user.has_perm("wagtailadmin.access_admin"):
        return redirect(next_url)
    # The admin queued its own English-worded notice for the admin pages; this page says it.
    list(messages.get_messages(request))
    context = {
        "reason": _("Het beheer van Spil is er voor redacteuren en beheerders. Je account heeft daar geen toegang toe.")
    }
    return render(request, "403.html", context, status=403)


LANGUAGE_PARAMETER = "taal"


@never_cache
@require_http_methods(["GET", "POST"])
def set_language(request):
    """The language switch: a link (GET ``?taal=en&next=/pad/``) or, as before, a form
    (POST ``language`` and ``next``). The choice goes in the language cookie and, for a
    signed-in person, on the account.

    The switch is a plain link so that anonymous pages need no form and so no CSRF token:
    they carry no cookie and can be cached whole. An unknown language changes nothing;
    ``next`` outside this site goes to the home page."""
    if request.method == "POST":
        language = request.POST.get("language", "")
        response = django_set_language(request)
    else:
        language = request.GET.get(LANGUAGE_PARAMETER, "")
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
            next_url = "/"
        response = HttpResponseRedirect(next_url)
        if language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
    if request.user.is_authenticated:
        set_preferred_language(user=request.user, language=language)
    return response


@login_required
def learner_dashboard(request):
    context = selectors.learner_dashboard(user=request.user, today=timezone.localdate())
    return render(request, "cms/learner_dashboard.html", context)


@hr_adviser_required
def hr_dashboard(request):
    """The adviser's organisations at a glance: the insights (figures, charts and their
    tables, filtered by team, role profile and period), requests and conversations that
    wait, assignments, learning circles and the people."""
    organisations = list(organisations_advised_by(adviser=request.user))
    today = timezone.localdate()
    query = request.GET.get("q", "").strip()[:100]
    dashboard = selectors.hr_dashboard(adviser=request.user, organisations=organisations, today=today)
    page, roles = selectors.hr_people_page(
        adviser=request.user,
        page_number=request.GET.get("pagina"),
        query=query,
        organisations=organisations,
        count=dashboard["people_count"],
    )
    rows = [(person, roles.get(person.pk)) for person in page.object_list]
    context = {
        "organisations": organisations,
        "page_obj": page,
        "rows": rows,
        "query": query,
        **dashboard,
        **selectors.hr_insights(adviser=request.user, organisations=organisations, data=request.GET, today=today),
    }
    return render(request, "cms/hr_dashboard.html", context)
