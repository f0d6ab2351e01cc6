from django import template

register = template.Library()


@register.filter
def descriptor(competency, level: int) -> str:
    """What ``level`` of ``competency`` looks like in practice."""
    return competency.descriptor(level)
