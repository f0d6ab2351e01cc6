from django import template

from certificates.selectors import may_receive_certificate

register = template.Library()


@register.simple_tag
def receives_certificates(user) -> bool:
    """Whether completing a certificate track gives ``user`` a certificate."""
    return user.is_authenticated and may_receive_certificate(user=user)
