"""Writes that set up the site itself."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from common.i18n import remember_locale

from .models import ContentPage, HomePage

ACCESSIBILITY_SLUG = "toegankelijkheid"

ACCESSIBILITY_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>Spil wil voor iedereen bruikbaar zijn, ook voor wie een schermlezer, vergroting "
            "of alleen een toetsenbord gebruikt. Overheidsorganisaties zijn wettelijk verplicht om "
            "hun websites te laten voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1 "
            "op niveau AA. Die eis stellen wij ook aan onszelf.</p>"
        ),
    },
    {"type": "heading", "value": {"text": "Hoe wij dit bewaken", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<ul><li>Elke pagina wordt bij elke wijziging automatisch getoetst met axe-core op "
            "de criteria van WCAG 2.1 A en AA.</li><li>We gebruiken de componenten van het NL "
            "Design System, die met toegankelijkheid als uitgangspunt zijn gebouwd.</li><li>Alle "
            "functies zijn met het toetsenbord te bedienen en hebben een zichtbare focus.</li></ul>"
        ),
    },
    {"type": "heading", "value": {"text": "Iets gevonden dat niet werkt?", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>Laat het ons weten via de helpdesk van je organisatie of mail naar "
            "toegankelijkheid@spil.example.org. We reageren binnen vijf werkdagen en vertellen "
            "wanneer het is opgelost.</p>"
        ),
    },
]


@transaction.atomic
def ensure_site() -> HomePage:
    """Make sure the page tree has Spil's home page, its Site, and the accessibility
    statement at /toegankelijkheid/. Safe to run any number of times, in production too."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=get_supported_content_language_variant(code))
        remember_locale(locale)
    default_locale = Locale.get_default()
    site_url = urlsplit(settings.SITE_URL)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        # Wagtail's first migration creates a placeholder welcome page; ours replaces it.
        for placeholder in root.get_children().filter(slug="home").exact_type(Page):
            placeholder.delete()
        root.refresh_from_db()
        home = root.add_child(
            instance=HomePage(
                title="Spil",
                slug="home",
                introduction=(
                    "Leren en groeien als projectondersteuner, PMO'er of managementondersteuner: "
                    "de spil in het web van je organisatie."
                ),
            )
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            # The address people use (SITE_URL), so Wagtail's full URLs and the sitemap match it.
            "hostname": site_url.hostname or "localhost",
            "port": site_url.port or (443 if site_url.scheme == "https" else 80),
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    if not ContentPage.objects.child_of(home).filter(slug=ACCESSIBILITY_SLUG).exists():
        home.add_child(
            instance=ContentPage(
                title="Toegankelijkheidsverklaring",
                slug=ACCESSIBILITY_SLUG,
                introduction=("Hoe Spil werkt aan toegankelijkheid, en wat je kunt doen als iets niet werkt."),
                body=ACCESSIBILITY_BODY,
                show_in_menus=False,
            )
        )
    return home
