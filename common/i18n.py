"""English versions of pages, with Wagtail's own localisation.

Spil has one address per page. The reader's language (the language switch, or a signed-in
person's preference) decides which version of a page is shown at that address: the English
translation where an editor made one and published it, the Dutch page where not.

Only pages that carry text and nothing else can be translated (home, index and content
pages: ``TranslatablePageMixin``). Tracks, modules, role profiles and self-scans stay one
page in one language: enrolments, progress, answers and certificates point at them, and a
second page per language would split a learner's history in two.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def can_be_translated(page: Page) -> bool:
    return bool(getattr(page.specific_class, "translatable_page", False))


_LOCALE_CODES: dict[int, str] = {}


def locale_code(locale_id: int) -> str | None:
    """The language code of a locale, from a cache of the (small, rarely changed) locale
    table: every page asks, and a query each time would add one to every page."""
    if locale_id not in _LOCALE_CODES:
        _LOCALE_CODES.clear()
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id)


def remember_locale(locale: Locale, **kwargs) -> None:
    _LOCALE_CODES[locale.pk] = locale.language_code


def forget_locale(instance: Locale, **kwargs) -> None:
    _LOCALE_CODES.pop(instance.pk, None)


def forget_all_locales() -> None:
    """For tests that replace the locale table wholesale (tests/demo_content.py)."""
    _LOCALE_CODES.clear()


post_save.connect(lambda instance, **kwargs: remember_locale(instance), sender=Locale, weak=False)
post_delete.connect(forget_locale, sender=Locale)


def default_version(page: Page) -> Page:
    """The Dutch (default-locale) version of a page; the page itself if it is Dutch."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if locale_code(page.locale_id) == default:
        return page
    return page.get_translation_or_none(Locale.objects.get(language_code=default)) or page


def localized_pages(pages: list[Page]) -> list[Page]:
    """Each page in the reader's language where a live translation exists, in at most one
    query (none when they all are in that language already)."""
    active = get_supported_content_language_variant(translation.get_language())
    keys = [page.translation_key for page in pages if locale_code(page.locale_id) != active]
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(locale__language_code=active, translation_key__in=keys).specific()
    }
    return [translations.get(page.translation_key, page) for page in pages]


class TranslatablePageMixin:
    """A page an editor may translate; its translation lives at the same address.

    Routing goes through the reader's language (Wagtail starts at the home page's
    translation). What a translation does not hold itself (the tracks under the English
    'Learning offer', a page nobody translated) is found under the Dutch page."""

    translatable_page = True

    @cached_property
    def content_source(self) -> Page:
        """The Dutch version: the one whose children are the content (tracks, profiles)."""
        return default_version(self)

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            source = self.content_source
            if path_components and source.pk != self.pk:
                return source.specific.route(request, path_components)
            raise

    def full_clean(self, *args, **kwargs):
        # One address per page: a translation keeps the slug of the Dutch page it translates
        # (except a home page, whose address is the site's root either way).
        source = self.content_source
        if source.pk != self.pk and source.depth > 2:
            self.slug = source.slug
        super().full_clean(*args, **kwargs)


SINGLE_LANGUAGE = _(
    "Deze pagina heeft één versie, in het Nederlands: leergangen, modules, functieprofielen en zelfscans "
    "houden de voortgang en resultaten van deelnemers bij. Vertaal de startpagina, de overzichtspagina's "
    "en de inhoudspagina's."
)
