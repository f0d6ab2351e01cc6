from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

app_name = "provisioning"


@csrf_exempt
def endpoint(request, organisation: str, path: str = ""):
    """The SCIM libraries take seconds to import (their pydantic models are built then): load
    them with the first SCIM request, not with the URL configuration every process loads."""
    from .views import endpoint as scim_endpoint

    return scim_endpoint(request, organisation=organisation, path=path)


# One SCIM endpoint per organisation: /scim/v2/<organisation slug>/Users, /ServiceProviderConfig, ...
urlpatterns = [
    path("v2/<slug:organisation>", endpoint, name="base"),
    re_path(r"^v2/(?P<organisation>[-a-zA-Z0-9_]+)/(?P<path>.*)\Z", endpoint, name="endpoint"),
]
