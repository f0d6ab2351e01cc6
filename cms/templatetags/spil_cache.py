"""``{% fragment "name" vary... %}…{% endfragment %}``: a piece of a page kept in the shared
cache, per content version (cms/pagecache.py) and language, so publishing renews it.

Django's ``{% cache %}`` would do, but it cannot stay out of the way of previews: an editor's
preview renders unsaved content with the same page and version, and must neither read nor
store a fragment. This tag renders the content directly in a preview, when the request is
unknown, or with ``SPIL_FRAGMENT_CACHE_SECONDS = 0``. Everything that changes what the
fragment shows besides published content and language must be passed as ``vary`` values
(the page, whether the reader is signed in, a query string).
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from cms.pagecache import request_version

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list[template.base.FilterExpression]):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        seconds = settings.SPIL_FRAGMENT_CACHE_SECONDS
        if request is None or getattr(request, "is_preview", False) or seconds <= 0:
            return self.nodelist.render(context)
        vary = repr([str(expression.resolve(context)) for expression in self.vary_on])
        digest = hashlib.sha256(vary.encode()).hexdigest()[:32]
        key = f"fragment:{request_version(request)}:{translation.get_language()}:{self.name}:{digest}"
        return render_kept(self.nodelist, context, key=key, seconds=seconds)


def render_kept(nodelist: template.NodeList, context: template.Context, *, key: str, seconds: int) -> str:
    """``nodelist`` rendered, kept in the shared cache under ``key`` for ``seconds``."""
    value = cache.get(key)
    if value is None:
        value = nodelist.render(context)
        cache.set(key, value, seconds)
    return value


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name: {% fragment \"name\" vary... %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    name = bits[1].strip("\"'")
    return FragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])
