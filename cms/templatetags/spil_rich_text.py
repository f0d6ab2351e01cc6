"""Rich text reaches a page only as the elements and attributes editors can make.

Wagtail's editor (Draftail) stores nothing else, but rich text can also come from a shell,
an import or a migration, and Wagtail renders what is stored as it is. Every rich text of the
site is rendered through ``wagtailcore/shared/richtext.html`` (the ``richtext`` filter and
``RichText`` values alike), which templates/ overrides to pass it through ``clean_rich_text``:
no scripts, no event handlers, no styles, no ``javascript:`` links, and frames only from
the video hosts the content security policy allows (``EMBED_FRAME_HOSTS``).
"""

import functools
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, attribute_rule, check_url

register = template.Library()


def _embeddable(url: str) -> str | None:
    parts = urlsplit(url)
    return url if f"{parts.scheme}://{parts.netloc}" in settings.EMBED_FRAME_HOSTS else None


class RichTextCleaner(Whitelister):
    """Wagtail's whitelister, with what the expanded HTML of its features needs: classes on
    images (alignment), links with a class, blocks around embeds, and video frames."""

    element_rules = {
        **DEFAULT_ELEMENT_RULES,
        "a": attribute_rule({"href": check_url}),
        "img": attribute_rule({"src": check_url, "width": True, "height": True, "alt": True, "class": True}),
        "div": attribute_rule({"class": True}),
        "blockquote": attribute_rule({}),
        "iframe": attribute_rule(
            {
                "src": _embeddable,
                "width": True,
                "height": True,
                "title": True,
                "allow": True,
                "allowfullscreen": True,
                "frameborder": True,
                "referrerpolicy": True,
            }
        ),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in ("script", "style", "template", "noscript"):
            tag.decompose()  # the contents too: not text anyone wrote to read
            return
        super().clean_tag_node(doc, tag)
        if tag.name == "iframe" and not tag.get("src"):
            tag.decompose()


CLEANER = RichTextCleaner()


@functools.lru_cache(maxsize=4096)
def _cleaned(html: str) -> str:
    """The whitelister parses with html5lib, in pure Python: a page repeats its rich texts on
    every view, so each distinct text is cleaned once per process (the answer depends on the
    text alone)."""
    return CLEANER.clean(html)


@register.filter
def clean_rich_text(html) -> SafeString:
    return mark_safe(_cleaned(str(html or "")))  # noqa: S308 - the output of the whitelister
