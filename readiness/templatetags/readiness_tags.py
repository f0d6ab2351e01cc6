from django import template

from readiness.selectors import role_learning as role_learning_of

register = template.Library()


@register.simple_tag
def role_learning(profile, requirements=None) -> dict:
    """The tracks and circles for a role profile: ``{% role_learning page requirements as learning %}``.

    Pass the page's requirement rows when the template has them: a preview then shows the
    tracks for the requirements being edited, and the page costs one query less."""
    return role_learning_of(profile=profile, requirements=requirements)
