from django import template
from wagtail.models import Page, Site

from people.selectors import roles_of

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page and its live children that editors marked 'show in menus'."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    home = site.root_page if site else None
    items = []
    if home is not None:
        items = list(home.get_children().live().in_menu())
    current = context.get("page")
    return {"request": request, "home": home, "items": items, "current": current}


@register.simple_tag(takes_context=True)
def user_roles(context) -> set[str]:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return set()
    cached = getattr(request, "_spil_roles", None)
    if cached is None:
        cached = request._spil_roles = roles_of(user=request.user)
    return cached


@register.filter
def is_ancestor_or_self(page: Page, current: Page | None) -> bool:
    return bool(current) and (current.pk == page.pk or current.path.startswith(page.path))
