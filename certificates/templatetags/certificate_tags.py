from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from certificates.forms import CredentialCheckForm

register = template.Library()

LINKEDIN_ADD_CERTIFICATION = "https://www.linkedin.com/profile/add"


@register.simple_tag
def receives_certificates(roles: set[str]) -> bool:
    """Whether completing a certificate track gives the person with these membership roles
    a certificate (see ``selectors.may_receive_certificate``; the roles come from the
    request's cached ``user_roles``, so this costs no query)."""
    return not settings.CERTIFICATES_MEMBERS_ONLY or bool(roles)


@register.simple_tag
def credential_check_form(form=None) -> CredentialCheckForm:
    """The form to check a credential: the one the view passed (bound, with its errors and
    the pasted text), or an empty one on the lookup page."""
    return form or CredentialCheckForm()


@register.simple_tag
def linkedin_add_url(certificate) -> str:
    """LinkedIn's "add certification" form, filled in with the certificate: its name, the
    issuing organisation, the month of issue (and of expiry, when it expires), the number
    and the public verification page."""
    issued = timezone.localtime(certificate.issued_at)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.achievement,
        "organizationName": certificate.issuing_organisation,
        "issueYear": issued.year,
        "issueMonth": issued.month,
    }
    if certificate.expires_at:
        expires = timezone.localtime(certificate.expires_at)
        params |= {"expirationYear": expires.year, "expirationMonth": expires.month}
    params |= {
        "certId": certificate.number,
        "certUrl": settings.SITE_URL + reverse("certificates:verify", args=[certificate.token]),
    }
    return f"{LINKEDIN_ADD_CERTIFICATION}?{urlencode(params)}"
