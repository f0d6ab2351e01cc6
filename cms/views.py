from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from people.selectors import organisations_advised_by
from people.services import set_preferred_language

from . import selectors
from .health import service_status


@never_cache
@require_GET
def health(request):
    healthy, services = service_status()
    return JsonResponse({"status": "ok" if healthy else "down", "services": services}, status=200 if healthy else 503)


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on a signed-in account."""
    response = django_set_language(request)
    if request.user.is_authenticated:
        set_preferred_language(user=request.user, language=request.POST.get("language", ""))
    return response


@login_required
def learner_dashboard(request):
    context = selectors.learner_dashboard(user=request.user, today=timezone.localdate())
    return render(request, "cms/learner_dashboard.html", context)


@login_required
def hr_dashboard(request):
    organisations = list(organisations_advised_by(adviser=request.user))
    if not organisations:
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:100]
    page, roles = selectors.hr_people_page(adviser=request.user, page_number=request.GET.get("pagina"), query=query)
    rows = [(person, roles.get(person.pk)) for person in page.object_list]
    context = {
        "organisations": organisations,
        "page_obj": page,
        "rows": rows,
        "query": query,
        **selectors.hr_dashboard(adviser=request.user, organisations=organisations, today=timezone.localdate()),
    }
    return render(request, "cms/hr_dashboard.html", context)
