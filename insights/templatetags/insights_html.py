"""``{% kept_html key %}…{% endkept_html %}``: parts of the HR page kept in the shared cache: the
HTML of the insights' figures beside the kept figures it shows (``insights.selectors.figures_html_key``),
of the page figures (``page_html_key``) and of the filter form (``filter_form_html_key``).

Each key names the organisations and the language, and the moment the figures were computed or a
digest of all the form shows, so the HTML is never shared beyond who may see it and is renewed
with what it shows. An empty key, or ``SPIL_FRAGMENT_CACHE_SECONDS = 0``, renders the content
every time.
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
