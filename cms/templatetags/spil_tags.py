from django import template
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Page, Site

from common.i18n import default_version, locale_code, localized_pages
from people.selectors import roles_of

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page and its live children that editors marked 'show in menus', each in
    the reader's language where an English version exists."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    home = site.root_page if site else None
    items = []
    if home is not None:
        pages = list(home.get_children().live().in_menu())
        items = list(zip(pages, localized_pages(pages), strict=True))
    current = context.get("page")
    return {"request": request, "home": home, "items": items, "current": current and default_version(current)}


@register.simple_tag(takes_context=True)
def user_roles(context) -> set[str]:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return set()
    from sso.selectors import ROLES_ATTRIBUTE

    cached = getattr(request, ROLES_ATTRIBUTE, None)  # the two-step check of sso.middleware read it
    if cached is None:
        cached = roles_of(user=request.user)
        setattr(request, ROLES_ATTRIBUTE, cached)
    return cached


@register.simple_tag(takes_context=True)
def may_use_admin(context) -> bool:
    """Whether the signed-in reader may open the Wagtail admin, asked once per request (the
    two-step check of ``sso.middleware`` has usually asked it already)."""
    from sso.selectors import ADMIN_ACCESS_ATTRIBUTE
    from sso.selectors import may_use_admin as may_use

    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return False
    cached = getattr(request, ADMIN_ACCESS_ATTRIBUTE, None)
    if cached is None:
        cached = may_use(user=request.user)
        setattr(request, ADMIN_ACCESS_ATTRIBUTE, cached)
    return cached


@register.filter
def lang_attr(page: Page | None) -> str:
    """` lang="nl"` on a page's content when it is not in the reader's language (a Dutch
    track in the English interface), so screen readers pronounce it as Dutch (WCAG 3.1.2)."""
    if page is None or not getattr(page, "locale_id", None):
        return ""
    code = locale_code(page.locale_id)
    if not code or code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)


@register.filter
def is_ancestor_or_self(page: Page, current: Page | None) -> bool:
    return bool(current) and (current.pk == page.pk or current.path.startswith(page.path))
