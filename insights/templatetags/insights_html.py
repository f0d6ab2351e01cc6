"""``{% kept_html key %}…{% endkept_html %}``: the HTML of the HR insights' figures, kept in the
shared cache beside the kept figures it shows (``insights.selectors.figures_html_key``).

The key names the organisations, the filters, the language and the moment the figures were
computed, so the HTML is never shared beyond who may see those figures and is renewed with
them. An empty key, or ``SPIL_FRAGMENT_CACHE_SECONDS = 0``, renders the content every time.
"""

from django import template
from django.conf import settings

from cms.templatetags.spil_cache import render_kept

register = template.Library()


class KeptHtmlNode(template.Node):
    def __init__(self, nodelist: template.NodeList, key: template.base.FilterExpression):
        self.nodelist = nodelist
        self.key = key

    def render(self, context: template.Context) -> str:
        key = self.key.resolve(context)
        seconds = settings.SPIL_FRAGMENT_CACHE_SECONDS
        if not key or seconds <= 0:
            return self.nodelist.render(context)
        return render_kept(self.nodelist, context, key=key, seconds=seconds)


@register.tag("kept_html")
def do_kept_html(parser: template.base.Parser, token: template.base.Token) -> KeptHtmlNode:
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("'kept_html' takes one argument: {% kept_html key %}")
    nodelist = parser.parse(("endkept_html",))
    parser.delete_first_token()
    return KeptHtmlNode(nodelist, parser.compile_filter(bits[1]))
