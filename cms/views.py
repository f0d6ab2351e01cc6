from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

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
    language = request.POST.get("language")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES) and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
    return response
