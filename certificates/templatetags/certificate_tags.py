from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def receives_certificates(roles: set[str]) -> bool:
    """Whether completing a certificate track gives the person with these membership roles
    a certificate (see ``selectors.may_receive_certificate``; the roles come from the
    request's cached ``user_roles``, so this costs no query)."""
    return not settings.CERTIFICATES_MEMBERS_ONLY or bool(roles)
