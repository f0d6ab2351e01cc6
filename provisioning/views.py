"""The SCIM endpoint of each organisation: HTTP in and out, nothing more. scim2-server
speaks the protocol, ``OrganisationStorage`` reads and writes the organisation's people.

A request needs the bearer token of the organisation in the URL; the ServiceProviderConfig,
which holds no data, is open (RFC 7643 §5). The endpoint never signs anybody in: it reads
no session and makes none."""

import json
import logging

from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from django.http import HttpRequest, HttpResponse, RawPostDataException
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from scim2_models import InvalidSyntaxException, PayloadTooLargeException, SCIMException, UnauthorizedException
from scim2_server.handler import ScimHandler
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.routing import Operation
from scim2_server.service import ScimService

from . import selectors, services
from .models import ScimToken
from .resources import PROVIDER
from .storage import OrganisationStorage

logger = logging.getLogger(__name__)

SERVICE = ScimService(PROVIDER)


@csrf_exempt
def endpoint(request: HttpRequest, organisation: str, path: str = "") -> HttpResponse:
    token = None
    try:
        body = _body(request)
        scim_request = ScimRequest(
            method=request.method,
            base_url=request.build_absolute_uri(reverse("provisioning:base", args=[organisation])),
            path=f"/{path}",
            query=request.GET.dict(),
            headers=dict(request.headers),
            body=b"" if body is None else body,
        )
        if SERVICE.match(scim_request).operation is not Operation.service_provider_config:
            token = _authenticate(scim_request, organisation)
        if body is None:
            raise InvalidSyntaxException(detail="A SCIM request carries JSON, not a form.")
        storage = OrganisationStorage(organisation=token.organisation if token else None)
        with transaction.atomic():
            response = ScimHandler(SERVICE, storage).handle(scim_request)
    except SCIMException as error:
        response = SERVICE.error_response(error)
    except Exception as error:  # a fault of ours: a SCIM error all the same, and the traceback in the log
        logger.exception("SCIM %s %s failed", request.method, request.path)
        response = SERVICE.error_response(error)
    logger.info(
        "SCIM %s %s by token %s: %s",
        request.method,
        request.path,
        token.pk if token else "-",
        response.status.value,
    )
    return _http_response(response)


def _body(request: HttpRequest) -> bytes | None:
    """The raw body; None for a form upload (multipart), which the middleware has read as a
    form already (cms.middleware.StripNulMiddleware): no SCIM client sends one."""
    try:
        return request.body
    except RequestDataTooBig:
        raise PayloadTooLargeException(detail="The request body is too large.") from None
    except RawPostDataException:
        return None


def _authenticate(scim_request: ScimRequest, organisation: str) -> ScimToken:
    """The organisation's token the request carries. Any other token, including another
    organisation's, gets the same 401 as no token at all."""
    scheme, _, secret = (scim_request.header("Authorization") or "").partition(" ")
    token = selectors.token_for_secret(secret=secret.strip()) if scheme.lower() == "bearer" else None
    if token is None or token.organisation.slug != organisation:
        if token is not None:
            logger.warning("SCIM token %s of organisation %s used at %s", token.pk, token.organisation_id, organisation)
        raise UnauthorizedException(detail="A valid bearer token of this organisation is required.")
    services.record_token_use(token=token)
    return token


def _http_response(response: ScimResponse) -> HttpResponse:
    http_response = HttpResponse(
        b"" if response.body is None else json.dumps(response.body),
        status=response.status.value,
    )
    for header, value in response.headers.items():
        http_response[header] = value
    # People's data: never kept by a browser or a proxy.
    http_response["Cache-Control"] = "no-store"
    return http_response
