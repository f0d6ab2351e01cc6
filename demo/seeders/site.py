"""The home page's cards, and the English versions of the home, index and content pages."""

from wagtail.models import Locale

from ..content import site as content


def fill_home(home) -> None:
    """Give the home page cards to every part of the site, once; an editor's body stays."""
    if home.body:
        return
    home.body = _home_body(home, lead=content.HOME_LEAD, cards=content.HOME_CARDS)
    home.save_revision().publish()


def translate_pages(home) -> int:
    """English versions of the home, index and content pages, made once with Wagtail's
    own copy for translation; a translation an editor already made stays as it is."""
    english = Locale.objects.get(language_code="en")
    made = 0
    pages = [home, *[page.specific for page in home.get_children().live() if page.slug in content.TRANSLATIONS_EN]]
    for page in pages:
        if page.has_translation(english):
            continue
        fields = dict(content.TRANSLATIONS_EN["" if page.pk == home.pk else page.slug])
        if page.pk == home.pk:
            cards = [(slug, title, text) for slug, (title, text) in content.HOME_CARDS_EN.items()]
            fields["body"] = _home_body(home, lead=content.HOME_LEAD_EN, cards=cards)
        translation = page.copy_for_translation(english)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()
        made += 1
    return made


def _home_body(home, *, lead: str, cards: list) -> list:
    """A paragraph, then a card for each (slug, title, text) whose page is a live child of home."""
    pages = {page.slug: page for page in home.get_children().live()}
    return [
        {"type": "paragraph", "value": f"<p>{lead}</p>"},
        {
            "type": "cards",
            "value": [
                {"title": title, "text": text, "page": pages[slug].pk, "url": ""}
                for slug, title, text in cards
                if slug in pages
            ],
        },
    ]
