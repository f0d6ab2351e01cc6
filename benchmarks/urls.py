"""The real site's URLs, plus a floor view: the cheapest response through the full middleware stack."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_patterns


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("__bench__/floor/", floor), *site_patterns]
