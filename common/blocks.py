"""StreamField blocks shared by every content page of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = _("Een tussenkop die de pagina in delen verdeelt")
        preview_value = {"text": "Wat je hier leert", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("info", _("Informatie")), ("tip", _("Tip")), ("warning", _("Let op"))],
        default="info",
    )
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        template = "components/streamfield/callout_block.html"
        description = _("Een opvallend kader voor een tip of waarschuwing")
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "<p>Begin met de actielijst van de vorige vergadering.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Bron"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        description = _("Een citaat met bron")
        preview_value = {
            "text": "Ik ben de spil in het web van ons programma.",
            "attribution": "Projectondersteuner, gemeente",
        }


class LinkCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Korte tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of een webadres"), required=False)

    class Meta:
        icon = "link"
        template = "components/streamfield/link_card_block.html"
        description = _("Een kaart die naar een andere pagina verwijst")
        preview_value = {"title": "Functieprofielen", "text": "Bekijk wat elke rol vraagt."}


class LinkCardsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(LinkCardBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/link_cards_block.html"
        description = _("Een rij kaarten met verwijzingen")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Alinea"),
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Tekst met opmaak en links"),
        preview_value="<p>Spil helpt projectondersteuners en PMO'ers verder.</p>",
    )
    image = ImageBlock(
        label=_("Afbeelding"),
        template="components/streamfield/image_block.html",
        description=_("Een afbeelding met beschrijving voor schermlezers"),
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video of insluiting"),
        icon="media",
        template="components/streamfield/embed_block.html",
        description=_("Een video of andere insluiting via een webadres"),
    )
    cards = LinkCardsBlock(label=_("Kaarten"))
